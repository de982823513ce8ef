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
