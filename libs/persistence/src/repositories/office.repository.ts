import type { Db } from './db';

/**
 * The office's view over every cycle of one SWV (issue #16): what runs, what needs attention,
 * and every date ahead. One query per concern, each over the whole SWV (no query per cycle);
 * no pupil data: schakeltrajecten are counted by phase only.
 */

/** Cycle statuses after which a cycle no longer runs (per kind's last phase, and failed). */
const FINISHED_STATUSES = ['failed', 'letters_sent', 'adopted', 'completed', 'closed'];
/** Visit statuses of a visit that is over or off. */
const SETTLED_VISIT_STATUSES = ['closed', 'cancelled'];

export interface OfficeCycleRow {
  kind: string;
  year: number;
  title: string;
  status: string;
  workflowId: string;
  updatedAt: Date;
}

export interface OfficeAccountabilityCount {
  cycleWorkflowId: string;
  year: number;
  status: string;
  count: number;
}

export interface OfficeLateSchool {
  year: number;
  schoolId: string;
  schoolName: string;
  daysLate: number;
  deadline: Date;
}

/** A body in a running decision round, as the cycle last published it (cycle.state.bodies). */
export interface OfficeRoundBody {
  cycleKind: string;
  year: number;
  cycleTitle: string;
  bodyKey: string;
  bodyName: string;
  status: string;
  deadline: string | null;
  quorumReached: boolean;
  notVoted: number;
  escalatedAt: string | null;
}

export interface OfficeProgramme {
  id: string;
  title: string;
  schoolYear: string;
  kind: string;
  status: string;
  visits: number;
  visitsOpen: number;
}

/** Open tasks of the SWV past their deadline, grouped by cycle and kind (counts, no names). */
export interface OfficeOverdueTasks {
  cycleKind: string | null;
  year: number | null;
  title: string | null;
  taskKind: string;
  count: number;
  oldestDueAt: Date;
}

/** One date of the SWV's agenda: tasks grouped by cycle, kind and moment; visits; letters. */
export interface OfficeAgendaRow {
  at: Date;
  /** 'deadline' (tasks due), 'visit' (a visitation day), 'letters' (allocation letters). */
  what: 'deadline' | 'visit' | 'letters';
  cycleKind: string | null;
  year: number | null;
  title: string | null;
  /** For a deadline: the task kind. */
  taskKind: string | null;
  /** For a visit: the host's name (a school, a location or a process). */
  host: string | null;
  /** Tasks due at the moment (all but cancelled) and of those still open. */
  total: number;
  open: number;
}

export class OfficeRepository {
  constructor(private readonly db: Db) {}

  /** The cycles of the SWV that have not finished (or failed), newest first. */
  async runningCycles(organisationId: string): Promise<OfficeCycleRow[]> {
    const rows = (await this.db.query(
      `SELECT kind, year, title, status, workflow_id, updated_at
         FROM cycle
        WHERE organisation_id = $1 AND NOT (status = ANY($2::text[]))
        ORDER BY year DESC, kind`,
      [organisationId, FINISHED_STATUSES],
    )) as {
      kind: string;
      year: number;
      title: string;
      status: string;
      workflow_id: string;
      updated_at: Date;
    }[];
    return rows.map((r) => ({
      kind: r.kind,
      year: r.year,
      title: r.title,
      status: r.status,
      workflowId: r.workflow_id,
      updatedAt: r.updated_at,
    }));
  }

  /** Schools per accountability cycle and status. */
  async accountabilityCounts(organisationId: string): Promise<OfficeAccountabilityCount[]> {
    const rows = (await this.db.query(
      `SELECT cycle_workflow_id, accounting_year, status, count(*)::int AS count
         FROM school_accountability
        WHERE organisation_id = $1
        GROUP BY cycle_workflow_id, accounting_year, status
        ORDER BY accounting_year DESC, status`,
      [organisationId],
    )) as { cycle_workflow_id: string; accounting_year: number; status: string; count: number }[];
    return rows.map((r) => ({
      cycleWorkflowId: r.cycle_workflow_id,
      year: r.accounting_year,
      status: r.status,
      count: r.count,
    }));
  }

  /** Schools late with their accountability (not yet submitted), most days late first. */
  async lateSchools(organisationId: string): Promise<OfficeLateSchool[]> {
    const rows = (await this.db.query(
      `SELECT sa.accounting_year, sa.school_id, s.name, sa.days_late, sa.deadline
         FROM school_accountability sa
         JOIN school s ON s.id = sa.school_id AND s.organisation_id = sa.organisation_id
        WHERE sa.organisation_id = $1 AND sa.status = 'late'
        ORDER BY sa.days_late DESC, s.name`,
      [organisationId],
    )) as {
      accounting_year: number;
      school_id: string;
      name: string;
      days_late: number;
      deadline: Date;
    }[];
    return rows.map((r) => ({
      year: r.accounting_year,
      schoolId: r.school_id,
      schoolName: r.name,
      daysLate: r.days_late,
      deadline: r.deadline,
    }));
  }

