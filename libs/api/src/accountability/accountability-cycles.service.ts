import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AccountabilityOverviewRow,
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DomainError,
  type SchoolAccountabilityStatus,
  toOverviewCsv,
} from '@jaarcyclus/domain';
import { Cycle, Organisation } from '@jaarcyclus/persistence';
import {
  type AccountabilityCycleInput,
  accountabilityWorkflowId,
  resolveAccountabilityCycleInput,
  schoolAccountabilityWorkflowId,
  TASK_QUEUES,
} from '@jaarcyclus/workflows';
import type { DataSource } from 'typeorm';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { compareNames } from '../common/tenant-references';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import { AccountabilityFormatsService } from './accountability-formats.service';
import { liveDaysLate, statusLabel } from './accountability-status';
import type { StartAccountabilityCycleDto } from './dto/accountability.dto';
import { OFFICE_ROLES } from './school-access';
import { type SchoolWaiver, WAIVER_JOIN, waiverOf } from './waiver';

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
  /** The underspending recorded as a deduction; null while there is none. */
  deductionCents: number | null;
  deductionAllocationYear: number | null;
  /** Why, when and by whom a waived school was waived; null for every other status. */
  waiver: SchoolWaiver | null;
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
 * The 1 February accountability cycle of one SWV and accounting year (DOMAIN §2; seed 001
 * §7.4): starting it, and the secretariat's overview of who is late. The overview is read from
 * the school status rows the school workflows keep current, so it needs no Temporal.
 */
