import type { WaiverRecord } from '@jaarcyclus/persistence';

/** A waiver as the school's audit trail recorded it ('waived' event, written by its workflow). */
export interface SchoolWaiver {
  reason: string;
  at: string;
  byName: string | null;
}

/** The waiver (AccountabilityRepository: overview, waiver) as an API value. */
export function waiverView(waiver: WaiverRecord | null): SchoolWaiver | null {
  return waiver
    ? { reason: waiver.reason, at: waiver.at.toISOString(), byName: waiver.byName }
    : null;
}
