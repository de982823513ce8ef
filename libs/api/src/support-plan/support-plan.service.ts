import { Injectable } from '@nestjs/common';
import { DomainError, type VoteValue } from '@jaarcyclus/domain';
import {
  BodyRepository,
  type Cycle,
  CycleRepository,
  DocumentRepository,
  Repositories,
} from '@jaarcyclus/persistence';
import {
  adoptSupportPlanUpdate,
  castVoteUpdate,
  defaultSupportPlanDeadline,
  getSupportPlanStatusQuery,
  referDisputeUpdate,
  resolveDisputeUpdate,
  resolveSupportPlanConfig,
  submitRevisionUpdate,
  SUPPORT_PLAN_YEARS,
  supportPlanSchedule,
  supportPlanWorkflowId,
  type SupportPlanCycleInput,
  type SupportPlanStatus,
} from '@jaarcyclus/workflows';
import { claimAndStartCycle } from '../common/cycle-start';
import { type Shown, showVoteResult, showVotes } from '../common/vote-secrecy';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { BudgetService } from '../budget/budget.service';
import type { SubmitRevisionDto } from '../budget/dto/budget.dto';
import { withTemporalDeadline } from '../budget/workflow-errors';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import type {
  ReferDisputeDto,
  ResolveDisputeDto,
  StartSupportPlanCycleDto,
} from './dto/support-plan.dto';

const WORKFLOW_TYPE = 'supportPlanCycleWorkflow';
/** The read-model kind the worker writes (apps/worker SUPPORT_PLAN_CYCLE). */
export const SUPPORT_PLAN_KIND = 'support_plan';

/** The plan period in a path: `2027-2031` (four school years from 1 August 2027). */
export function periodOf(firstYear: number): string {
  return `${firstYear}-${firstYear + SUPPORT_PLAN_YEARS}`;
}

/**
 * The support-plan decision (ondersteuningsplan; docs/domain.md, source 001 §1.1, §1.5): the
 * bodies come from the SWV's own configuration (every body that consents or approves, or a
 * chosen few of them), checked before the start; one cycle per four-year period. The workflow
 * id is built from the signed-in person's organisation, so another SWV's cycle is never reached.
 */