@Injectable()
export class AccountabilityCyclesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalClientHolder,
    private readonly formats: AccountabilityFormatsService,
  ) {}

  /**
   * Starts the cycle (one school workflow per school). Starting a year again returns the
   * existing cycle (`created: false`): the cycle's row is the guard (the parent workflow
   * completes after its fan-out, and Temporal forgets closed ids after the retention period),
   * and REJECT_DUPLICATE refuses a concurrent second start.
   */
  async start(
    me: AuthenticatedPerson,
    dto: StartAccountabilityCycleDto,
    now = new Date(),
  ): Promise<{ created: boolean; overview: CycleOverview }> {
    const year = dto.accountingYear;
    const workflowId = accountabilityWorkflowId(me.organisationId, year);
    if (await this.ds.getRepository(Cycle).existsBy({ workflowId })) {
      return { created: false, overview: await this.overview(me, year, now) };
    }
    const schoolIds = await this.schoolIds(me, dto.schoolIds);
    // 503 before anything is written when Temporal is unreachable.
    const client = this.temporal.require();
    const formatVersion = await this.ds.transaction((em) =>
      this.formats.latestVersion(em, me.organisationId),
    );
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
    };
    const config = resolveAccountabilityCycleInput(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);

    let created = true;
    try {
      await client.workflow.start(CYCLE_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUES.cycles,
        workflowId,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw error;
      created = false;
    }
    if (created) {
      // The workflows keep these read models current; writing them here too lets the overview
      // list every school at once, before the fan-out has reached it.
      await this.ds.transaction(async (em) => {
        await em
          .createQueryBuilder()
          .insert()
          .into(Cycle)
          .values({
            organisationId: me.organisationId,
            kind: 'accountability',
            year,
            workflowId,
            title: config.title,
            status: 'fanning_out',
            createdByPersonId: me.id,
          })
          .orIgnore()
          .execute();
        await em.query(
          `INSERT INTO accountability_cycle
             (organisation_id, workflow_id, accounting_year, format_version, deadline, reminder_policy, schools)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (workflow_id) DO UPDATE
             SET reminder_policy = COALESCE(accountability_cycle.reminder_policy, EXCLUDED.reminder_policy),
                 deadline = COALESCE(accountability_cycle.deadline, EXCLUDED.deadline)`,
          [
            me.organisationId,
            workflowId,
            year,
            formatVersion,
            config.deadline,
            JSON.stringify(config.reminderPolicy),
            schoolIds.length,
          ],
        );
        await em.query(
          `INSERT INTO school_accountability
             (organisation_id, workflow_id, cycle_workflow_id, accounting_year, school_id, format_version, deadline)
           SELECT $1, w, $2, $3, s, $4, $5 FROM unnest($6::uuid[], $7::text[]) AS t(s, w)
           ON CONFLICT DO NOTHING`,
          [
            me.organisationId,
            workflowId,
            year,
            formatVersion,
            config.deadline,
            schoolIds,
            schoolIds.map((id) => schoolAccountabilityWorkflowId(me.organisationId, year, id)),
          ],
        );
      });
    }
    return { created, overview: await this.overview(me, year, now) };
  }

  async overview(
    me: AuthenticatedPerson,
    year: number,
    now = new Date(),
    filter: OverviewFilter = {},
  ): Promise<CycleOverview> {
    const workflowId = accountabilityWorkflowId(me.organisationId, year);
    const cycles = (await this.ds.query(
      `SELECT c.title, c.status, a.format_version, a.deadline, a.schools
         FROM accountability_cycle a
         LEFT JOIN cycle c ON c.workflow_id = a.workflow_id
        WHERE a.organisation_id = $1 AND a.workflow_id = $2`,
      [me.organisationId, workflowId],
    )) as {
      title: string | null;
      status: string | null;
      format_version: number;
      deadline: Date | null;
      schools: number;
    }[];
    const cycle = cycles[0];
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
      formatVersion: cycle.format_version,
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
    return this.ds.getRepository(Cycle).find({
      where: { organisationId: me.organisationId, kind: 'accountability' },
      order: { year: 'DESC' },
    });
  }

  async schoolsFor(
    me: AuthenticatedPerson,
    year: number,
    now = new Date(),
  ): Promise<OverviewRow[]> {
    const rows = await this.rows(me, year, now);
    if (me.roles.some((r) => OFFICE_ROLES.includes(r))) return rows;
    // Their own school (contact), the schools they are ECT member of, their board's (bestuurder).
    const mine = (await this.ds.query(
      `SELECT s.id FROM school s
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
        WHERE s.organisation_id = $1
          AND (($3 AND s.id = (SELECT school_id FROM person WHERE id = $2))
               OR ($4 AND s.ect_member_person_id = $2)
               OR b.bestuurder_person_id = $2)`,
      [
        me.organisationId,
        me.id,
        me.roles.includes('school_contact'),
        me.roles.includes('ect_member'),
      ],
    )) as { id: string }[];
    const ids = new Set(mine.map((r) => r.id));
    return rows.filter((r) => ids.has(r.schoolId));
  }

  private async rows(me: AuthenticatedPerson, year: number, now: Date): Promise<OverviewRow[]> {
    const rows = (await this.ds.query(
      `SELECT sa.school_id, s.name AS school_name, s.board_id, b.name AS board_name, sa.status,
              sa.version, sa.deadline, sa.days_late, sa.submitted_at, sa.late_since,
              d.amount_cents AS deduction_cents, d.allocation_year,
              w.reason AS waiver_reason, w.occurred_at AS waived_at, w.name AS waived_by
         FROM school_accountability sa
         JOIN school s ON s.organisation_id = sa.organisation_id AND s.id = sa.school_id
         JOIN school_board b ON b.organisation_id = s.organisation_id AND b.id = s.board_id
         LEFT JOIN accountability_deduction d
           ON d.organisation_id = sa.organisation_id AND d.school_id = sa.school_id
          AND d.accounting_year = sa.accounting_year
        ${WAIVER_JOIN}
        WHERE sa.organisation_id = $1 AND sa.accounting_year = $2`,
      [me.organisationId, year],
    )) as {
      school_id: string;
      school_name: string;
      board_id: string;
      board_name: string;
      status: SchoolAccountabilityStatus;
      version: number;
      deadline: Date;
      days_late: number;
      submitted_at: Date | null;
      late_since: Date | null;
      deduction_cents: string | null;
      allocation_year: number | null;
      waiver_reason: string | null;
      waived_at: Date | null;
      waived_by: string | null;
    }[];
    return rows
      .map((r): OverviewRow => ({
        schoolId: r.school_id,
        schoolName: r.school_name,
        boardId: r.board_id,
        boardName: r.board_name,
        status: r.status,
        statusLabel: statusLabel(r.status),
        version: r.version,
        deadline: r.deadline.toISOString(),
        daysLate: liveDaysLate(
          { status: r.status, deadline: r.deadline, daysLate: r.days_late },
          now,
        ),
        submittedAt: r.submitted_at?.toISOString() ?? null,
        lateSince: r.late_since?.toISOString() ?? null,
        deductionCents: r.deduction_cents === null ? null : Number(r.deduction_cents),
        deductionAllocationYear: r.allocation_year,
        waiver: waiverOf(r),
      }))
      .sort(
        (a, b) => compareNames(a.schoolName, b.schoolName) || a.schoolId.localeCompare(b.schoolId),
      );
  }

  /** The given schools, each a regular school of this SWV; else every regular school. */
  /** The SWV's regular schools (the ones that account), by name. */
  async regularSchools(me: AuthenticatedPerson): Promise<{ id: string; name: string }[]> {
    const rows = (await this.ds.query(
      `SELECT id, name FROM school WHERE organisation_id = $1 AND kind = 'regular'`,
      [me.organisationId],
    )) as { id: string; name: string }[];
    return rows.sort((a, b) => compareNames(a.name, b.name));
  }

  /** The reminder days a cycle gets when its start names none: the SWV's setting, else the default. */
  async defaultReminderOffsets(
    me: AuthenticatedPerson,
  ): Promise<{ offsetsBusinessDays: number[]; from: 'setting' | 'default' }> {
    const organisation = await this.ds
      .getRepository(Organisation)
      .findOneByOrFail({ id: me.organisationId });
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
    // Only regular schools receive SWV funds to account for (001 §7.2); special schools are
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
