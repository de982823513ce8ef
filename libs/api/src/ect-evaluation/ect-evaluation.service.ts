import { Injectable } from '@nestjs/common';
import { DomainError, toExcelCsv } from '@jaarcyclus/domain';
import { catalogueFor, formatDateTimeNumeric } from '@jaarcyclus/i18n';
import {
  type Cycle,
  CycleRepository,
  EctEvaluationRepository,
  PersonRepository,
  Repositories,
  SchoolRepository,
} from '@jaarcyclus/persistence';
import {
  closeEctEvaluationUpdate,
  defaultEctDeadline,
  ectEvaluationSchedule,
  ectEvaluationWorkflowId,
  getEctEvaluationStatusQuery,
  resolveEctEvaluationConfig,
  submitEctEvaluationUpdate,
  type EctEvaluationInput,
  type EctEvaluationStatus,
  type EctSchoolStatus,
} from '@jaarcyclus/workflows';
import { SchoolAccountabilityService } from '../accountability/school-accountability.service';
import { OFFICE_ROLES, schoolForPerson } from '../accountability/school-access';
import { claimAndStartCycle } from '../common/cycle-start';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { withTemporalDeadline } from '../budget/workflow-errors';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import type { StartEctEvaluationDto, SubmitEctEvaluationDto } from './dto/ect-evaluation.dto';

const WORKFLOW_TYPE = 'ectEvaluationWorkflow';
/** The read-model kind the worker writes (apps/worker ECT_EVALUATION_CYCLE). */
export const ECT_EVALUATION_KIND = 'ect_evaluation';

export interface EctProgressRow {
  schoolId: string;
  schoolName: string;
  ectPersonId: string;
  ectName: string;
  status: EctSchoolStatus;
  submittedAt: string | null;
  remindersSent: number;
  /** What was agreed for next year, once submitted (the office reads it). */
  agreements: string | null;
}

const isOffice = (me: AuthenticatedPerson): boolean =>
  me.roles.some((r) => OFFICE_ROLES.includes(r));

/**
 * The autumn ECT evaluation (docs/domain.md, source 001 §7.4): the secretariat starts it for
 * every regular school with an ECT member and follows its progress; each school's ECT member
 * fills in the short form beside the school's accountability of the year before. The workflow
 * id comes from the signed-in person's organisation; another SWV's year or school answers 404.
 */