  /** The bodies of the running decision rounds (budget, support plan) that are still open. */
  async openRoundBodies(organisationId: string): Promise<OfficeRoundBody[]> {
    const rows = (await this.db.query(
      `SELECT c.kind, c.year, c.title, b.body
         FROM cycle c
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(c.state -> 'bodies') = 'array' THEN c.state -> 'bodies' ELSE '[]'::jsonb END
         ) AS b(body)
        WHERE c.organisation_id = $1 AND NOT (c.status = ANY($2::text[]))
          AND b.body ->> 'status' IN ('opening', 'open', 'escalated')
        ORDER BY b.body ->> 'deadline', c.kind`,
      [organisationId, FINISHED_STATUSES],
    )) as { kind: string; year: number; title: string; body: Record<string, unknown> }[];
    return rows.map((r) => {
      const body = r.body;
      const str = (key: string): string | null =>
        typeof body[key] === 'string' ? (body[key] as string) : null;
      return {
        cycleKind: r.kind,
        year: r.year,
        cycleTitle: r.title,
        bodyKey: str('bodyKey') ?? '',
        bodyName: str('name') ?? str('bodyKey') ?? '',
        status: str('status') ?? 'open',
        deadline: str('deadline'),
        quorumReached: body['quorumReached'] === true,
        notVoted: Array.isArray(body['notVoted']) ? body['notVoted'].length : 0,
        escalatedAt: str('escalatedAt'),
      };
    });
  }

  /** Open schakeltrajecten per phase: counts only, never a pupil. */
  async transitionsByPhase(organisationId: string): Promise<{ phase: string; count: number }[]> {
    return (await this.db.query(
      `SELECT phase, count(*)::int AS count FROM transition_case
        WHERE organisation_id = $1 AND status = 'open'
        GROUP BY phase ORDER BY phase`,
      [organisationId],
    )) as { phase: string; count: number }[];
  }

