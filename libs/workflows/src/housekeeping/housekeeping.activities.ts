/**
 * Activities of the daily housekeeping (types only; implemented by apps/worker
 * `createHousekeepingActivities`). Each is one idempotent DELETE (or blanking UPDATE) relative to `at`: a retry, or
 * a second run for the same moment, removes nothing more.
 */
export interface HousekeepingActivities {
  /** Removes the uploaded documents no cycle used within UNUSED_DOCUMENT_DAYS days before `at`; returns how many. */
  removeUnusedDocuments(input: HousekeepingStepInput): Promise<number>;
  /** Removes the sign-in links and sessions that expired or were ended more than a day before `at`. */
  removeExpiredSignIns(input: HousekeepingStepInput): Promise<SignInsRemoved>;
  /**
   * Blanks the bodies of the mails sent more than OUTBOX_SENT_BODY_HOURS before `at` (unsent
   * ones keep theirs); returns how many. An UPDATE, idempotent like the deletions.
   */
  blankSentMailBodies(input: HousekeepingStepInput): Promise<number>;
}

export interface HousekeepingStepInput {
  /** ISO instant the retention periods count back from: the run's start. */
  at: string;
}

export interface SignInsRemoved {
  loginTokens: number;
  sessions: number;
}
