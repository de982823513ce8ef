/**
 * supportPlanCycleWorkflow — the decision on an SWV's support plan (ondersteuningsplan) for
 * four school years (docs/domain.md glossary, docs/domain.md, source 001 §1.1, §1.5). Workflow id
 * `support-plan:<organisationId>:<firstYear>-<lastYear>`: one cycle per SWV and plan period.
 *
 * What it guarantees:
 * - The plan is put to the SWV's own deciding bodies, as configured (the consenting OPR, the
 *   approving ALV or Algemeen Bestuur, …), with the same decision round as the budget: votes
 *   counted by each body's rule, reminders at decent hours on business days, escalation to
 *   chair and secretariat when a deadline passes without quorum.
 * - It is adopted (vastgesteld) only by the configured directeur-bestuurder, and only after
 *   every body approved or consented ("voor sommige besluiten, waaronder het
 *   ondersteuningsplan, moet die goedkeuring en instemming vooraf", source 001 §1.1).
 * - When the OPR withholds consent, the secretariat either submits a revision (a new round for
 *   all bodies) or records the referral to the national Commissie voor Geschillen
 *   Medezeggenschap with its date (source 001 §1.5). While a referral has no recorded ruling,
 *   adoption is refused. Permission granted: the remaining bodies decide (or, when they had
 *   approved already, the director adopts); consent upheld or the referral withdrawn: only a
 *   revision goes on.
 * - Every decision lands in the audit log; every side effect carries an idempotency key.
 *
 * A cycle is small (a few rounds of tens of members): no continue-as-new.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { addBusinessDays, amsterdamInstant, amsterdamParts } from '@jaarcyclus/domain';
import { submitRevisionUpdate } from '../budget/budget-cycle.messages';
import type { SubmitRevisionInput } from '../budget/budget-cycle.types';
import { DecisionRound } from '../decision-round/decision-round';
import type { DecisionRoundActivities } from '../decision-round/decision-round.activities';
import {
  approvalsOf,
  cycleAuditEvent,
  publishedUpdates,
  revisionDeadline,
  setDecisionRoundHandlers,
} from '../decision-round/decision-round.cycle';
import { isNonEmptyString } from '../decision-round/decision-round.logic';
import {
  DEFAULT_ESCALATION_POLICY,
  type ProposalRef,
} from '../decision-round/decision-round.types';
import { sideEffectKeyPrefix } from '../ids';
import { type Refusal, refusalOf, refuseIf, throwRefusal } from '../refusal';
import { StatePublisher } from '../state-publisher';
import { Timeline } from '../timeline';
import { isCalendarDate, pastOrTodayDate, resolveSupportPlanConfig } from './support-plan.config';
import {
  adoptSupportPlanUpdate,
  getSupportPlanStatusQuery,
  referDisputeUpdate,
  resolveDisputeUpdate,
} from './support-plan.messages';
import {
  DISPUTE_OUTCOMES,
  type ReferDisputeInput,
  type ResolveDisputeInput,
  type SupportPlanActivities,
  type SupportPlanCycleConfig,
  type SupportPlanCycleInput,
  type SupportPlanDispute,
  type SupportPlanPhase,
  type SupportPlanResult,
  type SupportPlanStatus,
  type SupportPlanWrite,
} from './support-plan.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

/** A round opened after a ruling, when the original deadline has passed: ten business days. */
const FOLLOW_UP_ROUND_BUSINESS_DAYS = 10;

const iso = (ms: number): string => new Date(ms).toISOString();

