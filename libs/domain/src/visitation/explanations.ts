import { type MessageLocale } from '../accountability/validation';
import { formatCount } from '../money/money';

/**
 * Why a schedule cannot exist, what binds a proposed one, and what is wrong with a given one,
 * as codes with their counts. `explain` words them for the secretariat in Dutch (or English):
 * 'te weinig getrainde voorzitters: 12 visites, 9 voorzitters'.
 */
export type VisitationExplanation =
  // Counting checks before any solver runs, and their causes after an infeasible solve.
  | { code: 'TOO_FEW_CHAIRS'; visits: number; chairs: number; chairVisits: number }
  | { code: 'TOO_FEW_VISITORS'; seats: number; visitors: number; capacity: number }
  | { code: 'NO_DATE_FOR_HOST'; hostId: string; host: string; region: string }
  | { code: 'TOO_FEW_DATES'; visits: number; days: number; capacity: number }
  | { code: 'TOO_FEW_ELIGIBLE'; hostId: string; host: string; eligible: number; teamSize: number }
  | { code: 'NO_ELIGIBLE_CHAIR'; hostId: string; host: string }
  | { code: 'INVALID_LOCK'; hostId: string; host: string; reason: LockProblem }
  // The group of constraints that, relaxed on its own, makes the solver find a schedule.
  | { code: 'CAUSE_RECIPROCITY'; visits: number; units: number }
  | { code: 'CAUSE_ONE_VISIT_PER_DAY'; visits: number; days: number }
  | { code: 'CAUSE_UNAVAILABLE_DATES'; visitors: number; dates: number }
  | { code: 'CAUSE_OWN_BOARD'; hosts: number }
  | { code: 'CAUSE_MAX_VISITS'; visitors: number; maxVisits: number; seats: number }
  | { code: 'CAUSE_CHAIRS'; visits: number; chairs: number }
  | { code: 'CAUSE_DAY_CAPACITY'; visits: number; days: number }
  | { code: 'CAUSE_LOCKS'; locks: number }
  | { code: 'CAUSE_COMBINATION'; groups: number }
  | { code: 'NO_SOLUTION_IN_TIME'; seconds: number }
  // What binds in a proposal.
  | { code: 'BINDS_MAX_VISITS'; visitors: number; maxVisits: number }
  | { code: 'BINDS_CHAIRS'; chairs: number; visits: number }
  | { code: 'BINDS_DAY_CAPACITY'; days: number }
  | { code: 'BINDS_RECIPROCITY'; pairs: number }
  | { code: 'BINDS_WINDOWS'; weeksOver: number; weeksUnder: number }
  | { code: 'BINDS_LOCKS'; locks: number }
  // Checker: what is wrong with a given schedule.
  | { code: 'HOST_WITHOUT_VISIT'; hostId: string; host: string }
  | { code: 'HOST_VISITED_TWICE'; hostId: string; host: string; visits: number }
  | { code: 'UNKNOWN_HOST'; hostId: string }
  | { code: 'UNKNOWN_VISITOR'; hostId: string; host: string; visitorId: string }
  | { code: 'TEAM_SIZE'; hostId: string; host: string; size: number; teamSize: number }
  | { code: 'CHAIR_COUNT'; hostId: string; host: string; chairs: number }
  | { code: 'CHAIR_NOT_TRAINED'; hostId: string; host: string; visitor: string }
  | { code: 'VISITOR_TWICE_IN_TEAM'; hostId: string; host: string; visitor: string }
  | { code: 'OWN_SCHOOL'; hostId: string; host: string; visitor: string }
  | { code: 'OWN_BOARD'; hostId: string; host: string; visitor: string }
  | { code: 'EXCLUDED_VISITOR'; hostId: string; host: string; visitor: string }
  | { code: 'RECIPROCAL_PAIR'; unitA: string; unitB: string }
  | { code: 'INVALID_DATE'; hostId: string; host: string; date: string }
  | { code: 'OUTSIDE_WINDOWS'; hostId: string; host: string; date: string }
  | { code: 'WEEKEND'; hostId: string; host: string; date: string }
  | { code: 'PUBLIC_HOLIDAY'; hostId: string; host: string; date: string; holiday: string }
  | { code: 'SCHOOL_HOLIDAY'; hostId: string; host: string; date: string; holiday: string }
  | { code: 'HOST_UNAVAILABLE'; hostId: string; host: string; date: string }
  | { code: 'VISITOR_UNAVAILABLE'; hostId: string; host: string; visitor: string; date: string }
  | { code: 'TWO_VISITS_ON_A_DAY'; visitor: string; date: string; hosts: number }
  | { code: 'TOO_MANY_VISITS'; visitor: string; visits: number; maxVisits: number }
  | { code: 'LOCK_NOT_KEPT'; hostId: string; host: string };

