import { renderText, type CodedText, type TextCode, type TextParams } from '@jaarcyclus/i18n/core';
import { type MessageLocale } from '../accountability/validation';

/**
 * Why a schedule cannot exist, what binds a proposed one, and what is wrong with a given one,
 * as codes with their counts and names, never a sentence. The words are the catalogue's
 * (libs/i18n, 'visitation.<code>'): `explanationText` gives the coded text, `explain` writes it
 * for the secretariat in Dutch (or English): 'te weinig getrainde voorzitters: 12 visites,
 * 9 voorzitters'.
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

/**
 * An explanation as a coded text of the catalogue (libs/i18n, messages/visitation.ts): the code
 * 'visitation.' and the explanation's own code, its counts and names as parameters. Plain data,
 * for an edge that writes it in its reader's language.
 */
export function explanationText(e: VisitationExplanation): CodedText {
  const { code, ...params } = e;
  return { code: `visitation.${code}` satisfies TextCode, params };
}

/** The explanation in the secretariat's words: Dutch by default, English on request. */
export function explain(e: VisitationExplanation, locale: MessageLocale = 'nl'): string {
  return renderText(locale, explanationText(e));
}

/**
 * Every explanation has a text in the catalogue, and every text uses only parameters its
 * explanation carries: a compile error here otherwise.
 */
type _EveryExplanationFitsItsText = Fits<{
  [E in VisitationExplanation as E['code']]: Omit<
    E,
    'code'
  > extends TextParams<`visitation.${E['code']}`>
    ? true
    : false;
}>;
type Fits<T extends Record<VisitationExplanationCode, true>> = T;