  /** The published visitation programmes with their number of visits and of visits still on. */
  async programmes(organisationId: string): Promise<OfficeProgramme[]> {
    const rows = (await this.db.query(
      `SELECT p.id, p.title, p.school_year, p.kind, p.status,
              count(v.id)::int AS visits,
              count(v.id) FILTER (WHERE NOT (v.status = ANY($2::text[])))::int AS visits_open
         FROM visitation_programme p
         LEFT JOIN visitation_visit v ON v.programme_id = p.id AND v.organisation_id = p.organisation_id
        WHERE p.organisation_id = $1
        GROUP BY p.id
        ORDER BY p.school_year DESC, p.title`,
      [organisationId, SETTLED_VISIT_STATUSES],
    )) as {
      id: string;
      title: string;
      school_year: string;
      kind: string;
      status: string;
      visits: number;
      visits_open: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      schoolYear: r.school_year,
      kind: r.kind,
      status: r.status,
      visits: r.visits,
      visitsOpen: r.visits_open,
    }));
  }

  /** Open tasks past their deadline, grouped by cycle and task kind. */
  async overdueTasks(organisationId: string, now: Date): Promise<OfficeOverdueTasks[]> {
    const rows = (await this.db.query(
      `SELECT ${CYCLE_OF_TASK} AS cycle_kind, coalesce(c.year, c2.year) AS year,
              coalesce(c.title, c2.title, p.title) AS title,
              t.kind AS task_kind, count(*)::int AS count, min(t.due_at) AS oldest_due_at
         FROM task t ${TASK_CYCLE_JOINS}
        WHERE t.organisation_id = $1 AND t.status = 'open' AND t.due_at < $2
          AND ${NOT_A_TRANSITION_TASK}
        GROUP BY 1, 2, 3, 4
        ORDER BY min(t.due_at)`,
      [organisationId, now],
    )) as {
      cycle_kind: string | null;
      year: number | null;
      title: string | null;
      task_kind: string;
      count: number;
      oldest_due_at: Date;
    }[];
    return rows.map((r) => ({
      cycleKind: r.cycle_kind,
      year: r.year,
      title: r.title,
      taskKind: r.task_kind,
      count: r.count,
      oldestDueAt: r.oldest_due_at,
    }));
  }

  /** Mails refused for good (status failed): how many, and the newest few. */
  async refusedMails(
    organisationId: string,
    newest: number,
  ): Promise<{
    count: number;
    recent: { to: string; subject: string; reason: string; at: Date | null }[];
  }> {
    const rows = (await this.db.query(
      `SELECT to_address, subject, coalesce(last_error, '') AS reason, last_attempt_at,
              count(*) OVER ()::int AS count
         FROM outbox_message
        WHERE organisation_id = $1 AND status = 'failed'
        ORDER BY last_attempt_at DESC NULLS LAST, idempotency_key
        LIMIT $2`,
      [organisationId, newest],
    )) as {
      to_address: string;
      subject: string;
      reason: string;
      last_attempt_at: Date | null;
      count: number;
    }[];
    return {
      count: rows[0]?.count ?? 0,
      recent: rows.map((r) => ({
        to: r.to_address,
        subject: r.subject,
        reason: r.reason,
        at: r.last_attempt_at,
      })),
    };
  }

  /** Every date of the SWV between `from` and `to`, in time order. */
  async agenda(organisationId: string, from: Date, to: Date): Promise<OfficeAgendaRow[]> {
    const [deadlines, visits, letters] = await Promise.all([
      this.db.query(
        `SELECT t.due_at AS at, ${CYCLE_OF_TASK} AS cycle_kind, coalesce(c.year, c2.year) AS year,
                coalesce(c.title, c2.title, p.title) AS title, t.kind AS task_kind,
                count(*)::int AS total, count(*) FILTER (WHERE t.status = 'open')::int AS open
           FROM task t ${TASK_CYCLE_JOINS}
          WHERE t.organisation_id = $1 AND t.due_at >= $2 AND t.due_at < $3
            AND t.status <> 'cancelled' AND ${NOT_A_TRANSITION_TASK}
          GROUP BY 1, 2, 3, 4, 5`,
        [organisationId, from, to],
      ) as Promise<
        {
          at: Date;
          cycle_kind: string | null;
          year: number | null;
          title: string | null;
          task_kind: string;
          total: number;
          open: number;
        }[]
      >,
      // A visit day is a date; it starts the day at 00:00 Amsterdam time.
      this.db.query(
        `SELECT (v.visit_date::timestamp AT TIME ZONE 'Europe/Amsterdam') AS at, p.title,
                h.name AS host, p.school_year
           FROM visitation_visit v
           JOIN visitation_programme p ON p.id = v.programme_id AND p.organisation_id = v.organisation_id
           JOIN visitation_host h ON h.id = v.host_id
          WHERE v.organisation_id = $1 AND v.status <> 'cancelled'
            AND (v.visit_date::timestamp AT TIME ZONE 'Europe/Amsterdam') >= $2
            AND (v.visit_date::timestamp AT TIME ZONE 'Europe/Amsterdam') < $3`,
        [organisationId, from, to],
      ) as Promise<{ at: Date; title: string; host: string; school_year: string }[]>,
      this.db.query(
        `SELECT (coalesce(state -> 'letters' ->> 'scheduledFor', state ->> 'lettersDate'))::timestamptz AS at,
                kind, year, title
           FROM cycle
          WHERE organisation_id = $1 AND kind = 'budget' AND status <> 'failed'
            AND jsonb_typeof(state) = 'object'
            AND coalesce(state -> 'letters' ->> 'scheduledFor', state ->> 'lettersDate') IS NOT NULL
            AND (coalesce(state -> 'letters' ->> 'scheduledFor', state ->> 'lettersDate'))::timestamptz >= $2
            AND (coalesce(state -> 'letters' ->> 'scheduledFor', state ->> 'lettersDate'))::timestamptz < $3`,
        [organisationId, from, to],
      ) as Promise<{ at: Date; kind: string; year: number; title: string }[]>,
    ]);
    const rows: OfficeAgendaRow[] = [
      ...deadlines.map((r) => ({
        at: r.at,
        what: 'deadline' as const,
        cycleKind: r.cycle_kind,
        year: r.year,
        title: r.title,
        taskKind: r.task_kind,
        host: null,
        total: r.total,
        open: r.open,
      })),
      ...visits.map((r) => ({
        at: r.at,
        what: 'visit' as const,
        cycleKind: 'visitation',
        year: null,
        title: r.title,
        taskKind: null,
        host: r.host,
        total: 0,
        open: 0,
      })),
      ...letters.map((r) => ({
        at: r.at,
        what: 'letters' as const,
        cycleKind: r.kind,
        year: r.year,
        title: r.title,
        taskKind: null,
        host: null,
        total: 0,
        open: 0,
      })),
    ];
    return rows.sort(
      (a, b) =>
        a.at.getTime() - b.at.getTime() ||
        (a.title ?? '').localeCompare(b.title ?? '') ||
        (a.taskKind ?? a.host ?? '').localeCompare(b.taskKind ?? b.host ?? ''),
    );
  }
}

/**
 * A task's cycle: the cycle row of its workflow (budget, support plan, ECT evaluation), of its
 * school's accountability cycle, or the visitation programme of its visit.
 */
const TASK_CYCLE_JOINS = `
  LEFT JOIN cycle c ON c.workflow_id = t.workflow_id AND c.organisation_id = t.organisation_id
  LEFT JOIN school_accountability sa ON sa.workflow_id = t.workflow_id AND sa.organisation_id = t.organisation_id
  LEFT JOIN cycle c2 ON c2.workflow_id = sa.cycle_workflow_id AND c2.organisation_id = t.organisation_id
  LEFT JOIN visitation_visit v ON v.workflow_id = t.workflow_id AND v.organisation_id = t.organisation_id
  LEFT JOIN visitation_programme p ON p.id = v.programme_id`;
const CYCLE_OF_TASK = `coalesce(c.kind, c2.kind, CASE WHEN v.id IS NOT NULL THEN 'visitation' END)`;
/** Schakeltraject tasks stay with the people on the case (need to know): never on the agenda. */
const NOT_A_TRANSITION_TASK = `t.workflow_id NOT IN (SELECT workflow_id FROM transition_case WHERE organisation_id = t.organisation_id)`;