export async function supportPlanCycleWorkflow(
  input: SupportPlanCycleInput,
): Promise<SupportPlanResult> {
  const workflowId = workflowInfo().workflowId;
  // Members hear their body's outcome by mail at a decent hour (issue #16, results).
  const mailsRoundResults = patched('support-plan-round-result-mails');
  const resolved = resolveSupportPlanConfig(input, Date.now());
  if ('reason' in resolved) {
    throw ApplicationFailure.create({
      type: resolved.code,
      message: resolved.message,
      nonRetryable: true,
      details: [{ reason: resolved.reason, ...(resolved.field ? { field: resolved.field } : {}) }],
    });
  }
  const cfg: SupportPlanCycleConfig = resolved;

  const acts = proxyActivities<
    Omit<DecisionRoundActivities, 'updateTasks' | 'recordAuditEvent' | 'sendRoundResult'> &
      Required<Pick<DecisionRoundActivities, 'sendRoundResult'>> &
      Omit<SupportPlanActivities, 'publishSupportPlanState'>
  >({ startToCloseTimeout: '1 minute', retry: RETRY });
  const readModel = proxyLocalActivities<Pick<SupportPlanActivities, 'publishSupportPlanState'>>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  const publisher = new StatePublisher<SupportPlanStatus, SupportPlanWrite>(
    () => statusNow(),
    (seq, status, writes) =>
      readModel.publishSupportPlanState({
        organisationId: cfg.organisationId,
        workflowId,
        year: cfg.firstYear,
        title: cfg.title,
        status: status.phase,
        createdByPersonId: cfg.startedByPersonId,
        seq,
        state: status,
        writes,
      }),
    true,
  );
  const roundActs: DecisionRoundActivities = {
    snapshotRoster: acts.snapshotRoster,
    openBallots: acts.openBallots,
    sendVoteReminders: acts.sendVoteReminders,
    sendEscalation: acts.sendEscalation,
    sendRoundResult: acts.sendRoundResult,
    updateTasks: (tasks) => publisher.write({ tasks }),
    recordAuditEvent: (audit) => publisher.write({ audit }),
  };
  const timeline = new Timeline(() => publisher.changed());
  const rounds: DecisionRound[] = [];
  const revisedBy = new Map<number, string>();
  const state: {
    phase: SupportPlanPhase;
    /** The consent withheld last, until a revision or a ruling moves on. */
    withheld: { round: number; bodyKey: string } | null;
    disputes: SupportPlanDispute[];
    adoptionRequestedAtMs: number | null;
    adoption: { atMs: number; personId: string } | null;
  } = {
    phase: 'voting',
    withheld: null,
    disputes: [],
    adoptionRequestedAtMs: null,
    adoption: null,
  };

  const newRound = (
    round: number,
    proposal: ProposalRef,
    deadline: string,
    bodyKeys: readonly string[],
  ): DecisionRound => {
    const r = new DecisionRound(
      {
        workflowId,
        organisationId: cfg.organisationId,
        round,
        subject: cfg.title,
        proposal,
        bodies: bodyKeys.map((bodyKey) => ({
          bodyKey,
          deadline,
          reminderPolicy: cfg.reminderPolicy,
          escalation: DEFAULT_ESCALATION_POLICY,
        })),
        resultMails: mailsRoundResults,
      },
      roundActs,
      timeline,
    );
    rounds.push(r);
    return r;
  };
  const current = (): DecisionRound => rounds[rounds.length - 1]!;
  newRound(1, cfg.proposal, cfg.voteDeadline, cfg.bodyKeys);
  const openDispute = (): SupportPlanDispute | undefined =>
    state.disputes.find((d) => d.outcome === null);

  const audit = (
    round: number,
    step: string,
    actorPersonId: string | null,
    action: string,
    payload: Record<string, unknown>,
    value: string | null = null,
  ): Promise<void> =>
    roundActs.recordAuditEvent(
      cycleAuditEvent({
        workflowId,
        organisationId: cfg.organisationId,
        round,
        step,
        recipient: actorPersonId ?? 'system',
        action,
        actorPersonId,
        payload,
        value,
      }),
    );
  const setPhase = (phase: SupportPlanPhase): void => {
    state.phase = phase;
    publisher.changed();
  };

  /** Every Update answers only once its effect is in the read model (see the budget cycle). */
  const published = publishedUpdates(publisher, true);

  // ---- the decision round's messages (the same as the budget's) ----
  setDecisionRoundHandlers(current, published);

  // ---- revision ----
  const revisionRefusal = (cmd: SubmitRevisionInput): Refusal | { deadlineMs: number } => {
    if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)) {
      return {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        message: 'actorPersonId is required',
        field: 'actorPersonId',
      };
    }
    if (state.phase !== 'consent_withheld' && state.phase !== 'rejected_awaiting_revision') {
      return refusalOf('CONFLICT', 'NOT_AWAITING_REVISION', undefined, 'cycles.notARevisionMoment');
    }
    return revisionDeadline(cmd, cfg.voteDeadline, cfg.reminderPolicy);
  };
  setHandler(
    submitRevisionUpdate,
    published((cmd: SubmitRevisionInput) => {
      const checked = revisionRefusal(cmd);
      if ('reason' in checked) throwRefusal(checked);
      const next = newRound(
        current().round + 1,
        { ...cmd.proposal },
        iso(checked.deadlineMs),
        cfg.bodyKeys,
      );
      revisedBy.set(next.round, cmd.actorPersonId);
      timeline.add('revision_submitted', {
        round: next.round,
        actorPersonId: cmd.actorPersonId,
        data: { proposal: next.spec.proposal, deadline: iso(checked.deadlineMs) },
      });
      return Promise.resolve({ round: next.round, deadline: iso(checked.deadlineMs) });
    }),
    {
      validator: (cmd) => {
        const checked = revisionRefusal(cmd);
        if ('reason' in checked) throwRefusal(checked);
      },
    },
  );

  // ---- the dispute (docs/domain.md, source 001 §1.5) ----
  const actorRefusal = (cmd: { actorPersonId?: unknown } | null): Refusal | null =>
    cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId)
      ? {
          code: 'VALIDATION',
          reason: 'INVALID_INPUT',
          message: 'actorPersonId is required',
          field: 'actorPersonId',
        }
      : null;
  const dateRefusal = (value: unknown, field: string): Refusal | null => {
    if (pastOrTodayDate(value, Date.now())) return null;
    return isCalendarDate(value)
      ? refusalOf('VALIDATION', 'INVALID_INPUT', field, 'cycles.dateInFuture', { field })
      : refusalOf('VALIDATION', 'INVALID_INPUT', field, 'cycles.dateInvalid', { field });
  };
  const referRefusal = (cmd: ReferDisputeInput): Refusal | null => {
    const actor = actorRefusal(cmd);
    if (actor) return actor;
    if (state.phase !== 'consent_withheld' || state.withheld === null) {
      return refusalOf(
        'CONFLICT',
        'NOT_AWAITING_REFERRAL',
        undefined,
        'cycles.notAwaitingReferral',
      );
    }
    if (cmd.caseReference !== undefined && typeof cmd.caseReference !== 'string') {
      return {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        message: 'caseReference must be text',
        field: 'caseReference',
      };
    }
    return dateRefusal(cmd.referredOn, 'referredOn');
  };
  setHandler(
    referDisputeUpdate,
    published((cmd: ReferDisputeInput) => {
      refuseIf(referRefusal(cmd));
      const withheld = state.withheld!;
      const dispute: SupportPlanDispute = {
        round: withheld.round,
        bodyKey: withheld.bodyKey,
        referredOn: cmd.referredOn,
        referredByPersonId: cmd.actorPersonId,
        caseReference: cmd.caseReference?.trim() || null,
        outcome: null,
        decidedOn: null,
        recordedByPersonId: null,
      };
      state.disputes.push(dispute);
      setPhase('dispute');
      timeline.add('dispute_referred', {
        round: withheld.round,
        bodyKey: withheld.bodyKey,
        actorPersonId: cmd.actorPersonId,
        data: { on: cmd.referredOn },
      });
      return audit(
        withheld.round,
        `dispute-${state.disputes.length}-referred`,
        cmd.actorPersonId,
        'dispute_referred',
        { referredOn: cmd.referredOn, caseReference: dispute.caseReference },
        'referred',
      ).then(() => ({ ...dispute }));
    }),
    { validator: (cmd) => refuseIf(referRefusal(cmd)) },
  );
  const resolveRefusal = (cmd: ResolveDisputeInput): Refusal | null => {
    const actor = actorRefusal(cmd);
    if (actor) return actor;
    const dispute = openDispute();
    if (state.phase !== 'dispute' || !dispute) {
      return refusalOf('CONFLICT', 'NO_OPEN_DISPUTE', undefined, 'cycles.noOpenDispute');
    }
    if (!DISPUTE_OUTCOMES.includes(cmd.outcome)) {
      return refusalOf('VALIDATION', 'INVALID_INPUT', 'outcome', 'cycles.outcomeInvalid', {
        field: 'outcome',
      });
    }
    const date = dateRefusal(cmd.decidedOn, 'decidedOn');
    if (date) return date;
    if (cmd.decidedOn < dispute.referredOn) {
      return refusalOf('VALIDATION', 'INVALID_INPUT', 'decidedOn', 'cycles.dateInvalid', {
        field: 'decidedOn',
      });
    }
    return null;
  };
  setHandler(
    resolveDisputeUpdate,
    published((cmd: ResolveDisputeInput) => {
      refuseIf(resolveRefusal(cmd));
      const dispute = openDispute()!;
      dispute.outcome = cmd.outcome;
      dispute.decidedOn = cmd.decidedOn;
      dispute.recordedByPersonId = cmd.actorPersonId;
      timeline.add('dispute_resolved', {
        round: dispute.round,
        bodyKey: dispute.bodyKey,
        actorPersonId: cmd.actorPersonId,
        data: { outcome: cmd.outcome, on: cmd.decidedOn },
      });
      return audit(
        dispute.round,
        `dispute-${state.disputes.length}-resolved`,
        cmd.actorPersonId,
        'dispute_resolved',
        { outcome: cmd.outcome, decidedOn: cmd.decidedOn },
        cmd.outcome,
      ).then(() => ({ ...dispute }));
    }),
    { validator: (cmd) => refuseIf(resolveRefusal(cmd)) },
  );

  // ---- adoption ----
  const adoptionRefusal = (actorPersonId: unknown): Refusal | null => {
    // Only the directeur-bestuurder adopts (docs/domain.md, source 001 §1.1).
    if (actorPersonId !== cfg.directorPersonId) {
      return refusalOf('RULE_VIOLATION', 'NOT_DIRECTOR', 'actorPersonId', 'cycles.notTheDirector');
    }
    // Blocked while the Commissie has not ruled (docs/domain.md, source 001 §1.5).
    if (state.phase === 'dispute') {
      return refusalOf('CONFLICT', 'DISPUTE_UNRESOLVED', undefined, 'cycles.disputeUnresolved');
    }
    if (state.phase !== 'awaiting_adoption' || state.adoption !== null) {
      return refusalOf(
        'CONFLICT',
        'NOT_AWAITING_ADOPTION',
        undefined,
        state.adoption ? 'cycles.alreadyAdopted' : 'cycles.notReadyForAdoption',
      );
    }
    return null;
  };
  setHandler(
    adoptSupportPlanUpdate,
    published((cmd) => {
      refuseIf(adoptionRefusal(cmd?.actorPersonId));
      const now = Date.now();
      state.adoption = { atMs: now, personId: cmd.actorPersonId };
      return { adoptedAt: iso(now) };
    }),
    { validator: (cmd) => refuseIf(adoptionRefusal(cmd?.actorPersonId)) },
  );

  const statusNow = (): SupportPlanStatus => {
    const now = current();
    return {
      workflowId,
      organisationId: cfg.organisationId,
      firstYear: cfg.firstYear,
      lastYear: cfg.lastYear,
      title: cfg.title,
      phase: state.phase,
      round: now.round,
      proposal: { ...now.spec.proposal },
      voteDeadline: cfg.voteDeadline,
      directorPersonId: cfg.directorPersonId,
      bodies: now.view().bodies,
      rounds: rounds.map((r) => r.view()),
      disputes: state.disputes.map((d) => ({ ...d })),
      adoption: {
        requestedAt: state.adoptionRequestedAtMs === null ? null : iso(state.adoptionRequestedAtMs),
        adoptedAt: state.adoption ? iso(state.adoption.atMs) : null,
        adoptedByPersonId: state.adoption?.personId ?? null,
      },
      timeline: timeline.list(),
    };
  };
  setHandler(getSupportPlanStatusQuery, statusNow);

  // ---- the cycle ----
  timeline.add('cycle_started', {
    round: 1,
    actorPersonId: cfg.startedByPersonId,
    data: { title: cfg.title, bodyKeys: cfg.bodyKeys, voteDeadline: cfg.voteDeadline },
  });
  await audit(1, 'cycle-started', cfg.startedByPersonId, 'cycle_started', {
    title: cfg.title,
    proposal: cfg.proposal,
    bodyKeys: cfg.bodyKeys,
    voteDeadline: cfg.voteDeadline,
    directorPersonId: cfg.directorPersonId,
  });

  /** What comes after a round that did not approve: the next round, or adoption (true). */
  const afterRejection = async (
    round: DecisionRound,
    failed: { bodyKey: string; decisionKind: string; result: string }[],
  ): Promise<boolean> => {
    const withheld = failed.find((f) => f.decisionKind === 'instemming' && f.result === 'rejected');
    if (!withheld) {
      setPhase('rejected_awaiting_revision');
      await condition(() => current().round > round.round);
      return false;
    }
    state.withheld = { round: round.round, bodyKey: withheld.bodyKey };
    setPhase('consent_withheld');
    const body = round.view().bodies.find((b) => b.bodyKey === withheld.bodyKey);
    timeline.add('consent_withheld', { round: round.round, bodyKey: withheld.bodyKey });
    await acts.notifySupportPlanConsentWithheld({
      organisationId: cfg.organisationId,
      workflowId,
      round: round.round,
      subject: cfg.title,
      idempotencyKeyPrefix: sideEffectKeyPrefix(workflowId, round.round, 'consent-withheld'),
      directorPersonId: cfg.directorPersonId,
      body: {
        key: withheld.bodyKey,
        name: body?.name ?? withheld.bodyKey,
        decisionKind: 'instemming',
      },
    });
    const disputesBefore = state.disputes.length;
    // A revision, or a referral followed by the Commissie's ruling.
    await condition(
      () =>
        current().round > round.round ||
        (state.disputes.length > disputesBefore && openDispute() === undefined),
    );
    state.withheld = null;
    if (current().round > round.round) return false;
    const ruling = state.disputes.at(-1)!;
    if (ruling.outcome !== 'permission_granted') {
      setPhase('rejected_awaiting_revision');
      await condition(() => current().round > round.round);
      return false;
    }
    // Permission replaces the consent; the other bodies still decide, unless they have already.
    const views = round.view().bodies.filter((b) => b.bodyKey !== withheld.bodyKey);
    if (views.some((b) => b.status === 'rejected' || b.status === 'no_quorum')) {
      setPhase('rejected_awaiting_revision');
      await condition(() => current().round > round.round);
      return false;
    }
    const remaining = views.filter((b) => b.status !== 'approved').map((b) => b.bodyKey);
    if (remaining.length === 0) return true;
    const nowMs = Date.now();
    const deadlineMs =
      Date.parse(cfg.voteDeadline) > nowMs
        ? Date.parse(cfg.voteDeadline)
        : amsterdamInstant(
            addBusinessDays(amsterdamParts(new Date(nowMs)).date, FOLLOW_UP_ROUND_BUSINESS_DAYS),
            17,
          ).getTime();
    newRound(round.round + 1, { ...round.spec.proposal }, iso(deadlineMs), remaining);
    return false;
  };

  for (;;) {
    const round = current();
    setPhase('voting');
    await round.open();
    const outcome = await round.run();
    if (outcome.outcome === 'approved') {
      timeline.add('round_approved', { round: round.round });
      await audit(round.round, 'round-approved', null, 'round_approved', {}, 'approved');
      break;
    }
    timeline.add('round_rejected', {
      round: round.round,
      data: { failedBodies: outcome.failedBodies },
    });
    await audit(
      round.round,
      'round-rejected',
      null,
      'round_rejected',
      { failedBodies: outcome.failedBodies },
      'rejected',
    );
    if (await afterRejection(round, outcome.failedBodies)) break;
    const next = current();
    const actor = revisedBy.get(next.round) ?? null;
    if (actor) {
      await audit(
        next.round,
        'revision',
        actor,
        'revision_submitted',
        { proposal: next.spec.proposal },
        next.spec.proposal.versionLabel,
      );
    }
  }

  // Every body approved or consented (or the Commissie gave permission): the director adopts.
  const approvedRound = current();
  state.adoptionRequestedAtMs = Date.now();
  setPhase('awaiting_adoption');
  timeline.add('adoption_requested', {
    round: approvedRound.round,
    data: { directorPersonId: cfg.directorPersonId },
  });
  const adoptRefKey = `round:${approvedRound.round}:adopt`;
  await acts.requestSupportPlanAdoption({
    organisationId: cfg.organisationId,
    workflowId,
    round: approvedRound.round,
    subject: cfg.title,
    idempotencyKeyPrefix: sideEffectKeyPrefix(workflowId, approvedRound.round, 'adopt'),
    directorPersonId: cfg.directorPersonId,
    proposal: approvedRound.spec.proposal,
    taskRefKey: adoptRefKey,
    approvals: approvalsOf(approvedRound),
  });
  await condition(() => state.adoption !== null);
  const adopted = state.adoption!;
  setPhase('adopted');
  timeline.add('plan_adopted', { round: approvedRound.round, actorPersonId: adopted.personId });
  await Promise.all([
    audit(
      approvedRound.round,
      'adopt',
      adopted.personId,
      'support_plan_adopted',
      { proposal: approvedRound.spec.proposal },
      'adopted',
    ),
    roundActs.updateTasks({
      workflowId,
      kind: 'adopt',
      refKey: adoptRefKey,
      status: 'done',
      at: iso(adopted.atMs),
    }),
  ]);
  timeline.add('cycle_completed', { round: approvedRound.round });
  await condition(allHandlersFinished);
  await Promise.all(rounds.map((r) => r.drain()));
  await publisher.flushed();
  return {
    workflowId,
    rounds: rounds.length,
    adoptedAt: iso(adopted.atMs),
    adoptedByPersonId: adopted.personId,
    disputes: state.disputes.map((d) => ({ ...d })),
  };
}
