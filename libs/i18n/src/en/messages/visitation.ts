import { formatCount } from '../../format';
import type { visitation as nl } from '../../nl/messages/visitation';
import { labels } from '../labels';

const n = (x: number): string => formatCount('en', x);
const plural = (x: number, one: string, many: string): string => (x === 1 ? one : many);

export const visitation: typeof nl = {
  TOO_FEW_CHAIRS: (p) =>
    `too few trained chairs: ${n(p.visits)} ${plural(p.visits, 'visit', 'visits')}, ${n(p.chairs)} ${plural(p.chairs, 'chair', 'chairs')}` +
    (p.chairVisits !== p.chairs ? ` (together ${n(p.chairVisits)} times chair)` : ''),
  TOO_FEW_VISITORS: (p) =>
    `too few visitors: ${n(p.seats)} seats in the teams, ${n(p.visitors)} visitors who may make ${n(p.capacity)} visits together`,
  NO_DATE_FOR_HOST: (p) =>
    `no possible visit day for ${p.host}: every day in the windows is a weekend, public holiday, school holiday (region ${p.region}) or blocked by the school`,
  TOO_FEW_DATES: (p) =>
    `too few visit days: ${n(p.visits)} visits, but on the ${n(p.days)} possible days the available visitors can form only ${n(p.capacity)} teams`,
  TOO_FEW_ELIGIBLE: (p) =>
    `too few visitors for ${p.host}: ${n(p.eligible)} from outside its own school and board, a team needs ${n(p.teamSize)}`,
  NO_ELIGIBLE_CHAIR: (p) => `no trained chair for ${p.host} from outside its own school and board`,
  INVALID_LOCK: (p) =>
    `locked choice at ${p.host} is impossible: ${labels.visitationLockProblem[p.reason]}`,
  CAUSE_RECIPROCITY: (p) =>
    `the rule 'no reciprocal visits' makes the schedule impossible: ${n(p.visits)} visits between ${n(p.units)} schools`,
  CAUSE_ONE_VISIT_PER_DAY: (p) =>
    `the rule 'at most one visit per person per day' makes the schedule impossible: ${n(p.visits)} visits on ${n(p.days)} ${plural(p.days, 'day', 'days')}`,
  CAUSE_UNAVAILABLE_DATES: (p) =>
    `the days visitors cannot come make the schedule impossible: ${n(p.visitors)} visitors marked ${n(p.dates)} days`,
  CAUSE_OWN_BOARD: (p) =>
    `the rule 'never a school of one's own board' makes the schedule impossible (${n(p.hosts)} to visit)`,
  CAUSE_MAX_VISITS: (p) =>
    `the maximum of ${n(p.maxVisits)} visits per visitor is too low: ${n(p.seats)} seats, ${n(p.visitors)} visitors`,
  CAUSE_CHAIRS: (p) =>
    `too few trained chairs where and when they are needed: ${n(p.visits)} visits, ${n(p.chairs)} chairs`,
  CAUSE_DAY_CAPACITY: (p) =>
    `too few visitors per day: ${n(p.visits)} visits do not fit on the ${n(p.days)} possible days`,
  CAUSE_LOCKS: (p) =>
    `the ${n(p.locks)} locked choices make the schedule impossible; unlock one or more`,
  CAUSE_COMBINATION: (p) =>
    `no schedule possible: only relaxing ${n(p.groups)} rules together gives one; more visitors or wider windows help`,
  NO_SOLUTION_IN_TIME: (p) =>
    `no schedule found within ${n(p.seconds)} seconds; try again with more time`,
  BINDS_MAX_VISITS: (p) =>
    `${n(p.visitors)} visitors are at the maximum of ${n(p.maxVisits)} visits`,
  BINDS_CHAIRS: (p) => `all ${n(p.chairs)} trained chairs are needed for the ${n(p.visits)} visits`,
  BINDS_DAY_CAPACITY: (p) => `on ${n(p.days)} days every available visitor is scheduled`,
  BINDS_RECIPROCITY: (p) =>
    `for ${n(p.pairs)} pairs of schools only one direction was possible: 'no reciprocal visits' limits the choice`,
  BINDS_WINDOWS: (p) =>
    `the spread deviates: ${n(p.weeksOver)} weeks above and ${n(p.weeksUnder)} below the average (holidays and availability)`,
  BINDS_LOCKS: (p) => `${n(p.locks)} locked choices were kept`,
  HOST_WITHOUT_VISIT: (p) => `${p.host} has no visit`,
  HOST_VISITED_TWICE: (p) => `${p.host} has ${n(p.visits)} visits instead of one`,
  UNKNOWN_HOST: (p) => `visit to unknown host ${p.hostId}`,
  UNKNOWN_VISITOR: (p) => `${p.host}: unknown visitor ${p.visitorId}`,
  TEAM_SIZE: (p) => `${p.host}: team of ${n(p.size)} instead of ${n(p.teamSize)}`,
  CHAIR_COUNT: (p) => `${p.host}: ${n(p.chairs)} chairs instead of one`,
  CHAIR_NOT_TRAINED: (p) => `${p.host}: chair ${p.visitor} is not trained`,
  VISITOR_TWICE_IN_TEAM: (p) => `${p.host}: ${p.visitor} is in the team twice`,
  OWN_SCHOOL: (p) => `${p.visitor} visits their own school (${p.host})`,
  OWN_BOARD: (p) => `${p.visitor} visits a school of their own board (${p.host})`,
  EXCLUDED_VISITOR: (p) => `${p.visitor} may not visit ${p.host}`,
  RECIPROCAL_PAIR: (p) => `${p.unitA} and ${p.unitB} visit each other`,
  INVALID_DATE: (p) => `${p.host}: '${p.date}' is not a valid date`,
  OUTSIDE_WINDOWS: (p) => `${p.host}: ${p.date} is outside the visit windows`,
  WEEKEND: (p) => `${p.host}: ${p.date} is in a weekend`,
  PUBLIC_HOLIDAY: (p) => `${p.host}: ${p.date} is a public holiday (${p.holiday})`,
  SCHOOL_HOLIDAY: (p) => `${p.host}: ${p.date} is in the school's ${p.holiday}`,
  HOST_UNAVAILABLE: (p) => `${p.host} is not available on ${p.date}`,
  VISITOR_UNAVAILABLE: (p) => `${p.visitor} is not available on ${p.date} (visit to ${p.host})`,
  TWO_VISITS_ON_A_DAY: (p) => `${p.visitor} has ${n(p.hosts)} visits on ${p.date}`,
  TOO_MANY_VISITS: (p) =>
    `${p.visitor} makes ${n(p.visits)} visits, at most ${n(p.maxVisits)} allowed`,
  LOCK_NOT_KEPT: (p) => `${p.host}: a locked choice was not kept`,
};
