import { Injectable } from '@nestjs/common';
import {
  budgetBodies,
  budgetTimeline,
  DomainError,
  nextBusinessMoment,
  reserveRuleForYear,
  type BudgetBody,
  type VoteValue,
} from '@jaarcyclus/domain';
import {
  type AuditEvent,
  AuditRepository,
  BodyRepository,
  type Cycle,
  CycleRepository,
  DocumentRepository,
  OrganisationRepository,
  PersonRepository,
  Repositories,
  TaskRepository,
} from '@jaarcyclus/persistence';
import {
  adoptBudgetUpdate,
  budgetWorkflowId,
  castVoteUpdate,
  closeRoundUpdate,
  extendDeadlineUpdate,
  getCycleStatusQuery,
  remindNowSignal,
  resolveBudgetCycleConfig,
  submitRevisionUpdate,
  type BudgetCycleInput,
  type BudgetCycleStatus,
  type ProposalRef,
} from '@jaarcyclus/workflows';
import { claimAndStartCycle } from '../common/cycle-start';
import {
  type SecrecySettings,
  type Shown,
  secrecySettings,
  showAudit,
  showVoteResult,
  showVotes,
} from '../common/vote-secrecy';
import type { AuthenticatedPerson } from '../auth/authenticated-person';
import { TemporalClientHolder } from '../temporal/temporal-client.holder';
import type {
  BodySelectorDto,
  CastVoteDto,
  ExtendDeadlineDto,
  ProposalDto,
  StartBudgetCycleDto,
  SubmitRevisionDto,
} from './dto/budget.dto';
import { withTemporalDeadline } from './workflow-errors';

/** A run that closed without finishing: it will never act again, so its cycle has failed. */
const FAILED_RUN_STATUSES: ReadonlySet<string> = new Set([
  'FAILED',
  'TERMINATED',
  'CANCELLED',
  'TIMED_OUT',
]);

/** Phases after which nothing is asked of anyone: no need to ask Temporal whether the run failed. */
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['letters_sent', 'failed']);

/** How long the cycle page waits for Temporal to say whether a run failed (the page shows either way). */
const FAILURE_CHECK_DEADLINE_MS = 3_000;

/** When a cycle started `now` invites its members: null for at once, else the next business moment. */
export function invitationsAt(now: Date): string | null {
  const at = nextBusinessMoment(now);
  return at.getTime() > now.getTime() ? at.toISOString() : null;
}

/** Name under which the worker registers the budget workflow (the exported function's name). */
const BUDGET_WORKFLOW_TYPE = 'budgetCycleWorkflow';

/**
 * The December budget approval (docs/domain.md §1, docs/domain.md, source 001 §7): the api checks who may do what in
 * which SWV, the workflow decides what the rules of the round allow. The workflow id is the
 * business key `budget:<tenant>:<year>`, built from the signed-in person's organisation, so a
 * person can never address another SWV's cycle.
 */
