/**
 * budgetCycleWorkflow — the December budget approval of one SWV for one budget year
 * (docs/domain.md §1; docs/domain.md, source 001 §7, §7.1, §7.4). Workflow id `budget:<organisationId>:<budgetYear>`.
 *
 * What it guarantees:
 * - The budget is adopted (vastgesteld) only by the configured directeur-bestuurder, and only
 *   after the ALV and the RvT approved (goedkeuring) and the OPR consented (instemming) in the
 *   same round on the same proposal version.
 * - Votes are counted by `@jaarcyclus/domain` with each body's own rule; ALV weights are the
 *   boards' pupil counts as snapshotted when the round opened.
 * - Invitations go out at a decent hour: a round opened outside business hours (08:00–18:00 on
 *   a business day, Europe/Amsterdam) opens at the next business moment (patch
 *   'budget-invitations-business-hours'; runs from before invite at once).
 * - Members who have not voted are reminded at the domain's reminder times (never at night, in
 *   a weekend or on a holiday); a missed deadline without quorum escalates to the body's chair
 *   and the secretariat only, and the body waits for the secretariat to extend or close it.
 * - A rejection ends the round; only a revised proposal opens the next one, for all bodies,
 *   with earlier votes kept for the record but not counted. Consent withheld by the OPR in the
 *   configured number of rounds records a dispute (geschil, docs/domain.md, source 001 §1.5) and tells the director.
 * - After adoption, allocation letters go to every board on the letters date (or right away
 *   when it has passed), computed by the domain's `computeAllocation`.
 * - Every vote and decision lands in the append-only audit log; every side effect carries the
 *   idempotency key `${workflowId}:r${round}:${step}:${recipient}`, so retries never repeat it.
 *
 * History size: a cycle lasts weeks and sees a few hundred events (per vote: one Update and two
 * short activities; per reminder one activity; timers are re-armed only when a deadline moves
 * or a reminder is requested, not per vote). That is far below Temporal's limits, so there is
 * no continue-as-new. We would add it at a round boundary (waiting for a revision, carrying
 * config, rounds' views, timeline and dispute state as input) if `workflowInfo()
 * .continueAsNewSuggested` could become true, e.g. if bodies grew to thousands of voters or
 * cycles ran for many rounds; behind `patched()` so running cycles replay unchanged.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  patched,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { nextBusinessMoment } from '@jaarcyclus/domain';
import { DecisionRound } from '../decision-round/decision-round';
import type { DecisionRoundActivities } from '../decision-round/decision-round.activities';
import {
  approvalsOf,
  cycleAuditEvent,
  publishedUpdates,
  revisionDeadline,
  setDecisionRoundHandlers,
} from '../decision-round/decision-round.cycle';
import type {
  BodyRoundConfig,
  DecisionRoundSpec,
  ProposalRef,
} from '../decision-round/decision-round.types';
import { sideEffectKeyPrefix } from '../ids';
import { type Refusal, refusalOf, refuseIf, throwRefusal } from '../refusal';
import { StatePublisher } from '../state-publisher';
import { Timeline } from '../timeline';
import type { BudgetActivities, CycleWrite } from './budget-cycle.activities';
import { resolveBudgetCycleConfig } from './budget-cycle.config';
import {
  adoptBudgetUpdate,
  getCycleStatusQuery,
  submitRevisionUpdate,
} from './budget-cycle.messages';
import type {
  AdoptBudgetInput,
  AllocationLettersResult,
  BudgetCycleConfig,
  BudgetCycleInput,
  BudgetCycleResult,
  BudgetCycleStatus,
  BudgetPhase,
  DisputeRecord,
  SubmitRevisionInput,
} from './budget-cycle.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();

export async function budgetCycleWorkflow(input: BudgetCycleInput): Promise<BudgetCycleResult> {
  const workflowId = workflowInfo().workflowId;
  // Runs started before the state read model existed replay without it (see StatePublisher).
  const publishesState = patched('budget-cycle-state-read-model');
  // Invitations wait for business hours, like reminders (issue #16.10).
  const invitesInBusinessHours = patched('budget-invitations-business-hours');
  // The moment a round opens is asked of an activity, so a worker's clock decides it where one
  // is set (end-to-end tests at any hour); without one it is the same moment as before.
  const opensByActivity = invitesInBusinessHours && patched('budget-invitations-open-at-activity');
  // Members hear their body's outcome by mail at a decent hour (issue #16, results).
  const mailsRoundResults = patched('budget-round-result-mails');
  const resolved = resolveBudgetCycleConfig(input, Date.now());
  if ('reason' in resolved) {
    // Invalid input fails the run at once (the api validates first with validateBudgetCycleInput).
    throw ApplicationFailure.create({
      type: resolved.code,
      message: resolved.message,
      nonRetryable: true,
      details: [{ reason: resolved.reason, ...(resolved.field ? { field: resolved.field } : {}) }],
    });
  }
  const cfg: BudgetCycleConfig = resolved;

  // Mails and small database writes: short timeouts, retried until they succeed (they are idempotent).
  const acts = proxyActivities<BudgetActivities>({ startToCloseTimeout: '1 minute', retry: RETRY });
  // Runs recorded before the read model: the writes every vote causes (audit row, task done)
  // run as local activities, one each. Newer runs send them with the state publish (below).
  const perVote = proxyLocalActivities<Pick<BudgetActivities, 'recordAuditEvent' | 'updateTasks'>>({
    startToCloseTimeout: '30 seconds',
    retry: RETRY,
  });
  const roundActs: DecisionRoundActivities = {
    snapshotRoster: acts.snapshotRoster,
    openBallots: acts.openBallots,
    sendVoteReminders: acts.sendVoteReminders,
    sendEscalation: acts.sendEscalation,
    sendRoundResult: acts.sendRoundResult,
    updateTasks: publishesState ? (tasks) => publisher.write({ tasks }) : perVote.updateTasks,
    recordAuditEvent: publishesState
      ? (audit) => publisher.write({ audit })
      : perVote.recordAuditEvent,
  };
  // The read model is written inside the workflow task, like the per-vote writes; retried
  // quickly, since an Update waits for it.
  const readModel = proxyLocalActivities<Pick<BudgetActivities, 'publishCycleState'>>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  // One letter per board: allow for a slow SMTP server with many boards.
  const letters = proxyActivities<Pick<BudgetActivities, 'sendAllocationLetters'>>({
    startToCloseTimeout: '15 minutes',
    retry: RETRY,
  });

  // The status (statusNow, below) as a read model; the timeline reports every event to it.
  const publisher = new StatePublisher<BudgetCycleStatus, CycleWrite>(
    () => statusNow(),
    (seq, status, writes) =>
      readModel.publishCycleState({
        organisationId: cfg.organisationId,
        workflowId,
        year: cfg.budgetYear,
        title: cfg.title,
        status: status.phase,
        createdByPersonId: cfg.startedByPersonId,
        seq,
        state: status,
        writes,
      }),
    publishesState,
  );
  const timeline = new Timeline(() => publisher.changed());
  const rounds: DecisionRound[] = [];
  const consentWithheldRounds: number[] = [];
  // Mutable cycle state in one object: handlers and the main flow both change it.
  const state: {
    phase: BudgetPhase;
    dispute: DisputeRecord | null;
    adoptionRequestedAtMs: number | null;
    adoption: { atMs: number; personId: string } | null;
    lettersScheduledForMs: number | null;
    lettersSentAtMs: number | null;
    lettersResult: AllocationLettersResult | null;
    invitationsAtMs: number | null;
  } = {
    phase: 'voting',
    dispute: null,
    adoptionRequestedAtMs: null,
    adoption: null,
    lettersScheduledForMs: null,
    lettersSentAtMs: null,
    lettersResult: null,
    invitationsAtMs: null,
  };

  const newRound = (round: number, proposal: ProposalRef, deadline: string): DecisionRound => {
    const bodies: BodyRoundConfig[] = cfg.bodyKeys.map((bodyKey) => ({
      bodyKey,
      deadline,
      reminderPolicy: cfg.reminderPolicy,
      escalation: cfg.escalation,
    }));
    const spec: DecisionRoundSpec = {
      workflowId,
      organisationId: cfg.organisationId,
      round,
      subject: cfg.title,
      proposal,
      bodies,
      resultMails: mailsRoundResults,
    };
    const r = new DecisionRound(spec, roundActs, timeline);
    rounds.push(r);
    return r;
  };
  const current = (): DecisionRound => rounds[rounds.length - 1]!;
  /** Who submitted the proposal of each revised round (for the audit log). */
  const revisedBy = new Map<number, string>();
  newRound(1, cfg.proposal, cfg.voteDeadline);

  const audit = (
    round: number,
    step: string,
    recipient: string,
    action: string,
    actorPersonId: string | null,
    payload: Record<string, unknown>,
    value: string | null = null,
  ): Promise<void> =>
    (publishesState ? roundActs.recordAuditEvent : acts.recordAuditEvent)(
      cycleAuditEvent({
        workflowId,
        organisationId: cfg.organisationId,
        round,
        step,
        recipient,
        action,
        actorPersonId,
        payload,
        value,
      }),
    );
  const recordPhase = (): Promise<void> => {
    publisher.changed();
    return acts.recordCycleStatus({
      organisationId: cfg.organisationId,
      workflowId,
      year: cfg.budgetYear,
      title: cfg.title,
      status: state.phase,
      createdByPersonId: cfg.startedByPersonId,
    });
  };

  // ---- message handlers: registered before the first await, so no early message is lost ----

  /**
   * Every Update answers only once its effect is in the read model, so the person who acted
   * sees it on the next read (GET of the cycle is served from the read model).
   */
  const published = publishedUpdates(publisher, publishesState);
  setDecisionRoundHandlers(current, published);

  const revisionRefusal = (cmd: SubmitRevisionInput): Refusal | { deadlineMs: number } => {
    if (
      cmd === null ||
      typeof cmd !== 'object' ||
      typeof cmd.actorPersonId !== 'string' ||
      cmd.actorPersonId === ''
    ) {
      return {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        message: 'actorPersonId is required',
        field: 'actorPersonId',
      };
    }
    // The current round must have ended in a rejection (and no newer round may exist yet).
    if (current().status() !== 'rejected') {
      return refusalOf(
        'CONFLICT',
        'NOT_AWAITING_REVISION',
        undefined,
        'refusal.revisionNotAfterRejection',
        {
          round: current().round,
          status: current().status(),
        },
      );
    }
    return revisionDeadline(cmd, cfg.voteDeadline, cfg.reminderPolicy);
  };
  setHandler(
    submitRevisionUpdate,
    published((cmd: SubmitRevisionInput) => {
      const checked = revisionRefusal(cmd);
      if ('reason' in checked) throwRefusal(checked);
      const previous = current();
      const next = newRound(previous.round + 1, { ...cmd.proposal }, iso(checked.deadlineMs));
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

  const adoptionRefusal = (actorPersonId: unknown): Refusal | null => {
    // Only the directeur-bestuurder adopts (docs/domain.md, source 001 §1.1: "stelt vast na goedkeuring en instemming").
    if (actorPersonId !== cfg.directorPersonId) {
      return refusalOf('RULE_VIOLATION', 'NOT_DIRECTOR', 'actorPersonId', 'refusal.notTheDirector');
    }
    if (state.phase !== 'awaiting_adoption' || state.adoption !== null) {
      return refusalOf(
        'CONFLICT',
        'NOT_AWAITING_ADOPTION',
        undefined,
        state.adoption ? 'refusal.alreadyAdopted' : 'refusal.notReadyForAdoption',
      );
    }
    return null;
  };
  setHandler(
    adoptBudgetUpdate,
    published((cmd: AdoptBudgetInput) => {
      refuseIf(adoptionRefusal(cmd.actorPersonId));
      const now = Date.now();
      state.adoption = { atMs: now, personId: cmd.actorPersonId };
      return Promise.resolve({
        adoptedAt: iso(now),
        lettersAt: iso(Math.max(now, Date.parse(cfg.lettersDate))),
      });
    }),
    { validator: (cmd) => refuseIf(adoptionRefusal(cmd?.actorPersonId)) },
  );

  const statusNow = (): BudgetCycleStatus => {
    const now = current();
    return {
      workflowId,
      organisationId: cfg.organisationId,
      budgetYear: cfg.budgetYear,
      title: cfg.title,
      phase: state.phase,
      round: now.round,
      proposal: { ...now.spec.proposal },
      voteDeadline: cfg.voteDeadline,
      lettersDate: cfg.lettersDate,
      directorPersonId: cfg.directorPersonId,
      oprDisputeAfterRounds: cfg.oprDisputeAfterRounds,
      bodies: now.view().bodies,
      rounds: rounds.map((r) => r.view()),
      consentWithheldRounds: [...consentWithheldRounds],
      dispute: state.dispute ? { ...state.dispute } : null,
      adoption: {
        requestedAt: state.adoptionRequestedAtMs === null ? null : iso(state.adoptionRequestedAtMs),
        adoptedAt: state.adoption ? iso(state.adoption.atMs) : null,
        adoptedByPersonId: state.adoption?.personId ?? null,
      },
      letters: {
        scheduledFor:
          state.lettersScheduledForMs === null ? null : iso(state.lettersScheduledForMs),
        sentAt: state.lettersSentAtMs === null ? null : iso(state.lettersSentAtMs),
        result: state.lettersResult,
      },
      timeline: timeline.list(),
      ...(invitesInBusinessHours
        ? { invitationsAt: state.invitationsAtMs === null ? null : iso(state.invitationsAtMs) }
        : {}),
    };
  };
  setHandler(getCycleStatusQuery, statusNow);

  // ---- the cycle ----

  timeline.add('cycle_started', {
    round: 1,
    actorPersonId: cfg.startedByPersonId,
    data: {
      title: cfg.title,
      bodyKeys: cfg.bodyKeys,
      voteDeadline: cfg.voteDeadline,
      lettersDate: cfg.lettersDate,
    },
  });
  await Promise.all([
    recordPhase(),
    audit(1, 'cycle-started', cfg.startedByPersonId, 'cycle_started', cfg.startedByPersonId, {
      title: cfg.title,
      proposal: cfg.proposal,
      allocation: cfg.allocation,
      bodyKeys: cfg.bodyKeys,
      voteDeadline: cfg.voteDeadline,
      lettersDate: cfg.lettersDate,
      directorPersonId: cfg.directorPersonId,
    }),
  ]);

  for (;;) {
    const round = current();
    if (state.phase !== 'voting') {
      state.phase = 'voting';
      await recordPhase();
    }
    if (invitesInBusinessHours) {
      // Nobody is mailed at night: the round (tasks and invitations) opens at a business moment.
      const openAtMs = opensByActivity
        ? Date.parse(await acts.invitationsOpenAt({ at: iso(Date.now()) }))
        : nextBusinessMoment(new Date(Date.now())).getTime();
      if (openAtMs > Date.now()) {
        state.invitationsAtMs = openAtMs;
        publisher.changed();
        await sleep(openAtMs - Date.now());
        state.invitationsAtMs = null;
      }
    }
    await round.open();
    const outcome = await round.run();
    if (outcome.outcome === 'approved') {
      timeline.add('round_approved', { round: round.round });
      await audit(round.round, 'round-approved', 'system', 'round_approved', null, {}, 'approved');
      break;
    }
    timeline.add('round_rejected', {
      round: round.round,
      data: { failedBodies: outcome.failedBodies },
    });
    await audit(
      round.round,
      'round-rejected',
      'system',
      'round_rejected',
      null,
      { failedBodies: outcome.failedBodies },
      'rejected',
    );
    // Withheld consent (instemming) counts towards a dispute; a missing quorum does not.
    const withheld = outcome.failedBodies.find(
      (f) => f.decisionKind === 'instemming' && f.result === 'rejected',
    );
    if (withheld) {
      consentWithheldRounds.push(round.round);
      if (state.dispute === null && consentWithheldRounds.length >= cfg.oprDisputeAfterRounds) {
        const body = round.view().bodies.find((b) => b.bodyKey === withheld.bodyKey);
        state.dispute = {
          recordedAt: iso(Date.now()),
          round: round.round,
          bodyKey: withheld.bodyKey,
          rounds: [...consentWithheldRounds],
        };
        timeline.add('dispute_recorded', {
          round: round.round,
          bodyKey: withheld.bodyKey,
          data: { rounds: state.dispute.rounds },
        });
        await Promise.all([
          audit(
            round.round,
            'dispute',
            'system',
            'dispute_recorded',
            null,
            { bodyKey: withheld.bodyKey, rounds: state.dispute.rounds },
            'dispute',
          ),
          acts.notifyDispute({
            organisationId: cfg.organisationId,
            workflowId,
            round: round.round,
            subject: cfg.title,
            idempotencyKeyPrefix: sideEffectKeyPrefix(workflowId, round.round, 'dispute'),
            directorPersonId: cfg.directorPersonId,
            body: {
              key: withheld.bodyKey,
              name: body?.name ?? withheld.bodyKey,
              decisionKind: withheld.decisionKind,
            },
            rounds: state.dispute.rounds,
          }),
        ]);
      }
    }
    state.phase = state.dispute ? 'dispute' : 'rejected_awaiting_revision';
    await recordPhase();
    await condition(() => current().round > round.round);
    const next = current();
    const actor = revisedBy.get(next.round) ?? null;
    await audit(
      next.round,
      'revision',
      actor ?? 'system',
      'revision_submitted',
      actor,
      { proposal: next.spec.proposal, deadline: next.spec.bodies[0]?.deadline ?? null },
      next.spec.proposal.versionLabel,
    );
  }

  // All bodies approved or consented: the directeur-bestuurder adopts.
  const approvedRound = current();
  state.phase = 'awaiting_adoption';
  state.adoptionRequestedAtMs = Date.now();
  timeline.add('adoption_requested', {
    round: approvedRound.round,
    data: { directorPersonId: cfg.directorPersonId },
  });
  const adoptRefKey = `round:${approvedRound.round}:adopt`;
  await Promise.all([
    recordPhase(),
    acts.requestAdoption({
      organisationId: cfg.organisationId,
      workflowId,
      round: approvedRound.round,
      subject: cfg.title,
      idempotencyKeyPrefix: sideEffectKeyPrefix(workflowId, approvedRound.round, 'adopt'),
      directorPersonId: cfg.directorPersonId,
      proposal: approvedRound.spec.proposal,
      taskRefKey: adoptRefKey,
      approvals: approvalsOf(approvedRound),
    }),
  ]);
  await condition(() => state.adoption !== null);
  const adopted = state.adoption!;
  timeline.add('budget_adopted', { round: approvedRound.round, actorPersonId: adopted.personId });
  await Promise.all([
    audit(
      approvedRound.round,
      'adopt',
      adopted.personId,
      'budget_adopted',
      adopted.personId,
      { proposal: approvedRound.spec.proposal },
      'adopted',
    ),
    (publishesState ? roundActs.updateTasks : acts.updateTasks)({
      workflowId,
      kind: 'adopt',
      refKey: adoptRefKey,
      status: 'done',
      at: iso(adopted.atMs),
    }),
  ]);

  // "Medio december" the boards hear what they receive (docs/domain.md, source 001 §7.4): wait for the letters date if it is ahead.
  const lettersAtMs = Date.parse(cfg.lettersDate);
  // The letters are dated on the letters date, or on the day of adoption when that is later.
  const letterDateMs = Math.max(lettersAtMs, Date.now());
  if (Date.now() < lettersAtMs) {
    state.phase = 'awaiting_letters';
    state.lettersScheduledForMs = lettersAtMs;
    timeline.add('letters_scheduled', {
      round: approvedRound.round,
      data: { at: cfg.lettersDate },
    });
    await recordPhase();
    await sleep(lettersAtMs - Date.now());
  }
  const result = await letters.sendAllocationLetters({
    organisationId: cfg.organisationId,
    workflowId,
    round: approvedRound.round,
    subject: cfg.title,
    idempotencyKeyPrefix: sideEffectKeyPrefix(workflowId, approvedRound.round, 'letter'),
    budgetYear: cfg.budgetYear,
    figures: cfg.allocation,
    at: iso(letterDateMs),
  });
  state.lettersResult = result;
  const lettersSentAtMs = Date.now();
  state.lettersSentAtMs = lettersSentAtMs;
  state.phase = 'letters_sent';
  timeline.add('letters_sent', {
    round: approvedRound.round,
    data: { boards: result.boards, lettersSent: result.lettersSent },
  });
  await Promise.all([
    recordPhase(),
    audit(
      approvedRound.round,
      'letters',
      'system',
      'letters_sent',
      null,
      { ...result },
      'letters_sent',
    ),
  ]);
  timeline.add('cycle_completed', { round: approvedRound.round });

  // Let in-flight Update handlers and their side effects finish before completing.
  await condition(allHandlersFinished);
  await Promise.all(rounds.map((r) => r.drain()));
  await publisher.flushed();
  return {
    workflowId,
    budgetYear: cfg.budgetYear,
    rounds: rounds.length,
    adoptedAt: iso(adopted.atMs),
    adoptedByPersonId: adopted.personId,
    lettersSentAt: iso(lettersSentAtMs),
    letters: result,
    dispute: state.dispute,
  };
}