@Injectable()
export class EctEvaluationService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly evaluations: EctEvaluationRepository,
    private readonly persons: PersonRepository,
    private readonly schools: SchoolRepository,
    private readonly accountability: SchoolAccountabilityService,
    private readonly temporal: TemporalClientHolder,
    private readonly repos: Repositories,
  ) {}

  async preview(me: AuthenticatedPerson, dto: StartEctEvaluationDto, now = new Date()) {
    const { input, names } = await this.buildInput(me, dto);
    const config = this.resolve(input, now);
    return {
      workflowId: ectEvaluationWorkflowId(me.organisationId, dto.year),
      title: config.title,
      year: config.year,
      deadline: config.deadline,
      // The mails go to the ECT members (SWV staff): the office calendar applies.
      calendar: 'office' as const,
      schools: config.schools.map((s) => ({ schoolId: s.schoolId, name: names.get(s.schoolId) })),
      schedule: ectEvaluationSchedule(config, now).map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
      })),
    };
  }

  /** Starts the year's evaluation, or answers the existing one (`created: false`). */
  async start(
    me: AuthenticatedPerson,
    dto: StartEctEvaluationDto,
    now = new Date(),
  ): Promise<{ created: boolean; status: EctEvaluationStatus }> {
    const { input } = await this.buildInput(me, dto);
    const config = this.resolve(input, now);
    const workflowId = ectEvaluationWorkflowId(me.organisationId, dto.year);
    if (await this.cycles.exists(workflowId))
      return { created: false, status: await this.status(me, dto.year) };
    const client = this.temporal.require();
    const created = await claimAndStartCycle(this.repos, client, {
      row: {
        organisationId: me.organisationId,
        kind: ECT_EVALUATION_KIND,
        year: dto.year,
        workflowId,
        title: config.title,
        status: 'inviting',
        createdByPersonId: me.id,
      },
      workflowType: WORKFLOW_TYPE,
      args: [input],
    });
    return { created, status: await this.status(me, dto.year) };
  }

  list(me: AuthenticatedPerson): Promise<Cycle[]> {
    return this.cycles.list(me.organisationId, ECT_EVALUATION_KIND);
  }

  /** The cycle's state; an ECT member sees only their own schools. */
  async status(me: AuthenticatedPerson, year: number): Promise<EctEvaluationStatus> {
    const workflowId = ectEvaluationWorkflowId(me.organisationId, year);
    const status =
      (await this.cycles.publishedState<EctEvaluationStatus>(me.organisationId, workflowId)) ??
      (await this.withCycle(me, year, (h) => h.query(getEctEvaluationStatusQuery)));
    if (isOffice(me)) return status;
    const own = status.schools.filter((s) => s.ectPersonId === me.id);
    if (own.length === 0) throw new DomainError('NOT_FOUND', `No evaluation for ${year}`);
    return { ...status, closedByPersonId: null, schools: own };
  }

  /** Per school: its ECT member, status, when submitted, reminders sent (the office's overview). */
  async progress(
    me: AuthenticatedPerson,
    year: number,
  ): Promise<{ status: EctEvaluationStatus; rows: EctProgressRow[] }> {
    const status = await this.status(me, year);
    const ids = status.schools.map((s) => s.schoolId);
    const [names, people, stored] = await Promise.all([
      this.schools.names(me.organisationId, ids),
      this.persons.contacts(
        me.organisationId,
        status.schools.map((s) => s.ectPersonId),
        { activeOnly: false },
      ),
      this.evaluations.forYear(me.organisationId, year),
    ]);
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const rows = status.schools
      .map((s) => ({
        schoolId: s.schoolId,
        schoolName: names.get(s.schoolId) ?? '',
        ectPersonId: s.ectPersonId,
        ectName: nameOf.get(s.ectPersonId) ?? '',
        status: s.status,
        submittedAt: s.submittedAt,
        remindersSent: s.remindersSent,
        agreements: stored.get(s.schoolId)?.agreements ?? null,
      }))
      .sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'nl'));
    return { status, rows };
  }

  /** The progress for Dutch Excel (in Dutch, as the accountability overview). */
  async progressCsv(me: AuthenticatedPerson, year: number): Promise<string> {
    const { rows } = await this.progress(me, year);
    const t = catalogueFor('nl').web.ectEval;
    return toExcelCsv(
      t.csvHeader,
      rows.map((r) => [
        r.schoolName,
        r.ectName,
        t.status[r.status] ?? r.status,
        r.submittedAt ? formatDateTimeNumeric(new Date(r.submittedAt)) : '',
        String(r.remindersSent),
        r.agreements ?? '',
      ]),
    );
  }

  /**
   * One school's evaluation as its ECT member (or the office) reads it: the state, the stored
   * form once submitted, and the school's accountability of the year before (null when that
   * year had none), to have beside the conversation.
   */
  async form(me: AuthenticatedPerson, year: number, schoolId: string) {
    const { school, access } = await schoolForPerson(this.schools, me, schoolId);
    if (!access.has('ect') && !access.has('office'))
      throw new DomainError('NOT_FOUND', 'School not found');
    const status = await this.status(me, year);
    const mine = status.schools.find((s) => s.schoolId === schoolId);
    if (!mine) throw new DomainError('NOT_FOUND', 'School not found');
    const [evaluation, lastYear] = await Promise.all([
      this.evaluations.forSchool(me.organisationId, schoolId, year),
      this.accountability.detail(me, year - 1, schoolId).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
        throw err;
      }),
    ]);
    return {
      year,
      school,
      status: mine.status,
      deadline: status.deadline,
      canSubmit: mine.ectPersonId === me.id && (mine.status === 'open' || mine.status === 'late'),
      evaluation: evaluation
        ? {
            findings: evaluation.findings,
            agreements: evaluation.agreements,
            submittedAt: evaluation.submittedAt.toISOString(),
          }
        : null,
      lastYearAccountability: lastYear,
    };
  }

  submit(me: AuthenticatedPerson, year: number, schoolId: string, dto: SubmitEctEvaluationDto) {
    return this.withCycle(me, year, (h) =>
      h.executeUpdate(submitEctEvaluationUpdate, {
        args: [
          {
            personId: me.id,
            schoolId,
            findings: dto.findings.trim(),
            agreements: dto.agreements.trim(),
          },
        ],
      }),
    );
  }

  close(me: AuthenticatedPerson, year: number) {
    return this.withCycle(me, year, (h) =>
      h.executeUpdate(closeEctEvaluationUpdate, { args: [{ actorPersonId: me.id }] }),
    );
  }

  /** What was agreed for `year` in the evaluation of the year before, per school id. */
  async agreementsFor(me: AuthenticatedPerson, year: number): Promise<Map<string, string>> {
    const rows = await this.evaluations.forYear(me.organisationId, year - 1);
    return new Map([...rows].map(([id, r]) => [id, r.agreements]));
  }

  private withCycle<T>(
    me: AuthenticatedPerson,
    year: number,
    fn: (
      h: ReturnType<ReturnType<TemporalClientHolder['require']>['workflow']['getHandle']>,
    ) => Promise<T>,
  ): Promise<T> {
    const client = this.temporal.require();
    const handle = client.workflow.getHandle(ectEvaluationWorkflowId(me.organisationId, year));
    return withTemporalDeadline(client, `No evaluation for ${year}`, () => fn(handle));
  }

  private resolve(input: EctEvaluationInput, now: Date) {
    const config = resolveEctEvaluationConfig(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);
    return config;
  }

  private async buildInput(
    me: AuthenticatedPerson,
    dto: StartEctEvaluationDto,
  ): Promise<{ input: EctEvaluationInput; names: Map<string, string> }> {
    const schools = await this.evaluations.schoolsWithEctMember(me.organisationId);
    if (schools.length === 0)
      throw DomainError.of('VALIDATION', 'schools', 'cycles.noSchoolsWithEct', {
        field: 'schools',
      });
    return {
      names: new Map(schools.map((s) => [s.schoolId, s.name])),
      input: {
        organisationId: me.organisationId,
        year: dto.year,
        startedByPersonId: me.id,
        deadline: dto.deadline
          ? new Date(dto.deadline).toISOString()
          : defaultEctDeadline(dto.year).toISOString(),
        schools: schools.map((s) => ({ schoolId: s.schoolId, ectPersonId: s.ectPersonId })),
      },
    };
  }
}
