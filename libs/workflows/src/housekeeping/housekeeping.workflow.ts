/**
 * housekeepingWorkflow — one round of the daily housekeeping (data minimisation): removes the
 * uploaded documents no cycle used within UNUSED_DOCUMENT_DAYS days, and the sign-in links and
 * sessions a day after they expired or were ended, and blanks the bodies of mails sent more than
 * OUTBOX_SENT_BODY_HOURS ago (worker configuration). Started by the Temporal Schedule
 * `housekeeping` (apps/worker housekeeping-schedule.ts) once a night, so there is one run per
 * night however many api or worker processes there are, and every run is visible in the
 * Temporal UI with what it removed.
 *
 * Every step is an idempotent activity (a DELETE relative to the run's start time), retried a
 * few times; a step that still fails is logged and listed in the result's `failed`, and does not
 * stop the other steps. The run ends either way, so the schedule's SKIP overlap policy never
 * skips the next night because of it, and the next night's run removes what this one left.
 */
import { isCancellation, log, patched, proxyActivities } from '@temporalio/workflow';
import type { HousekeepingActivities } from './housekeeping.activities';
import type { HousekeepingResult, HousekeepingStep } from './housekeeping.types';

/** Retried for about a quarter of an hour (five attempts), then left to the next night. */
export const HOUSEKEEPING_RETRY = {
  initialInterval: '30 seconds',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  maximumAttempts: 5,
} as const;

export async function housekeepingWorkflow(): Promise<HousekeepingResult> {
  // Workflow time: the run's start, the same in every retry of a step and on replay.
  const at = new Date(Date.now()).toISOString();
  // A DELETE of many documents with their content can take a while; no heartbeat needed.
  const acts = proxyActivities<HousekeepingActivities>({
    startToCloseTimeout: '10 minutes',
    retry: HOUSEKEEPING_RETRY,
  });
  const failed: HousekeepingStep[] = [];
  const step = async <T>(name: HousekeepingStep, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await work();
    } catch (err) {
      if (isCancellation(err)) throw err;
      // An ActivityFailure says only that the activity failed; its cause says why.
      const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
      log.error('housekeeping step failed; the next run tries again', {
        step: name,
        error: cause instanceof Error ? cause.message : String(cause),
      });
      failed.push(name);
      return null;
    }
  };

  const documents = await step('unusedDocuments', () => acts.removeUnusedDocuments({ at }));
  const signIns = await step('expiredSignIns', () => acts.removeExpiredSignIns({ at }));
  // Added after histories were recorded: a run that started without this step replays without it.
  const sentMailBodies = patched('housekeeping-sent-bodies')
    ? await step('sentMailBodies', () => acts.blankSentMailBodies({ at }))
    : null;
  const result: HousekeepingResult = {
    at,
    documents,
    loginTokens: signIns?.loginTokens ?? null,
    sessions: signIns?.sessions ?? null,
    sentMailBodies,
    failed,
  };
  log.info('housekeeping done', { ...result });
  return result;
}
