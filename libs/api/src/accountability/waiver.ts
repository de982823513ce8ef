import type { DataSource } from 'typeorm';

/** A waiver as the school's audit trail recorded it ('waived' event, written by its workflow). */
export interface SchoolWaiver {
  reason: string;
  at: string;
  byName: string | null;
}

/**
 * The latest 'waived' audit event of each school workflow (`sa`) of a waived school: the
 * reason the secretariat gave, when, and who. Joined LATERAL on the (organisation_id,
 * workflow_id, id) index of audit_event.
 */
export const WAIVER_JOIN = `LEFT JOIN LATERAL (
    SELECT e.payload->>'reason' AS reason, e.occurred_at, p.name
      FROM audit_event e
      LEFT JOIN person p ON p.organisation_id = e.organisation_id AND p.id = e.actor_person_id
     WHERE e.organisation_id = sa.organisation_id AND e.workflow_id = sa.workflow_id
       AND e.action = 'waived'
     ORDER BY e.id DESC
     LIMIT 1
  ) w ON sa.status = 'waived'`;

/** The waiver columns of WAIVER_JOIN as an API value. */
export function waiverOf(r: {
  waiver_reason: string | null;
  waived_at: Date | null;
  waived_by: string | null;
}): SchoolWaiver | null {
  if (r.waiver_reason === null || r.waived_at === null) return null;
  return { reason: r.waiver_reason, at: r.waived_at.toISOString(), byName: r.waived_by };
}

/** The waiver of one school workflow, null unless the school is waived. */
export async function schoolWaiver(
  ds: DataSource,
  organisationId: string,
  workflowId: string,
): Promise<SchoolWaiver | null> {
  const rows = (await ds.query(
    `SELECT w.reason AS waiver_reason, w.occurred_at AS waived_at, w.name AS waived_by
       FROM school_accountability sa
       ${WAIVER_JOIN}
      WHERE sa.organisation_id = $1 AND sa.workflow_id = $2`,
    [organisationId, workflowId],
  )) as { waiver_reason: string | null; waived_at: Date | null; waived_by: string | null }[];
  return rows[0] ? waiverOf(rows[0]) : null;
}