/** Why a lock cannot be kept, whatever else the schedule does. */
export type LockProblem =
  | 'unknown-host'
  | 'unknown-visitor'
  | 'not-a-visit-day'
  | 'two-dates'
  | 'visitor-unavailable'
  | 'own-school'
  | 'own-board'
  | 'excluded'
  | 'untrained-chair'
  | 'two-chairs'
  | 'team-full';

const LOCK_PROBLEMS: Record<MessageLocale, Record<LockProblem, string>> = {
  nl: {
    'unknown-host': 'onbekende gastschool',
    'unknown-visitor': 'onbekende visitator',
    'not-a-visit-day':
      'die dag valt buiten de vensters, in het weekend, op een feestdag of in de vakantie',
    'two-dates': 'er zijn twee verschillende data vastgezet',
    'visitor-unavailable': 'de visitator kan niet op de vastgezette dag',
    'own-school': 'de visitator komt van de eigen school',
    'own-board': 'de visitator komt van het eigen bestuur',
    excluded: 'de visitator mag deze school niet visiteren',
    'untrained-chair': 'de voorzitter is niet getraind',
    'two-chairs': 'er zijn twee voorzitters vastgezet',
    'team-full': 'er zijn meer mensen vastgezet dan het team telt',
  },
  en: {
    'unknown-host': 'unknown host',
    'unknown-visitor': 'unknown visitor',
    'not-a-visit-day':
      'that day is outside the windows, in a weekend, on a public holiday or in the school holidays',
    'two-dates': 'two different dates are locked',
    'visitor-unavailable': 'the visitor is not available on the locked day',
    'own-school': 'the visitor is from the same school',
    'own-board': 'the visitor is from the same board',
    excluded: 'the visitor may not visit this host',
    'untrained-chair': 'the chair is not trained',
    'two-chairs': 'two chairs are locked',
    'team-full': 'more people are locked than the team has seats',
  },
};

export type VisitationExplanationCode = VisitationExplanation['code'];

