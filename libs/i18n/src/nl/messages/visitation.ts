import { formatCount } from '../../format';
import { labels } from '../labels';

/**
 * Why a visitation schedule cannot exist, what binds a proposed one and what is wrong with a
 * given one (libs/domain/src/visitation/explanations.ts): the keys are the domain's explanation
 * codes ('visitation.TOO_FEW_CHAIRS'), the parameters its counts and names.
 */
const n = (x: number): string => formatCount('nl', x);
const plural = (x: number, one: string, many: string): string => (x === 1 ? one : many);

type LockProblemKey = keyof typeof labels.visitationLockProblem;
type Host = { host: string };
type Visitor = Host & { visitor: string };
type OnDate = Host & { date: string };

export const visitation = {
  // Counting checks before any solver runs, and their causes after an infeasible solve.
  TOO_FEW_CHAIRS: (p: { visits: number; chairs: number; chairVisits: number }) =>
    `te weinig getrainde voorzitters: ${n(p.visits)} ${plural(p.visits, 'visite', 'visites')}, ${n(p.chairs)} ${plural(p.chairs, 'voorzitter', 'voorzitters')}` +
    (p.chairVisits !== p.chairs ? ` (samen ${n(p.chairVisits)} keer voorzitter)` : ''),
  TOO_FEW_VISITORS: (p: { seats: number; visitors: number; capacity: number }) =>
    `te weinig visitatoren: ${n(p.seats)} plaatsen in de teams, ${n(p.visitors)} visitatoren die samen ${n(p.capacity)} visites mogen doen`,
  NO_DATE_FOR_HOST: (p: Host & { region: string }) =>
    `geen enkele visitedag mogelijk voor ${p.host}: binnen de vensters is elke dag weekend, feestdag, schoolvakantie (regio ${p.region}) of door de school geblokkeerd`,
  TOO_FEW_DATES: (p: { visits: number; days: number; capacity: number }) =>
    `te weinig visitedagen: ${n(p.visits)} visites, maar op de ${n(p.days)} mogelijke dagen kunnen de beschikbare visitatoren samen maar ${n(p.capacity)} teams vormen`,
  TOO_FEW_ELIGIBLE: (p: Host & { eligible: number; teamSize: number }) =>
    `te weinig visitatoren voor ${p.host}: ${n(p.eligible)} van buiten de eigen school en het eigen bestuur, een team telt er ${n(p.teamSize)}`,
  NO_ELIGIBLE_CHAIR: (p: Host) =>
    `geen getrainde voorzitter voor ${p.host} van buiten de eigen school en het eigen bestuur`,
  INVALID_LOCK: (p: Host & { reason: LockProblemKey }) =>
    `vastgezette keuze bij ${p.host} kan niet: ${labels.visitationLockProblem[p.reason]}`,
  CAUSE_RECIPROCITY: (p: { visits: number; units: number }) =>
    `de regel 'niet over en weer visiteren' maakt het rooster onmogelijk: ${n(p.visits)} visites tussen ${n(p.units)} scholen`,
  CAUSE_ONE_VISIT_PER_DAY: (p: { visits: number; days: number }) =>
    `de regel 'hoogstens één visite per persoon per dag' maakt het rooster onmogelijk: ${n(p.visits)} visites op ${n(p.days)} ${plural(p.days, 'dag', 'dagen')}`,
  CAUSE_UNAVAILABLE_DATES: (p: { visitors: number; dates: number }) =>
    `de dagen waarop visitatoren niet kunnen maken het rooster onmogelijk: ${n(p.visitors)} visitatoren gaven ${n(p.dates)} dagen op`,
  CAUSE_OWN_BOARD: (p: { hosts: number }) =>
    `de regel 'niet naar een school van het eigen bestuur' maakt het rooster onmogelijk (${n(p.hosts)} te visiteren)`,
  CAUSE_MAX_VISITS: (p: { visitors: number; maxVisits: number; seats: number }) =>
    `het maximum van ${n(p.maxVisits)} visites per visitator is te laag: ${n(p.seats)} plaatsen, ${n(p.visitors)} visitatoren`,
  CAUSE_CHAIRS: (p: { visits: number; chairs: number }) =>
    `te weinig getrainde voorzitters waar en wanneer ze nodig zijn: ${n(p.visits)} visites, ${n(p.chairs)} voorzitters`,
  CAUSE_DAY_CAPACITY: (p: { visits: number; days: number }) =>
    `te weinig visitatoren per dag: ${n(p.visits)} visites passen niet op de ${n(p.days)} mogelijke dagen`,
  CAUSE_LOCKS: (p: { locks: number }) =>
    `de ${n(p.locks)} vastgezette keuzes maken het rooster onmogelijk; maak er een of meer los`,
  CAUSE_COMBINATION: (p: { groups: number }) =>
    `geen rooster mogelijk: pas als ${n(p.groups)} regels samen worden versoepeld is er een; meer visitatoren of ruimere vensters helpen`,
  NO_SOLUTION_IN_TIME: (p: { seconds: number }) =>
    `binnen ${n(p.seconds)} seconden geen rooster gevonden; probeer het opnieuw met meer tijd`,
  // What binds in a proposal.
  BINDS_MAX_VISITS: (p: { visitors: number; maxVisits: number }) =>
    `${n(p.visitors)} visitatoren zitten op het maximum van ${n(p.maxVisits)} visites`,
  BINDS_CHAIRS: (p: { chairs: number; visits: number }) =>
    `alle ${n(p.chairs)} getrainde voorzitters zijn nodig voor de ${n(p.visits)} visites`,
  BINDS_DAY_CAPACITY: (p: { days: number }) =>
    `op ${n(p.days)} dagen zijn alle beschikbare visitatoren ingepland`,
  BINDS_RECIPROCITY: (p: { pairs: number }) =>
    `bij ${n(p.pairs)} paren scholen kon maar één richting: 'niet over en weer' beperkt de keuze`,
  BINDS_WINDOWS: (p: { weeksOver: number; weeksUnder: number }) =>
    `de spreiding wijkt af: ${n(p.weeksOver)} weken boven en ${n(p.weeksUnder)} weken onder het gemiddelde (vakanties en beschikbaarheid)`,
  BINDS_LOCKS: (p: { locks: number }) => `${n(p.locks)} vastgezette keuzes zijn aangehouden`,
  // The checker: what is wrong with a given schedule.
  HOST_WITHOUT_VISIT: (p: Host) => `${p.host} heeft geen visite`,
  HOST_VISITED_TWICE: (p: Host & { visits: number }) =>
    `${p.host} heeft ${n(p.visits)} visites in plaats van één`,
  UNKNOWN_HOST: (p: { hostId: string }) => `visite bij onbekende gastschool ${p.hostId}`,
  UNKNOWN_VISITOR: (p: Host & { visitorId: string }) =>
    `${p.host}: onbekende visitator ${p.visitorId}`,
  TEAM_SIZE: (p: Host & { size: number; teamSize: number }) =>
    `${p.host}: team van ${n(p.size)} in plaats van ${n(p.teamSize)}`,
  CHAIR_COUNT: (p: Host & { chairs: number }) =>
    `${p.host}: ${n(p.chairs)} voorzitters in plaats van één`,
  CHAIR_NOT_TRAINED: (p: Visitor) => `${p.host}: voorzitter ${p.visitor} is niet getraind`,
  VISITOR_TWICE_IN_TEAM: (p: Visitor) => `${p.host}: ${p.visitor} staat twee keer in het team`,
  OWN_SCHOOL: (p: Visitor) => `${p.visitor} visiteert de eigen school (${p.host})`,
  OWN_BOARD: (p: Visitor) => `${p.visitor} visiteert een school van het eigen bestuur (${p.host})`,
  EXCLUDED_VISITOR: (p: Visitor) => `${p.visitor} mag ${p.host} niet visiteren`,
  RECIPROCAL_PAIR: (p: { unitA: string; unitB: string }) =>
    `${p.unitA} en ${p.unitB} visiteren elkaar over en weer`,
  INVALID_DATE: (p: OnDate) => `${p.host}: '${p.date}' is geen geldige datum`,
  OUTSIDE_WINDOWS: (p: OnDate) => `${p.host}: ${p.date} valt buiten de visiteperiodes`,
  WEEKEND: (p: OnDate) => `${p.host}: ${p.date} valt in het weekend`,
  /** `holiday`: the calendar's Dutch name of the day ('Hemelvaartsdag'), in both languages. */
  PUBLIC_HOLIDAY: (p: OnDate & { holiday: string }) =>
    `${p.host}: ${p.date} is een feestdag (${p.holiday})`,
  /** `holiday`: the calendar's Dutch name of the holiday ('Herfstvakantie'), in both languages. */
  SCHOOL_HOLIDAY: (p: OnDate & { holiday: string }) =>
    `${p.host}: ${p.date} valt in de ${String(p.holiday).toLowerCase()} van de school`,
  HOST_UNAVAILABLE: (p: OnDate) => `${p.host} kan niet op ${p.date}`,
  VISITOR_UNAVAILABLE: (p: Visitor & { date: string }) =>
    `${p.visitor} kan niet op ${p.date} (visite bij ${p.host})`,
  TWO_VISITS_ON_A_DAY: (p: { visitor: string; date: string; hosts: number }) =>
    `${p.visitor} heeft ${n(p.hosts)} visites op ${p.date}`,
  TOO_MANY_VISITS: (p: { visitor: string; visits: number; maxVisits: number }) =>
    `${p.visitor} doet ${n(p.visits)} visites, hoogstens ${n(p.maxVisits)} mag`,
  LOCK_NOT_KEPT: (p: Host) => `${p.host}: een vastgezette keuze is niet aangehouden`,
};