@Injectable()
export class SupportPlanService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly bodies: BodyRepository,
    private readonly budget: BudgetService,
    private readonly documents: DocumentRepository,
    private readonly temporal: TemporalClientHolder,
    private readonly repos: Repositories,
  ) {}

  /** The SWV's bodies that decide on a plan: consent (OPR) and approval (ALV, Algemeen Bestuur, RvT …). */
  async decidingBodies(
    me: AuthenticatedPerson,
  ): Promise<{ key: string; name: string; decisionKind: string }[]> {
    const all = await this.bodies.list(me.organisationId);
    return all
      .filter((b) => b.decisionKind === 'instemming' || b.decisionKind === 'goedkeuring')
      .sort((a, b) =>
        a.decisionKind === b.decisionKind
          ? a.name.localeCompare(b.name, 'nl')
          : a.decisionKind === 'instemming'
            ? -1
            : 1,
      )
      .map((b) => ({ key: b.key, name: b.name, decisionKind: b.decisionKind }));
  }

  async preview(me: AuthenticatedPerson, dto: StartSupportPlanCycleDto, now = new Date()) {
    const { input, bodies } = await this.buildInput(me, dto);
    const config = this.resolve(input, now);
    await this.checkPeriod(me, dto.firstYear);
    return {
      workflowId: supportPlanWorkflowId(me.organisationId, config.firstYear, config.lastYear),
      title: config.title,
      firstYear: config.firstYear,
      lastYear: config.lastYear,
      bodies,
      voteDeadline: config.voteDeadline,
      calendar: 'office' as const,
      schedule: supportPlanSchedule(config, now).map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
      })),
    };
  }

  /**
   * Starts the cycle, or answers the period's existing one (`created: false`). A period that
   * overlaps another cycle's four years is refused (409): one plan at a time. The row is
   * claimed in the transaction that starts the workflow, as for the budget.
   */
  async start(
    me: AuthenticatedPerson,
    dto: StartSupportPlanCycleDto,
    now = new Date(),
  ): Promise<{ created: boolean; status: SupportPlanStatus }> {
    const { input } = await this.buildInput(me, dto);
    const config = this.resolve(input, now);
    const workflowId = supportPlanWorkflowId(me.organisationId, config.firstYear, config.lastYear);
    if (await this.cycles.exists(workflowId)) {
      return { created: false, status: await this.status(me, config.firstYear) };
    }
    await this.checkPeriod(me, dto.firstYear);
    const client = this.temporal.require();
    if (input.proposal.documentId)
      await this.documents.markUsed(me.organisationId, input.proposal.documentId);
    const created = await claimAndStartCycle(this.repos, client, {
      row: {
        organisationId: me.organisationId,
        kind: SUPPORT_PLAN_KIND,
        year: config.firstYear,
        workflowId,
        title: config.title,
        status: 'voting',
        createdByPersonId: me.id,
      },
      workflowType: WORKFLOW_TYPE,
      args: [input],
    });
    return { created, status: await this.status(me, config.firstYear) };
  }

  list(me: AuthenticatedPerson): Promise<Cycle[]> {
    return this.cycles.list(me.organisationId, SUPPORT_PLAN_KIND);
  }

  /** From the read model; the Query for a cycle that has not published yet. */
  async status(me: AuthenticatedPerson, firstYear: number): Promise<Shown<SupportPlanStatus>> {
    const workflowId = this.workflowId(me, firstYear);
    const published = await this.cycles.publishedState<SupportPlanStatus>(
      me.organisationId,
      workflowId,
    );
    const status =
      published ?? (await this.withCycle(me, firstYear, (h) => h.query(getSupportPlanStatusQuery)));
    // Each body's vote secrecy rule, as for the budget (libs/domain `voteVisibility`).
    return showVotes(status, me, await this.budget.secrecy(me));
  }

  /** The answer shows the body's tally only where its secrecy rule shows totals now. */
  async vote(
    me: AuthenticatedPerson,
    firstYear: number,
    dto: { bodyKey: string; value: VoteValue; comment?: string },
  ) {
    const [kinds, settings] = await Promise.all([
      this.bodies.secrecySettings(me.organisationId),
      this.budget.secrecy(me),
    ]);
    const kind = kinds.find((b) => b.key === dto.bodyKey)?.decisionKind ?? null;
    const result = await this.withCycle(me, firstYear, (h) =>
      h.executeUpdate(castVoteUpdate, {
        args: [
          {
            personId: me.id,
            bodyKey: dto.bodyKey,
            value: dto.value,
            ...(dto.comment ? { comment: dto.comment } : {}),
          },
        ],
      }),
    );
    return showVoteResult(result, kind, settings);
  }

  referDispute(me: AuthenticatedPerson, firstYear: number, dto: ReferDisputeDto) {
    return this.withCycle(me, firstYear, (h) =>
      h.executeUpdate(referDisputeUpdate, {
        args: [
          {
            actorPersonId: me.id,
            referredOn: dto.referredOn,
            ...(dto.caseReference?.trim() ? { caseReference: dto.caseReference.trim() } : {}),
          },
        ],
      }),
    );
  }

  resolveDispute(me: AuthenticatedPerson, firstYear: number, dto: ResolveDisputeDto) {
    return this.withCycle(me, firstYear, (h) =>
      h.executeUpdate(resolveDisputeUpdate, {
        args: [{ actorPersonId: me.id, outcome: dto.outcome, decidedOn: dto.decidedOn }],
      }),
    );
  }

  async submitRevision(me: AuthenticatedPerson, firstYear: number, dto: SubmitRevisionDto) {
    const proposal = await this.budget.proposal(me, dto.proposal);
    return this.withCycle(me, firstYear, async (h) => {
      if (proposal.documentId)
        await this.documents.markUsed(me.organisationId, proposal.documentId);
      return h.executeUpdate(submitRevisionUpdate, {
        args: [
          { actorPersonId: me.id, proposal, ...(dto.deadline ? { deadline: dto.deadline } : {}) },
        ],
      });
    });
  }

  adopt(me: AuthenticatedPerson, firstYear: number) {
    return this.withCycle(me, firstYear, (h) =>
      h.executeUpdate(adoptSupportPlanUpdate, { args: [{ actorPersonId: me.id }] }),
    );
  }

  private workflowId(me: AuthenticatedPerson, firstYear: number): string {
    return supportPlanWorkflowId(me.organisationId, firstYear, firstYear + SUPPORT_PLAN_YEARS);
  }

  private withCycle<T>(
    me: AuthenticatedPerson,
    firstYear: number,
    fn: (
      h: ReturnType<ReturnType<TemporalClientHolder['require']>['workflow']['getHandle']>,
    ) => Promise<T>,
  ): Promise<T> {
    const client = this.temporal.require();
    const handle = client.workflow.getHandle(this.workflowId(me, firstYear));
    return withTemporalDeadline(client, `No support plan cycle for ${periodOf(firstYear)}`, () =>
      fn(handle),
    );
  }

  private resolve(input: SupportPlanCycleInput, now: Date) {
    const config = resolveSupportPlanConfig(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);
    return config;
  }

  /** One plan at a time: a period overlapping another cycle's four years is refused. */
  private async checkPeriod(me: AuthenticatedPerson, firstYear: number): Promise<void> {
    const other = (await this.list(me)).find(
      (c) => c.year !== firstYear && Math.abs(c.year - firstYear) < SUPPORT_PLAN_YEARS,
    );
    if (other) {
      throw DomainError.of('CONFLICT', 'firstYear', 'cycles.periodOverlaps', {
        first: other.year,
        last: other.year + SUPPORT_PLAN_YEARS,
      });
    }
  }

  private async buildInput(
    me: AuthenticatedPerson,
    dto: StartSupportPlanCycleDto,
  ): Promise<{
    input: SupportPlanCycleInput;
    bodies: { key: string; name: string; decisionKind: string }[];
  }> {
    const deciding = await this.decidingBodies(me);
    if (deciding.length === 0)
      throw DomainError.of('VALIDATION', 'bodyKeys', 'cycles.noDecidingBodies', {
        field: 'bodyKeys',
      });
    let bodies = deciding;
    if (dto.bodyKeys) {
      if (!dto.bodyKeys.every((k) => deciding.some((b) => b.key === k)))
        throw DomainError.of('VALIDATION', 'bodyKeys', 'cycles.notADecidingBody', {
          field: 'bodyKeys',
        });
      bodies = deciding.filter((b) => dto.bodyKeys!.includes(b.key));
    }
    return {
      bodies,
      input: {
        organisationId: me.organisationId,
        firstYear: dto.firstYear,
        ...(dto.title ? { title: dto.title } : {}),
        startedByPersonId: me.id,
        directorPersonId: await this.budget.director(me, dto.directorPersonId),
        proposal: await this.budget.proposal(me, dto.proposal),
        bodyKeys: bodies.map((b) => b.key),
        voteDeadline: dto.voteDeadline
          ? new Date(dto.voteDeadline).toISOString()
          : defaultSupportPlanDeadline(dto.firstYear).toISOString(),
      },
    };
  }
}