/** Counting checks and solver causes: why no schedule exists. */
export const INFEASIBILITY_CODES: readonly VisitationExplanationCode[] = [
  'TOO_FEW_CHAIRS',
  'TOO_FEW_VISITORS',
  'NO_DATE_FOR_HOST',
  'TOO_FEW_DATES',
  'TOO_FEW_ELIGIBLE',
  'NO_ELIGIBLE_CHAIR',
  'INVALID_LOCK',
  'CAUSE_RECIPROCITY',
  'CAUSE_ONE_VISIT_PER_DAY',
  'CAUSE_UNAVAILABLE_DATES',
  'CAUSE_OWN_BOARD',
  'CAUSE_MAX_VISITS',
  'CAUSE_CHAIRS',
  'CAUSE_DAY_CAPACITY',
  'CAUSE_LOCKS',
  'CAUSE_COMBINATION',
  'NO_SOLUTION_IN_TIME',
];

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The explanation in the secretariat's words: Dutch by default, English on request. */
export function explain(e: VisitationExplanation, locale: MessageLocale = 'nl'): string {
  const n = (x: number): string => formatCount(locale, x);
  const nl = locale === 'nl';
  switch (e.code) {
    case 'TOO_FEW_CHAIRS':
      return nl
        ? `te weinig getrainde voorzitters: ${n(e.visits)} ${plural(e.visits, 'visite', 'visites')}, ${n(e.chairs)} ${plural(e.chairs, 'voorzitter', 'voorzitters')}` +
            (e.chairVisits !== e.chairs ? ` (samen ${n(e.chairVisits)} keer voorzitter)` : '')
        : `too few trained chairs: ${n(e.visits)} ${plural(e.visits, 'visit', 'visits')}, ${n(e.chairs)} ${plural(e.chairs, 'chair', 'chairs')}` +
            (e.chairVisits !== e.chairs ? ` (together ${n(e.chairVisits)} times chair)` : '');
    case 'TOO_FEW_VISITORS':
      return nl
        ? `te weinig visitatoren: ${n(e.seats)} plaatsen in de teams, ${n(e.visitors)} visitatoren die samen ${n(e.capacity)} visites mogen doen`
        : `too few visitors: ${n(e.seats)} seats in the teams, ${n(e.visitors)} visitors who may make ${n(e.capacity)} visits together`;
    case 'NO_DATE_FOR_HOST':
      return nl
        ? `geen enkele visitedag mogelijk voor ${e.host}: binnen de vensters is elke dag weekend, feestdag, schoolvakantie (regio ${e.region}) of door de school geblokkeerd`
        : `no possible visit day for ${e.host}: every day in the windows is a weekend, public holiday, school holiday (region ${e.region}) or blocked by the school`;
    case 'TOO_FEW_DATES':
      return nl
        ? `te weinig visitedagen: ${n(e.visits)} visites, maar op de ${n(e.days)} mogelijke dagen kunnen de beschikbare visitatoren samen maar ${n(e.capacity)} teams vormen`
        : `too few visit days: ${n(e.visits)} visits, but on the ${n(e.days)} possible days the available visitors can form only ${n(e.capacity)} teams`;
    case 'TOO_FEW_ELIGIBLE':
      return nl
        ? `te weinig visitatoren voor ${e.host}: ${n(e.eligible)} van buiten de eigen school en het eigen bestuur, een team telt er ${n(e.teamSize)}`
        : `too few visitors for ${e.host}: ${n(e.eligible)} from outside its own school and board, a team needs ${n(e.teamSize)}`;
    case 'NO_ELIGIBLE_CHAIR':
      return nl
        ? `geen getrainde voorzitter voor ${e.host} van buiten de eigen school en het eigen bestuur`
        : `no trained chair for ${e.host} from outside its own school and board`;
    case 'INVALID_LOCK':
      return nl
        ? `vastgezette keuze bij ${e.host} kan niet: ${LOCK_PROBLEMS.nl[e.reason]}`
        : `locked choice at ${e.host} is impossible: ${LOCK_PROBLEMS.en[e.reason]}`;
    case 'CAUSE_RECIPROCITY':
      return nl
        ? `de regel 'niet over en weer visiteren' maakt het rooster onmogelijk: ${n(e.visits)} visites tussen ${n(e.units)} scholen`
        : `the rule 'no reciprocal visits' makes the schedule impossible: ${n(e.visits)} visits between ${n(e.units)} schools`;
    case 'CAUSE_ONE_VISIT_PER_DAY':
      return nl
        ? `de regel 'hoogstens één visite per persoon per dag' maakt het rooster onmogelijk: ${n(e.visits)} visites op ${n(e.days)} ${plural(e.days, 'dag', 'dagen')}`
        : `the rule 'at most one visit per person per day' makes the schedule impossible: ${n(e.visits)} visits on ${n(e.days)} ${plural(e.days, 'day', 'days')}`;
    case 'CAUSE_UNAVAILABLE_DATES':
      return nl
        ? `de dagen waarop visitatoren niet kunnen maken het rooster onmogelijk: ${n(e.visitors)} visitatoren gaven ${n(e.dates)} dagen op`
        : `the days visitors cannot come make the schedule impossible: ${n(e.visitors)} visitors marked ${n(e.dates)} days`;
    case 'CAUSE_OWN_BOARD':
      return nl
        ? `de regel 'niet naar een school van het eigen bestuur' maakt het rooster onmogelijk (${n(e.hosts)} te visiteren)`
        : `the rule 'never a school of one's own board' makes the schedule impossible (${n(e.hosts)} to visit)`;
    case 'CAUSE_MAX_VISITS':
      return nl
        ? `het maximum van ${n(e.maxVisits)} visites per visitator is te laag: ${n(e.seats)} plaatsen, ${n(e.visitors)} visitatoren`
        : `the maximum of ${n(e.maxVisits)} visits per visitor is too low: ${n(e.seats)} seats, ${n(e.visitors)} visitors`;
    case 'CAUSE_CHAIRS':
      return nl
        ? `te weinig getrainde voorzitters waar en wanneer ze nodig zijn: ${n(e.visits)} visites, ${n(e.chairs)} voorzitters`
        : `too few trained chairs where and when they are needed: ${n(e.visits)} visits, ${n(e.chairs)} chairs`;
    case 'CAUSE_DAY_CAPACITY':
      return nl
        ? `te weinig visitatoren per dag: ${n(e.visits)} visites passen niet op de ${n(e.days)} mogelijke dagen`
        : `too few visitors per day: ${n(e.visits)} visits do not fit on the ${n(e.days)} possible days`;
    case 'CAUSE_LOCKS':
      return nl
        ? `de ${n(e.locks)} vastgezette keuzes maken het rooster onmogelijk; maak er een of meer los`
        : `the ${n(e.locks)} locked choices make the schedule impossible; unlock one or more`;
    case 'CAUSE_COMBINATION':
      return nl
        ? `geen rooster mogelijk: pas als ${n(e.groups)} regels samen worden versoepeld is er een; meer visitatoren of ruimere vensters helpen`
        : `no schedule possible: only relaxing ${n(e.groups)} rules together gives one; more visitors or wider windows help`;
    case 'NO_SOLUTION_IN_TIME':
      return nl
        ? `binnen ${n(e.seconds)} seconden geen rooster gevonden; probeer het opnieuw met meer tijd`
        : `no schedule found within ${n(e.seconds)} seconds; try again with more time`;
    case 'BINDS_MAX_VISITS':
      return nl
        ? `${n(e.visitors)} visitatoren zitten op het maximum van ${n(e.maxVisits)} visites`
        : `${n(e.visitors)} visitors are at the maximum of ${n(e.maxVisits)} visits`;
    case 'BINDS_CHAIRS':
      return nl
        ? `alle ${n(e.chairs)} getrainde voorzitters zijn nodig voor de ${n(e.visits)} visites`
        : `all ${n(e.chairs)} trained chairs are needed for the ${n(e.visits)} visits`;
    case 'BINDS_DAY_CAPACITY':
      return nl
        ? `op ${n(e.days)} dagen zijn alle beschikbare visitatoren ingepland`
        : `on ${n(e.days)} days every available visitor is scheduled`;
    case 'BINDS_RECIPROCITY':
      return nl
        ? `bij ${n(e.pairs)} paren scholen kon maar één richting: 'niet over en weer' beperkt de keuze`
        : `for ${n(e.pairs)} pairs of schools only one direction was possible: 'no reciprocal visits' limits the choice`;
    case 'BINDS_WINDOWS':
      return nl
        ? `de spreiding wijkt af: ${n(e.weeksOver)} weken boven en ${n(e.weeksUnder)} weken onder het gemiddelde (vakanties en beschikbaarheid)`
        : `the spread deviates: ${n(e.weeksOver)} weeks above and ${n(e.weeksUnder)} below the average (holidays and availability)`;
    case 'BINDS_LOCKS':
      return nl
        ? `${n(e.locks)} vastgezette keuzes zijn aangehouden`
        : `${n(e.locks)} locked choices were kept`;
    case 'HOST_WITHOUT_VISIT':
      return nl ? `${e.host} heeft geen visite` : `${e.host} has no visit`;
    case 'HOST_VISITED_TWICE':
      return nl
        ? `${e.host} heeft ${n(e.visits)} visites in plaats van één`
        : `${e.host} has ${n(e.visits)} visits instead of one`;
    case 'UNKNOWN_HOST':
      return nl
        ? `visite bij onbekende gastschool ${e.hostId}`
        : `visit to unknown host ${e.hostId}`;
    case 'UNKNOWN_VISITOR':
      return nl
        ? `${e.host}: onbekende visitator ${e.visitorId}`
        : `${e.host}: unknown visitor ${e.visitorId}`;
    case 'TEAM_SIZE':
      return nl
        ? `${e.host}: team van ${n(e.size)} in plaats van ${n(e.teamSize)}`
        : `${e.host}: team of ${n(e.size)} instead of ${n(e.teamSize)}`;
    case 'CHAIR_COUNT':
      return nl
        ? `${e.host}: ${n(e.chairs)} voorzitters in plaats van één`
        : `${e.host}: ${n(e.chairs)} chairs instead of one`;
    case 'CHAIR_NOT_TRAINED':
      return nl
        ? `${e.host}: voorzitter ${e.visitor} is niet getraind`
        : `${e.host}: chair ${e.visitor} is not trained`;
    case 'VISITOR_TWICE_IN_TEAM':
      return nl
        ? `${e.host}: ${e.visitor} staat twee keer in het team`
        : `${e.host}: ${e.visitor} is in the team twice`;
    case 'OWN_SCHOOL':
      return nl
        ? `${e.visitor} visiteert de eigen school (${e.host})`
        : `${e.visitor} visits their own school (${e.host})`;
    case 'OWN_BOARD':
      return nl
        ? `${e.visitor} visiteert een school van het eigen bestuur (${e.host})`
        : `${e.visitor} visits a school of their own board (${e.host})`;
    case 'EXCLUDED_VISITOR':
      return nl
        ? `${e.visitor} mag ${e.host} niet visiteren`
        : `${e.visitor} may not visit ${e.host}`;
    case 'RECIPROCAL_PAIR':
      return nl
        ? `${e.unitA} en ${e.unitB} visiteren elkaar over en weer`
        : `${e.unitA} and ${e.unitB} visit each other`;
    case 'INVALID_DATE':
      return nl
        ? `${e.host}: '${e.date}' is geen geldige datum`
        : `${e.host}: '${e.date}' is not a valid date`;
    case 'OUTSIDE_WINDOWS':
      return nl
        ? `${e.host}: ${e.date} valt buiten de visiteperiodes`
        : `${e.host}: ${e.date} is outside the visit windows`;
    case 'WEEKEND':
      return nl
        ? `${e.host}: ${e.date} valt in het weekend`
        : `${e.host}: ${e.date} is in a weekend`;
    case 'PUBLIC_HOLIDAY':
      return nl
        ? `${e.host}: ${e.date} is een feestdag (${e.holiday})`
        : `${e.host}: ${e.date} is a public holiday (${e.holiday})`;
    case 'SCHOOL_HOLIDAY':
      return nl
        ? `${e.host}: ${e.date} valt in de ${e.holiday.toLowerCase()} van de school`
        : `${e.host}: ${e.date} is in the school's ${e.holiday}`;
    case 'HOST_UNAVAILABLE':
      return nl ? `${e.host} kan niet op ${e.date}` : `${e.host} is not available on ${e.date}`;
    case 'VISITOR_UNAVAILABLE':
      return nl
        ? `${e.visitor} kan niet op ${e.date} (visite bij ${e.host})`
        : `${e.visitor} is not available on ${e.date} (visit to ${e.host})`;
    case 'TWO_VISITS_ON_A_DAY':
      return nl
        ? `${e.visitor} heeft ${n(e.hosts)} visites op ${e.date}`
        : `${e.visitor} has ${n(e.hosts)} visits on ${e.date}`;
    case 'TOO_MANY_VISITS':
      return nl
        ? `${e.visitor} doet ${n(e.visits)} visites, hoogstens ${n(e.maxVisits)} mag`
        : `${e.visitor} makes ${n(e.visits)} visits, at most ${n(e.maxVisits)} allowed`;
    case 'LOCK_NOT_KEPT':
      return nl
        ? `${e.host}: een vastgezette keuze is niet aangehouden`
        : `${e.host}: a locked choice was not kept`;
  }
}
