/** What a line of a cycle's timeline may mention, already formatted for the reader. */
export interface TimelineArgs {
  round: number | null;
  /** The body's name. */
  body: string | null;
  /** The person who acted. */
  actor: string | null;
  /** The vote, in the reader's words ('voor'). */
  value: string | null;
  /** Vote weight, formatted. */
  weight: string | null;
  /** A date the event names (new deadline, letters date), formatted. */
  when: string | null;
  count: number | null;
  /** A body's decision, in the reader's words ('goedgekeurd'). */
  result: string | null;
}

/** What the planned timeline of a budget cycle lists (libs/domain budgetTimeline kinds). */
export type ScheduleKind = 'reminder' | 'deadline' | 'escalation' | 'letters';
export type Decided = 'approved' | 'rejected';
export type DecisionKindKey = 'goedkeuring' | 'instemming' | 'advies';

/** A body's voting rule, as the admin pages describe it (libs/domain VotingRule). */
export interface VotingRuleShape {
  weighting: 'one_member_one_vote' | 'pupil_count';
  quorum: { basis: 'members' | 'weight'; numerator: number; denominator: number } | null;
  majority: {
    basis: 'votes_cast' | 'all_members';
    strict: boolean;
    numerator: number;
    denominator: number;
  };
  abstentions: 'excluded' | 'count_against';
}

type Fraction = { numerator: number; denominator: number };
export const fraction = (f: Fraction): string => `${f.numerator}/${f.denominator}`;
export const isHalf = (f: Fraction): boolean => f.numerator * 2 === f.denominator;
