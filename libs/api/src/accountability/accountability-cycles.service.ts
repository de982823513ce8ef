import { Injectable } from '@nestjs/common';
import {
  type AccountabilityOverviewRow,
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DomainError,
  type SchoolAccountabilityStatus,
  toOverviewCsv,
  type SchoolRegion,
  underspendingOfFigures,
} from '@jaarcyclus/domain';
import {
  AccountabilityRepository,
  type Cycle,
  CycleRepository,
  OrganisationRepository,
  Repositories,
  SchoolRepository,
} from '@jaarcyclus/persistence';
import {
  type AccountabilityCycleInput,
  accountabilityWorkflowId,
  resolveAccountabilityCycleInput,
  schoolAccountabilityWorkflowId,
  schoolSchedulePreview,
  type SchoolSchedulePreview,
  TASK_QUEUES,
} from '@jaarcyclus/workflows';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { compareNames } from '../common/tenant-references';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import { AccountabilityFormatsService } from './accountability-formats.service';
import { liveDaysLate, statusLabel } from './accountability-status';
import type { StartAccountabilityCycleDto } from './dto/accountability.dto';
import { OFFICE_ROLES } from './school-access';
import { type SchoolWaiver, waiverView } from './waiver';

/** Name under which the worker registers the parent workflow (the exported function's name). */
const CYCLE_WORKFLOW_TYPE = 'accountabilityCycleWorkflow';

export interface OverviewRow {
  schoolId: string;
  schoolName: string;
  boardId: string;
  boardName: string;
  status: SchoolAccountabilityStatus;
  statusLabel: string;
  version: number;
  deadline: string;
  /** As of the request (see liveDaysLate). */
  daysLate: number;
  submittedAt: string | null;
  lateSince: string | null;
  /**
   * Received (fixed amount and the reported variable amount) and spent (the expenses) per the
   * last submitted version, as the underspending counts them; null before the first submission.
   */
  receivedCents: number | null;
  spentCents: number | null;
  /** The underspending recorded as a deduction; null while there is none. */
  deductionCents: number | null;
  deductionAllocationYear: number | null;
  /** Why, when and by whom a waived school was waived; null for every other status. */
  waiver: SchoolWaiver | null;
  /** The school replied last in the conversation on its accountability: the office may answer. */
  schoolReplied: boolean;
}

export interface CycleOverview {
  workflowId: string;
  accountingYear: number;
  title: string;
  status: string;
  formatVersion: number;
  deadline: string | null;
  schools: number;
  /** Number of schools per status. */
  counts: Partial<Record<SchoolAccountabilityStatus, number>>;
  /** The underspending recorded as deductions so far, over the whole cycle: in cents and schools. */
  deductions: { totalCents: number; schools: number };
  /** The schools that match the filter (all of them without one). */
  rows: OverviewRow[];
}

/** See OverviewFilterDto. */
export interface OverviewFilter {
  status?: SchoolAccountabilityStatus[];
  boardId?: string;
  q?: string;
}

/** The rows that match every given filter. */
export function applyOverviewFilter(rows: OverviewRow[], filter: OverviewFilter): OverviewRow[] {
  return rows.filter((r) => matches(r, filter));
}

function matches(row: OverviewRow, filter: OverviewFilter): boolean {
  if (filter.status?.length && !filter.status.includes(row.status)) return false;
  if (filter.boardId && row.boardId !== filter.boardId) return false;
  const q = filter.q?.trim().toLocaleLowerCase('nl');
  return !q || row.schoolName.toLocaleLowerCase('nl').includes(q);
}

/**
 * The 1 February accountability cycle of one SWV and accounting year (docs/domain.md §2; docs/domain.md, source 001
 * §7.4): starting it, and the secretariat's overview of who is late. The overview is read from
 * the school status rows the school workflows keep current, so it needs no Temporal.
 */
