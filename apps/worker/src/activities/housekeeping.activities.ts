/**
 * Activities of the daily housekeeping (housekeepingWorkflow, started by the Temporal Schedule
 * `housekeeping`): the deletions of HousekeepingRepository, relative to the run's start `at`.
 * Each is one DELETE (or blanking UPDATE), so a retry or a second run for the same `at` removes nothing more.
 * Database failures are thrown as they are and retried by Temporal.
 */
import { log } from '@temporalio/activity';
import type { Db } from '@jaarcyclus/persistence';
import {
  EXPIRED_SIGN_IN_HOURS,
  HousekeepingRepository,
  OUTBOX_SENT_BODY_HOURS,
  UNUSED_DOCUMENT_DAYS,
} from '@jaarcyclus/persistence';
import type { HousekeepingActivities } from '@jaarcyclus/workflows';
import { refuse } from '@jaarcyclus/cycles';

export interface HousekeepingActivityDeps {
  dataSource: Db;
  /** Hours a sent mail keeps its body (OUTBOX_SENT_BODY_HOURS; default 24). */
  outboxSentBodyHours?: number;
}

/** The run's start as a Date; a malformed one is a bug of the caller, not worth a retry. */
function instant(at: string): Date {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) refuse('VALIDATION', `at must be an ISO instant (got ${at})`);
  return date;
}

export function createHousekeepingActivities(
  deps: HousekeepingActivityDeps,
): HousekeepingActivities {
  const repo = new HousekeepingRepository(deps.dataSource);
  return {
    async removeUnusedDocuments({ at }) {
      const documents = await repo.deleteUnusedDocuments(instant(at));
      if (documents > 0) {
        log.info(
          `removed ${documents} uploaded document(s) no cycle used within ${UNUSED_DOCUMENT_DAYS} days`,
        );
      }
      return documents;
    },

    async removeExpiredSignIns({ at }) {
      const removed = await repo.deleteExpiredSignIns(instant(at));
      if (removed.loginTokens + removed.sessions > 0) {
        log.info(
          `removed ${removed.loginTokens} sign-in link(s) and ${removed.sessions} session(s) expired or ended more than ${EXPIRED_SIGN_IN_HOURS} hours ago`,
        );
      }
      return removed;
    },

    async blankSentMailBodies({ at }) {
      const hours = deps.outboxSentBodyHours ?? OUTBOX_SENT_BODY_HOURS;
      const blanked = await repo.blankSentMailBodies(instant(at), hours);
      if (blanked > 0) {
        log.info(`blanked the bodies of ${blanked} mail(s) sent more than ${hours} hours ago`);
      }
      return blanked;
    },
  };
}
