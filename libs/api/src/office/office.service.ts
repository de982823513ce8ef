import { Injectable } from '@nestjs/common';
import {
  type OfficeAgendaRow,
  OfficeRepository,
  type OfficeCycleRow,
  type OfficeLateSchool,
  type OfficeOverdueTasks,
  type OfficeProgramme,
  type OfficeRoundBody,
  OutboxRepository,
} from '@jaarcyclus/persistence';
import { MAIL_TROUBLE_MINUTES } from '../health/mail-trouble';

/** A round's body needs the office when it has no quorum this close to its deadline (or past it). */
export const LAPSE_WARNING_DAYS = 7;
/** How far ahead "the next dates" of the home page look, and how many it shows. */
const NEXT_DATES_DAYS = 120;
const NEXT_DATES_LIMIT = 10;
/** Refused addresses the home page names (the rest: /api/mail-problems). */
const REFUSED_SHOWN = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunningCycle {
  kind: string;
  year: number;
  title: string;
  status: string;
  /** Accountability: schools per status; other kinds: empty. */
  schools: Record<string, number>;
}

export interface OfficeOverview {
  /** ISO instant the overview was taken. */
  at: string;
  running: RunningCycle[];
  programmes: OfficeProgramme[];
  /** Open schakeltrajecten per phase: counts only. */
  transitions: { open: number; byPhase: Record<string, number> };
  attention: {
    lateSchools: (Omit<OfficeLateSchool, 'deadline'> & { deadline: string })[];
    /** Bodies without quorum whose deadline is near or past, or that were escalated. */
    bodies: OfficeRoundBody[];
    mail: {
      retrying: number;
      refused: number;
      refusedRecent: { to: string; subject: string; reason: string; at: string | null }[];
    };
    /** Bodies escalated to chair and secretariat in the running rounds. */
    escalations: OfficeRoundBody[];
    /** Open tasks past their deadline per cycle and kind; visit steps among them. */
    overdueTasks: (Omit<OfficeOverdueTasks, 'oldestDueAt'> & { oldestDueAt: string })[];
  };
  next: AgendaEntry[];
}

export type AgendaEntry = Omit<OfficeAgendaRow, 'at'> & { at: string };

export interface OfficeAgenda {
  from: string;
  to: string;
  entries: AgendaEntry[];
}

/** Cycle statuses in which accountability still runs: any school not accepted or waived. */
const SETTLED_SCHOOLS = new Set(['accepted', 'waived']);

@Injectable()
export class OfficeService {
  constructor(
    private readonly office: OfficeRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async overview(organisationId: string, now = new Date()): Promise<OfficeOverview> {
    const [cycles, counts, late, bodies, phases, programmes, overdue, retrying, refused, next] =
      await Promise.all([
        this.office.runningCycles(organisationId),
        this.office.accountabilityCounts(organisationId),
        this.office.lateSchools(organisationId),
        this.office.openRoundBodies(organisationId),
        this.office.transitionsByPhase(organisationId),
        this.office.programmes(organisationId),
        this.office.overdueTasks(organisationId, now),
        this.outbox.retrying(organisationId, MAIL_TROUBLE_MINUTES),
        this.office.refusedMails(organisationId, REFUSED_SHOWN),
        this.office.agenda(organisationId, now, new Date(now.getTime() + NEXT_DATES_DAYS * DAY_MS)),
      ]);
    const byPhase = Object.fromEntries(phases.map((p) => [p.phase, p.count]));
    const lapseLimit = now.getTime() + LAPSE_WARNING_DAYS * DAY_MS;
    return {
      at: now.toISOString(),
      running: running(cycles, counts),
      programmes: programmes.filter((p) => p.status === 'published' || p.visitsOpen > 0),
      transitions: { open: phases.reduce((n, p) => n + p.count, 0), byPhase },
      attention: {
        lateSchools: late.map((s) => ({ ...s, deadline: s.deadline.toISOString() })),
        bodies: bodies.filter(
          (b) =>
            !b.quorumReached &&
            (b.status === 'escalated' ||
              (b.deadline !== null && Date.parse(b.deadline) <= lapseLimit)),
        ),
        mail: {
          retrying: retrying.count,
          refused: refused.count,
          refusedRecent: refused.recent.map((r) => ({ ...r, at: r.at?.toISOString() ?? null })),
        },
        escalations: bodies.filter((b) => b.escalatedAt !== null || b.status === 'escalated'),
        overdueTasks: overdue.map((o) => ({ ...o, oldestDueAt: o.oldestDueAt.toISOString() })),
      },
      next: next.slice(0, NEXT_DATES_LIMIT).map(entry),
    };
  }

  /** Every date of the SWV from the first of last month through twelve months ahead. */
  async agenda(organisationId: string, now = new Date()): Promise<OfficeAgenda> {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 13, 1));
    const rows = await this.office.agenda(organisationId, from, to);
    return { from: from.toISOString(), to: to.toISOString(), entries: rows.map(entry) };
  }
}

function entry(row: OfficeAgendaRow): AgendaEntry {
  return { ...row, at: row.at.toISOString() };
}

function running(
  cycles: OfficeCycleRow[],
  counts: { cycleWorkflowId: string; status: string; count: number }[],
): RunningCycle[] {
  const schools = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const perStatus = schools.get(c.cycleWorkflowId) ?? {};
    perStatus[c.status] = c.count;
    schools.set(c.cycleWorkflowId, perStatus);
  }
  return cycles.flatMap((c) => {
    const perStatus = schools.get(c.workflowId) ?? {};
    // An accountability cycle runs while a school still has to submit or be reviewed.
    if (
      c.kind === 'accountability' &&
      Object.keys(perStatus).length > 0 &&
      Object.keys(perStatus).every((s) => SETTLED_SCHOOLS.has(s))
    ) {
      return [];
    }
    return [{ kind: c.kind, year: c.year, title: c.title, status: c.status, schools: perStatus }];
  });
}