@Injectable()
export class AccountabilityCyclesService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly accountability: AccountabilityRepository,
    private readonly schools: SchoolRepository,
    private readonly organisations: OrganisationRepository,
    private readonly repos: Repositories,
    private readonly temporal: TemporalClientHolder,
    private readonly formats: AccountabilityFormatsService,
  ) {}

  /**
   * Starts the cycle (one school workflow per school). Starting a year again returns the
   * existing cycle (`created: false`, 200), also when it has ended: the secretariat sees that
   * year's cycle instead of an error, and never a second run. The cycle's row is the guard, not
   * Temporal (the parent workflow completes after its fan-out, and Temporal forgets closed ids
   * after the retention period, so REJECT_DUPLICATE would let a zombie run start). The row is
   * claimed (unique workflow id) in the transaction that starts the workflow: a parallel start
   * waits for it and answers the existing cycle, never a 404; a failed start leaves no row.
   */
  async start(
    me: AuthenticatedPerson,
    dto: StartAccountabilityCycleDto,
    now = new Date(),
  ): Promise<{ created: boolean; overview: CycleOverview }> {
    const year = dto.accountingYear;
    const workflowId = accountabilityWorkflowId(me.organisationId, year);
    if (await this.cycles.exists(workflowId)) {
      return { created: false, overview: await this.overview(me, year, now) };
    }
    const schoolIds = await this.schoolIds(me, dto.schoolIds);
    // 503 before anything is written when Temporal is unreachable.
    const client = this.temporal.require();
    const formatVersion = await this.formats.latestVersion(me.organisationId);
    // The cycle's own offsets, else the SWV's setting, else the default (14, 7 and 1).
    const offsets =
      dto.reminderOffsetsBusinessDays ??
      (await this.defaultReminderOffsets(me)).offsetsBusinessDays;
    const input: AccountabilityCycleInput = {
      organisationId: me.organisationId,
      accountingYear: year,
      schoolIds,
      ...(dto.deadline ? { deadline: new Date(dto.deadline).toISOString() } : {}),
      ...(offsets
        ? {
            reminderPolicy: {
              offsetsBusinessDays: [...offsets],
              sendHour: DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.sendHour,
            },
          }
        : {}),
      // Pinned here, so every school and the api agree on it from the first moment.
      formatVersion,
      startedByPersonId: me.id,
      ...(dto.title ? { title: dto.title } : {}),
      // Dates that address a school skip its region's school holidays.
      region: await this.schoolRegion(me),
    };
    const config = resolveAccountabilityCycleInput(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);

    const created = await this.repos.transaction(async (tx) => {
      const claimed = await tx.cycles.claim({
        organisationId: me.organisationId,
        kind: 'accountability',
        year,
        workflowId,
        title: config.title,
        status: 'fanning_out',
        createdByPersonId: me.id,
      });
      if (!claimed) return false;
      let startedNow = true;
      try {
        await client.workflow.start(CYCLE_WORKFLOW_TYPE, {
          taskQueue: TASK_QUEUES.cycles,
          workflowId,
          args: [input],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (error) {
        // Temporal still runs it (its row was lost): keep the row; anything else rolls back.
        if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
        startedNow = false;
      }
      // The workflows keep these read models current; writing them here too lets the overview
      // list every school at once, before the fan-out has reached it.
      await tx.accountability.recordCycleStart({
        organisationId: me.organisationId,
        workflowId,
        accountingYear: year,
        formatVersion,
        deadline: config.deadline,
        reminderPolicy: config.reminderPolicy,
        schools: schoolIds.length,
      });
      await tx.accountability.insertNotStartedSchools({
        organisationId: me.organisationId,
        cycleWorkflowId: workflowId,
        accountingYear: year,
        formatVersion,
        deadline: config.deadline,
        workflowIds: schoolIds.map((id) =>
          schoolAccountabilityWorkflowId(me.organisationId, year, id),
        ),
        schoolIds,
      });
      return startedNow;
    });
    return { created, overview: await this.overview(me, year, now) };
  }

  /**
   * The dates a school of a cycle started now with these settings would see (invitation,
   * reminders, deadline, escalation, the first overdue reminders), computed by the school
   * workflow's own planning (schoolSchedulePreview) on the SWV's school calendar. Refused like
   * `start` (an invalid deadline or reminder days); nothing is written.
   */
  async preview(
    me: AuthenticatedPerson,
    dto: Pick<
      StartAccountabilityCycleDto,
      'accountingYear' | 'deadline' | 'reminderOffsetsBusinessDays'
    >,
    now = new Date(),
  ): Promise<SchoolSchedulePreview & { region: SchoolRegion }> {
    const offsets =
      dto.reminderOffsetsBusinessDays ??
      (await this.defaultReminderOffsets(me)).offsetsBusinessDays;
    const region = await this.schoolRegion(me);
    const config = resolveAccountabilityCycleInput(
      {
        organisationId: me.organisationId,
        accountingYear: dto.accountingYear,
        schoolIds: [],
        ...(dto.deadline ? { deadline: new Date(dto.deadline).toISOString() } : {}),
        reminderPolicy: {
          offsetsBusinessDays: [...offsets],
          sendHour: DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.sendHour,
        },
        startedByPersonId: me.id,
        region,
      },
      now.getTime(),
    );
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);
    return {
      ...schoolSchedulePreview(
        {
          deadline: config.deadline,
          reminderPolicy: config.reminderPolicy,
          maxOverdueReminders: config.maxOverdueReminders,
          region,
        },
        now.getTime(),
      ),
      region,
    };
  }

  async overview(
    me: AuthenticatedPerson,
    year: number,
    now = new Date(),
    filter: OverviewFilter = {},
  ): Promise<CycleOverview> {
    const workflowId = accountabilityWorkflowId(me.organisationId, year);
    const cycle = await this.accountability.cycleSummary(me.organisationId, workflowId);
    if (!cycle) throw new DomainError('NOT_FOUND', `No accountability cycle for ${year}`);
    const rows = await this.rows(me, year, now);
    const counts: CycleOverview['counts'] = {};
    for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const deducted = rows.filter((r) => r.deductionCents !== null);
    const deductions = {
      totalCents: deducted.reduce((sum, r) => sum + r.deductionCents!, 0),
      schools: deducted.length,
    };
    return {
      workflowId,
      accountingYear: year,
      title: cycle.title ?? `Verantwoording ${year}`,
      status: cycle.status ?? 'fanning_out',
      formatVersion: cycle.formatVersion,
      deadline: cycle.deadline?.toISOString() ?? null,
      schools: Math.max(cycle.schools, rows.length),
      counts,
      deductions,
      rows: applyOverviewFilter(rows, filter),
    };
  }

  /** The overview for Dutch Excel (domain `toOverviewCsv`: BOM, ';', decimal comma). */
  async overviewCsv(
    me: AuthenticatedPerson,
    year: number,
    now = new Date(),
    filter: OverviewFilter = {},
  ): Promise<string> {
    const { rows } = await this.overview(me, year, now, filter);
    return toOverviewCsv(
      rows.map((r): AccountabilityOverviewRow => ({
        schoolName: r.schoolName,
        boardName: r.boardName,
        status: r.status,
        daysLate: r.daysLate,
        submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
        receivedCents: r.receivedCents,
        spentCents: r.spentCents,
        deductionCents: r.deductionCents,
        waiverReason: r.waiver?.reason ?? null,
      })),
    );
  }

  /**
   * The schools of the cycle the person may see: all for the office, their own school for a
   * school contact, the schools they are the ECT member of for an ECT member.
   */
  /** The SWV's accountability cycles (their list rows), newest year first. */
  async list(me: AuthenticatedPerson): Promise<Cycle[]> {
    return this.cycles.list(me.organisationId, 'accountability');
  }

  async schoolsFor(
    me: AuthenticatedPerson,
    year: number,
    now = new Date(),
  ): Promise<OverviewRow[]> {
    const rows = await this.rows(me, year, now);
    if (me.roles.some((r) => OFFICE_ROLES.includes(r))) return rows;
    // Their own school (contact), the schools they are ECT member of, their board's (bestuurder).
    const ids = new Set(
      await this.schools.idsLinkedTo(me.organisationId, me.id, {
        asContact: me.roles.includes('school_contact'),
        asEct: me.roles.includes('ect_member'),
      }),
    );
    return rows.filter((r) => ids.has(r.schoolId));
  }

  private async rows(me: AuthenticatedPerson, year: number, now: Date): Promise<OverviewRow[]> {
    const rows = await this.accountability.overview(me.organisationId, year);
    return rows
      .map((r): OverviewRow => {
        const money = r.currentFigures
          ? underspendingOfFigures(r.fixedAmountCents, r.currentFigures)
          : null;
        return {
          schoolId: r.schoolId,
          schoolName: r.schoolName,
          boardId: r.boardId,
          boardName: r.boardName,
          status: r.status,
          statusLabel: statusLabel(r.status),
          version: r.version,
          deadline: r.deadline.toISOString(),
          daysLate: liveDaysLate(
            { status: r.status, deadline: r.deadline, daysLate: r.daysLate },
            now,
          ),
          submittedAt: r.submittedAt?.toISOString() ?? null,
          lateSince: r.lateSince?.toISOString() ?? null,
          receivedCents: money?.receivedCents ?? null,
          spentCents: money?.spentCents ?? null,
          deductionCents: r.deductionCents,
          deductionAllocationYear: r.deductionAllocationYear,
          waiver: waiverView(r.waiver),
          schoolReplied: r.lastReplySide === 'school',
        };
      })
      .sort(
        (a, b) => compareNames(a.schoolName, b.schoolName) || a.schoolId.localeCompare(b.schoolId),
      );
  }

  /** The given schools, each a regular school of this SWV; else every regular school. */
  /** The SWV's regular schools (the ones that account), by name. */
  async regularSchools(me: AuthenticatedPerson): Promise<{ id: string; name: string }[]> {
    const rows = await this.schools.regularSchools(me.organisationId);
    return rows.map(({ id, name }) => ({ id, name })).sort((a, b) => compareNames(a.name, b.name));
  }

  /** The SWV's school-holiday region: the calendar of every date that addresses its schools. */
  async schoolRegion(me: AuthenticatedPerson): Promise<SchoolRegion> {
    return (await this.organisations.getOrFail(me.organisationId)).region;
  }

  /** The reminder days a cycle gets when its start names none: the SWV's setting, else the default. */
  async defaultReminderOffsets(
    me: AuthenticatedPerson,
  ): Promise<{ offsetsBusinessDays: number[]; from: 'setting' | 'default' }> {
    const organisation = await this.organisations.getOrFail(me.organisationId);
    const own = organisation.settings?.accountabilityReminderOffsetsBusinessDays;
    return own
      ? { offsetsBusinessDays: [...own], from: 'setting' }
      : {
          offsetsBusinessDays: [...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY.offsetsBusinessDays],
          from: 'default',
        };
  }

  private async schoolIds(me: AuthenticatedPerson, given: string[] | undefined): Promise<string[]> {
    const regular = await this.regularSchools(me);
    if (!given) {
      if (regular.length === 0) {
        throw DomainError.of('VALIDATION', 'schoolIds', 'refusal.noRegularSchools', {
          field: 'schoolIds',
        });
      }
      return regular.map((s) => s.id);
    }
    // Only regular schools receive SWV funds to account for (docs/domain.md, source 001 §7.2); special schools are
    // funded directly, and a deduction needs a line on the board's allocation letter.
    const known = new Set(regular.map((s) => s.id));
    const seen = new Set<string>();
    given.forEach((id, i) => {
      if (!known.has(id)) {
        throw DomainError.of('VALIDATION', `schoolIds[${i}]`, 'refusal.notARegularSchool', {
          field: `schoolIds[${i}]`,
        });
      }
      if (seen.has(id)) {
        throw DomainError.of('VALIDATION', `schoolIds[${i}]`, 'refusal.schoolTwice', {
          field: `schoolIds[${i}]`,
        });
      }
      seen.add(id);
    });
    return given;
  }
}
