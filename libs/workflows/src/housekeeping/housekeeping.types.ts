/** The steps of one housekeeping run, in the order they run. */
export const HOUSEKEEPING_STEPS = ['unusedDocuments', 'expiredSignIns', 'sentMailBodies'] as const;

export type HousekeepingStep = (typeof HOUSEKEEPING_STEPS)[number];

/** What one housekeeping run removed; a count is null when its step failed. */
export interface HousekeepingResult {
  /** ISO instant the retention periods counted back from (the run's start). */
  at: string;
  /** Uploads no cycle used within UNUSED_DOCUMENT_DAYS days. */
  documents: number | null;
  /** Sign-in links that expired more than a day ago. */
  loginTokens: number | null;
  /** Sessions that expired or were ended more than a day ago. */
  sessions: number | null;
  /**
   * Sent mails whose bodies were blanked (older than OUTBOX_SENT_BODY_HOURS); null when the
   * step failed, or in a run started before the step existed (patch `housekeeping-sent-bodies`).
   */
  sentMailBodies: number | null;
  /** The steps that still failed after their retries; the next run tries them again. */
  failed: HousekeepingStep[];
}