@Injectable()
export class BudgetService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly tasks: TaskRepository,
    private readonly auditTrail: AuditRepository,
    private readonly organisations: OrganisationRepository,
    private readonly persons: PersonRepository,
    private readonly documents: DocumentRepository,
    private readonly bodies: BodyRepository,
    private readonly temporal: TemporalClientHolder,
    private readonly repos: Repositories,
  ) {}

  /** Every reminder, deadline, escalation and letter date the cycle would produce, computed by the same domain code the workflow uses. */
  async preview(me: AuthenticatedPerson, dto: StartBudgetCycleDto, now = new Date()) {
    const bodies = await this.decidingBodies(me, dto.bodyKeys);
    const input = await this.buildInput(me, dto, bodies);
    const config = resolveBudgetCycleConfig(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);
    const timeline = budgetTimeline(dto.budgetYear, now, config.reminderPolicy, {
      voteDeadline: new Date(config.voteDeadline),
      lettersDate: new Date(config.lettersDate),
    });
    return {
      workflowId: budgetWorkflowId(me.organisationId, dto.budgetYear),
      title: config.title,
      bodyKeys: config.bodyKeys,
      bodies,
      reserveRule: config.allocation.reserve ?? reserveRuleForYear(undefined, dto.budgetYear),
      // Invitations, like reminders, go out within business hours (the workflow waits for it).
      invitationsAt: invitationsAt(now),
      voteDeadline: config.voteDeadline,
      lettersDate: config.lettersDate,
      reminderOffsetsBusinessDays: config.reminderPolicy.offsetsBusinessDays,
      timeline: timeline.map((e) => ({ at: e.at.toISOString(), kind: e.kind, label: e.label })),
    };
  }

  /**
   * Starts the cycle. Starting a year that has a cycle returns that cycle (`created: false`,
   * 200), also when it has ended: the secretariat sees that year's cycle, never a second run.
   * The cycle's row is the guard, not Temporal's id reuse policy alone (Temporal forgets a
   * closed id after the retention period, and a new run under the same id would have its mails,
   * audit rows and state swallowed by the old idempotency keys). The row is claimed (unique
   * workflow id) in the transaction that starts the workflow: a parallel start waits for it and
   * answers the existing cycle, never a 404; a failed start leaves no row.
   */
  async start(
    me: AuthenticatedPerson,
    dto: StartBudgetCycleDto,
    now = new Date(),
  ): Promise<{ created: boolean; status: BudgetCycleStatus }> {
    const input = await this.buildInput(me, dto, await this.decidingBodies(me, dto.bodyKeys));
    const config = resolveBudgetCycleConfig(input, now.getTime());
    if ('reason' in config)
      throw new DomainError(config.code, config.message, config.field, config.text);
    const workflowId = budgetWorkflowId(me.organisationId, dto.budgetYear);
    // A failed cycle never blocks its year: its claim is released and the year starts afresh.
    const restart = await this.failed(me, dto.budgetYear);
    if (!restart && (await this.cycles.exists(workflowId))) {
      return { created: false, status: await this.status(me, dto.budgetYear) };
    }
    const client = this.temporal.require();
    // Before the start: a document the cycle refers to must never count as unused.
    await this.markUsed(me, input.proposal);
    const created = await claimAndStartCycle(this.repos, client, {
      row: {
        organisationId: me.organisationId,
        kind: 'budget',
        year: dto.budgetYear,
        workflowId,
        title: config.title,
        status: 'voting',
        createdByPersonId: me.id,
      },
      workflowType: BUDGET_WORKFLOW_TYPE,
      args: [input],
      restartFailed: restart,
    });
    return { created, status: await this.status(me, dto.budgetYear) };
  }

  /**
   * The SWV's budget cycles. A cycle still shown as running whose workflow closed without
   * finishing is marked failed first, so the list never shows a dead cycle as running.
   */
  async list(me: AuthenticatedPerson): Promise<Cycle[]> {
    const cycles = await this.cycles.list(me.organisationId, 'budget');
    const unsettled = cycles.filter((c) => !SETTLED_STATUSES.has(c.status));
    if (unsettled.length === 0) return cycles;
    const failed = await Promise.all(unsettled.map((c) => this.failed(me, c.year)));
    if (!failed.some(Boolean)) return cycles;
    return this.cycles.list(me.organisationId, 'budget');
  }

  /**
   * Whether the year's cycle has failed: its workflow closed without finishing, whatever the
   * cause (a failure, a termination by an operator, a timeout). Recorded on the cycle's row the
   * first time it is seen (its open tasks are cancelled), so the list and the page say so even
   * while Temporal is down. False when there is no cycle, or Temporal cannot tell now.
   */
  async failed(me: AuthenticatedPerson, year: number): Promise<boolean> {
    const workflowId = budgetWorkflowId(me.organisationId, year);
    const status = await this.cycles.statusOf(me.organisationId, workflowId);
    if (status === null) return false;
    if (status === 'failed') return true;
    if (SETTLED_STATUSES.has(status)) return false;
    const client = this.temporal.current;
    if (!client) return false;
    let runStatus: string;
    try {
      const described = await withTemporalDeadline(
        client,
        `No budget cycle for ${year}`,
        () => client.workflow.getHandle(workflowId).describe(),
        FAILURE_CHECK_DEADLINE_MS,
      );
      runStatus = described.status.name;
    } catch {
      // Unknown to Temporal (never started, or past retention) or unreachable: not known to fail.
      return false;
    }
    if (!FAILED_RUN_STATUSES.has(runStatus)) return false;
    await this.cycles.markFailed(me.organisationId, workflowId);
    return true;
  }

  /**
   * The bodies a new budget cycle is put to: the SWV's own approving and consenting bodies (or
   * the given keys), checked before anything starts (domain `budgetBodies`).
   */
  async decidingBodies(me: AuthenticatedPerson, keys?: readonly string[]): Promise<BudgetBody[]> {
    return budgetBodies(await this.bodies.withActiveMemberCounts(me.organisationId), keys);
  }

  /**
   * The cycle's state: from the read model the workflow keeps current (every Update answers
   * only after its effect is stored there), else, for a cycle that has not published yet or
   * was started before the read model existed, from the workflow's status Query.
   */
  async status(me: AuthenticatedPerson, year: number): Promise<Shown<BudgetCycleStatus>> {
    return showVotes(await this.rawStatus(me, year), me, await this.secrecy(me));
  }

  /** Each body's vote secrecy rule (libs/domain `voteVisibility`), as the SWV states it now. */
  async secrecy(me: AuthenticatedPerson): Promise<SecrecySettings> {
    const [bodies, history] = await Promise.all([
      this.bodies.secrecySettings(me.organisationId),
      this.bodies.secrecyHistory(me.organisationId),
    ]);
    return secrecySettings(bodies, history);
  }

  /** The state as the workflow keeps it, every vote in it: never leaves the api without `showVotes`. */
  private async rawStatus(me: AuthenticatedPerson, year: number): Promise<BudgetCycleStatus> {
    const published = await this.cycles.publishedState<BudgetCycleStatus>(
      me.organisationId,
      budgetWorkflowId(me.organisationId, year),
    );
    return published ?? (await this.withCycle(me, year, (h) => h.query(getCycleStatusQuery)));
  }

  /** The answer shows the body's tally only where its secrecy rule shows totals now. */
  async vote(me: AuthenticatedPerson, year: number, dto: CastVoteDto) {
    const [settings, kinds] = await Promise.all([
      this.secrecy(me),
      this.bodies.secrecySettings(me.organisationId),
    ]);
    const kind = kinds.find((b) => b.key === dto.bodyKey)?.decisionKind ?? null;
    const result = await this.withCycle(me, year, (h) =>
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
    // When the round opened (the rules it ran under), from the state the Update just changed.
    const status = await this.rawStatus(me, year).catch(() => null);
    const openedAt = status?.rounds.find((r) => r.round === result.round)?.openedAt;
    return showVoteResult(result, kind, settings, openedAt);
  }

  /**
   * The vote form of the web app: the task (`refKey` 'round:<n>:body:<key>') says which cycle and
   * body the vote is for; the workflow decides whether it still counts. Refusals (round closed,
   * deadline passed, not a member, …) are thrown as DomainError.
   */
  async voteOnTask(
    me: AuthenticatedPerson,
    taskId: string,
    value: VoteValue,
    comment: string | null,
  ): Promise<void> {
    const task = await this.tasks.findForPerson(me.organisationId, me.id, taskId, 'vote');
    const bodyKey = task ? /:body:([a-z0-9_-]+)$/.exec(task.refKey)?.[1] : undefined;
    if (!task || !bodyKey) throw new DomainError('NOT_FOUND', 'Task not found');
    const client = this.temporal.require();
    const handle = client.workflow.getHandle(task.workflowId);
    await withTemporalDeadline(client, 'This cycle no longer exists', () =>
      handle.executeUpdate(castVoteUpdate, {
        args: [{ personId: me.id, bodyKey, value, ...(comment ? { comment } : {}) }],
      }),
    );
  }

  async extendDeadline(me: AuthenticatedPerson, year: number, dto: ExtendDeadlineDto) {
    return this.withCycle(me, year, (h) =>
      h.executeUpdate(extendDeadlineUpdate, {
        args: [
          {
            actorPersonId: me.id,
            deadline: dto.deadline,
            ...(dto.bodyKey ? { bodyKey: dto.bodyKey } : {}),
          },
        ],
      }),
    );
  }

  async closeRound(me: AuthenticatedPerson, year: number, dto: BodySelectorDto) {
    return this.withCycle(me, year, (h) =>
      h.executeUpdate(closeRoundUpdate, {
        args: [{ actorPersonId: me.id, ...(dto.bodyKey ? { bodyKey: dto.bodyKey } : {}) }],
      }),
    );
  }

  async submitRevision(me: AuthenticatedPerson, year: number, dto: SubmitRevisionDto) {
    const proposal = await this.proposal(me, dto.proposal);
    return this.withCycle(me, year, async (h) => {
      await this.markUsed(me, proposal);
      return h.executeUpdate(submitRevisionUpdate, {
        args: [
          { actorPersonId: me.id, proposal, ...(dto.deadline ? { deadline: dto.deadline } : {}) },
        ],
      });
    });
  }

  async adopt(me: AuthenticatedPerson, year: number) {
    return this.withCycle(me, year, (h) =>
      h.executeUpdate(adoptBudgetUpdate, { args: [{ actorPersonId: me.id }] }),
    );
  }

  async remindNow(me: AuthenticatedPerson, year: number, dto: BodySelectorDto): Promise<void> {
    // Query first, so an unknown cycle answers 404 rather than a silently lost signal.
    await this.status(me, year);
    await this.withCycle(me, year, (h) =>
      h.signal(remindNowSignal, {
        actorPersonId: me.id,
        ...(dto.bodyKey ? { bodyKey: dto.bodyKey } : {}),
      }),
    );
  }

  /**
   * The append-only audit trail of the cycle: every vote and decision, oldest first; a vote's
   * value, weight and comment only where the body's secrecy rule lets the reader see them.
   */
  async audit(me: AuthenticatedPerson, year: number): Promise<AuditEvent[]> {
    const workflowId = budgetWorkflowId(me.organisationId, year);
    const rows = await this.auditTrail.trail(me.organisationId, workflowId);
    // Also the 404 for a cycle that does not exist.
    const status = await this.rawStatus(me, year);
    return showAudit(rows, me, status, await this.secrecy(me));
  }

  private withCycle<T>(
    me: AuthenticatedPerson,
    year: number,
    fn: (
      h: ReturnType<ReturnType<TemporalClientHolder['require']>['workflow']['getHandle']>,
    ) => Promise<T>,
  ): Promise<T> {
    const client = this.temporal.require();
    const handle = client.workflow.getHandle(budgetWorkflowId(me.organisationId, year));
    return withTemporalDeadline(client, `No budget cycle for ${year}`, () => fn(handle));
  }

  private async buildInput(
    me: AuthenticatedPerson,
    dto: StartBudgetCycleDto,
    bodies: readonly BudgetBody[],
  ): Promise<BudgetCycleInput> {
    const organisation = await this.organisations.getOrFail(me.organisationId);
    const directorPersonId = await this.director(me, dto.directorPersonId);
    const settings = organisation.settings ?? {};
    return {
      organisationId: me.organisationId,
      budgetYear: dto.budgetYear,
      ...(dto.title ? { title: dto.title } : {}),
      startedByPersonId: me.id,
      directorPersonId,
      proposal: await this.proposal(me, dto.proposal),
      allocation: {
        amountPerPupilCents: dto.allocation.amountPerPupilCents,
        equityCents: dto.allocation.equityCents,
        turnoverCents: dto.allocation.turnoverCents,
        // The SWV's own reserve rule for this budget year (the default without one).
        reserve: reserveRuleForYear(settings.reserveRule, dto.budgetYear),
      },
      bodyKeys: bodies.map((b) => b.key),
      ...(dto.voteDeadline ? { voteDeadline: new Date(dto.voteDeadline).toISOString() } : {}),
      ...(dto.lettersDate ? { lettersDate: new Date(dto.lettersDate).toISOString() } : {}),
      ...((dto.reminderOffsetsBusinessDays ?? settings.reminderOffsetsBusinessDays)
        ? {
            reminderOffsetsBusinessDays:
              dto.reminderOffsetsBusinessDays ?? settings.reminderOffsetsBusinessDays,
          }
        : {}),
      ...(settings.opRDisputeAfterRounds
        ? { oprDisputeAfterRounds: settings.opRDisputeAfterRounds }
        : {}),
    };
  }

  /** The directeur-bestuurder who will adopt: the one given, or the SWV's only active director (the support plan's too). */
  async director(me: AuthenticatedPerson, given: string | undefined): Promise<string> {
    const people = await this.persons.activeWithRole(me.organisationId, 'director');
    if (given) {
      if (!people.some((p) => p.id === given)) {
        throw DomainError.of('VALIDATION', 'directorPersonId', 'refusal.notADirector', {
          field: 'directorPersonId',
        });
      }
      return given;
    }
    if (people.length !== 1) {
      throw DomainError.of(
        'VALIDATION',
        'directorPersonId',
        people.length === 0 ? 'refusal.noDirector' : 'refusal.severalDirectors',
      );
    }
    return people[0]!.id;
  }

  /** Records that a cycle uses the proposal's document, so it is never removed as unused. */
  private async markUsed(me: AuthenticatedPerson, proposal: ProposalRef): Promise<void> {
    if (!proposal.documentId) return;
    await this.documents.markUsed(me.organisationId, proposal.documentId);
  }

  /** The proposal as a cycle refers to it: a document of the SWV, or a link (the support plan's too). */
  async proposal(me: AuthenticatedPerson, dto: ProposalDto): Promise<ProposalRef> {
    if (!dto.documentId && !dto.url) {
      throw DomainError.of('VALIDATION', 'proposal', 'refusal.proposalSource');
    }
    if (dto.documentId) {
      const exists = await this.documents.exists(me.organisationId, dto.documentId);
      if (!exists)
        throw DomainError.of('VALIDATION', 'proposal.documentId', 'refusal.proposalDocument');
    }
    return {
      versionLabel: dto.versionLabel,
      ...(dto.documentId ? { documentId: dto.documentId } : {}),
      ...(dto.url ? { url: dto.url } : {}),
    };
  }
}
