/**
 * A decision round: one proposal put to several bodies in parallel (e.g. ALV goedkeuring, RvT
 * goedkeuring, OPR instemming), each with its own roster, voting rule, deadline, reminders and
 * escalation. Every outcome is decided by `@jaarcyclus/domain` (tallyVotes, decideAtDeadline);
 * every instant the round sleeps until comes from the domain too (reminderTimes,
 * escalationTime, nextBusinessMoment), so no reminder or escalation lands at night, in a
 * weekend or on a holiday.
 *
 * Why an in-workflow component and not a child workflow per round or per body:
 * - one Query on the parent shows the whole cycle (all rounds, all bodies, one timeline)
 *   without fan-out queries or duplicated state;
 * - a vote is one Update on one workflow id: the api needs no routing to child ids, and the
 *   validators see the full picture (e.g. "member of another body");
 * - rounds are short-lived and small (tens of members), so history stays small either way,
 *   while a child per round would add start/complete events and cross-workflow signalling.
 * The parent composes it: it creates one `DecisionRound` per round, wires its Update/Signal
 * handlers to the methods below (`validate*` in validators, the rest in handlers) and awaits
 * `open()` then `run()`. Nothing here knows about budgets: the support-plan approval and the
 * other cycles reuse it with their own subject, bodies and follow-up.
 *
 * Guarantees: a body is decided as soon as its tally is final (no remaining vote can change the
 * outcome); at its deadline it is decided if the quorum is reached, else escalated (mail to
 * chair and secretariat at the domain's escalation time) and kept open until the secretariat
 * extends or closes it; reminders go only to members who have not voted; when a binding body
 * rejects, the round ends and the other bodies are cancelled. Every vote and decision is
 * written to the audit log; every side effect carries an idempotency key.
 */
import { ApplicationFailure, condition, patched, sleep } from '@temporalio/workflow';
import {
  type DecisionKind,
  decideAtDeadline,
  escalationTime,
  nextBusinessMoment,
  reminderTimes,
} from '@jaarcyclus/domain';
import { sideEffectKey, sideEffectKeyPrefix } from '../ids';
import { refuseIf } from '../refusal';
import { SideEffects } from '../side-effects';
import type { Timeline } from '../timeline';
import type {
  AuditEventInput,
  BodyRef,
  DecisionRoundActivities,
} from './decision-round.activities';
import {
  type BodyState,
  bodyView,
  computeTally,
  isDecided,
  isLive,
  newBodyState,
  nextWakeMs,
  validateClose,
  validateExtend,
  validateVote,
} from './decision-round.logic';
import type {
  BodyDecision,
  CastVoteCommand,
  CastVoteResult,
  CloseRoundCommand,
  CloseRoundResult,
  DecisionRoundSpec,
  ExtendDeadlineCommand,
  ExtendDeadlineResult,
  PersonRef,
  RemindNowCommand,
  RosterSnapshot,
  RoundOutcome,
  RoundStatus,
  RoundView,
  VoteRecord,
} from './decision-round.types';

const nowMs = (): number => Date.now();
const iso = (ms: number): string => new Date(ms).toISOString();

/** patched(): the audit row of a vote keyed by member and their n-th vote (see castVote). */
export const VOTE_AUDIT_KEY_PER_MEMBER = 'decision-round-vote-audit-per-member';
/**
 * patched(): the members of a body cancelled by another body's rejection hear that their vote
 * has ended, and why (sendRoundResult with result 'cancelled'), as a decided body's members
 * hear its outcome. Before it, their open vote task only lapsed.
 */
export const CANCELLED_BODY_MAILS = 'decision-round-cancelled-body-mails';
export class DecisionRound {
  private readonly bodies: BodyState[];
  private readonly openedAtMs = nowMs();
  private snapshot?: RosterSnapshot;
  /** Set once a binding body failed: the other bodies stop. */
  private stopped = false;
  /** Bumped by every change the round loop must notice. */
  private version = 0;
  /** Audit rows and task updates started by command handlers. */
  private readonly effects = new SideEffects();
  /**
   * The outcome mails of decided bodies, each waiting for the next business moment: apart from
   * `effects`, so that a round decided at night does not wait for them; drained by `drain()`.
   */
  private readonly results = new SideEffects();

  constructor(
    readonly spec: DecisionRoundSpec,
    private readonly acts: DecisionRoundActivities,
    private readonly timeline: Timeline,
  ) {
    this.bodies = spec.bodies.map(newBodyState);
  }

  get round(): number {
    return this.spec.round;
  }

  /** Snapshots the roster, arms reminders and sends every member a task and an invitation. */
  async open(): Promise<void> {
    const { spec } = this;
    const snapshot = await this.acts.snapshotRoster({
      organisationId: spec.organisationId,
      bodyKeys: spec.bodies.map((b) => b.bodyKey),
    });
    this.snapshot = snapshot;
    const now = nowMs();
    for (const b of this.bodies) {
      const roster = snapshot.bodies.find((r) => r.key === b.config.bodyKey);
      if (!roster) {
        throw ApplicationFailure.nonRetryable(
          `Body '${b.config.bodyKey}' is not configured for this organisation`,
          'NOT_FOUND',
        );
      }
      b.roster = roster;
      b.status = 'open';
      b.tally = computeTally(roster, b.votes);
      b.plannedReminders = this.remindersFor(b, now);
    }
    this.timeline.add('round_opened', {
      round: spec.round,
      data: {
        proposal: spec.proposal,
        bodies: this.bodies.map((b) => ({
          bodyKey: b.config.bodyKey,
          deadline: b.config.deadline,
        })),
      },
    });
    await this.audit({
      step: 'round-opened',
      recipient: 'system',
      action: 'round_opened',
      payload: {
        proposal: spec.proposal,
        bodies: snapshot.bodies.map((r) => ({
          key: r.key,
          decisionKind: r.decisionKind,
          votingRule: r.votingRule,
          members: r.members.map((m) => ({
            personId: m.personId,
            weight: m.weight,
            boardId: m.boardId,
          })),
        })),
      },
    });
    await Promise.all(
      this.bodies.map(async (b) => {
        const roster = b.roster!;
        await this.acts.openBallots({
          ...this.context(`ballot-${roster.key}`),
          body: this.bodyRef(b),
          proposal: spec.proposal,
          deadline: iso(b.deadlineMs),
          taskRefKey: this.taskRefKey(b),
          members: roster.members.map((m) => ({ personId: m.personId, name: m.name })),
        });
        this.timeline.add('ballots_sent', {
          round: spec.round,
          bodyKey: roster.key,
          data: { members: roster.members.length },
        });
      }),
    );
  }

  /**
   * Runs the round until it is decided: every binding body approved, or one failed (then the
   * others are cancelled). One loop and at most one timer for the whole round: the next moment
   * any body needs (deadline, reminder, escalation), re-armed only when a command changes the
   * schedule. (One timer per body would put several timers on the same deadline instant, and
   * cancelling one that already fired strands a run on the time-skipping test server,
   * temporalio/sdk-java#3088.)
   */
  async run(): Promise<RoundOutcome> {
    for (;;) {
      // Transitions that need no time: early decisions (domain `final`) and cancellation.
      if (this.failedBodies().length > 0) this.stopped = true;
      for (const b of this.bodies) {
        if (!isLive(b.status)) continue;
        if (this.stopped) this.cancel(b);
        else if (this.decidableNow(b))
          this.decide(b, b.tally!.outcome as 'approved' | 'rejected', 'votes', null);
      }
      if (this.failedBodies().length > 0 && !this.stopped) continue;
      const unsettled = this.bodies.filter((b) => !isLive(b.status) && !b.settled);
      if (unsettled.length > 0) {
        unsettled.forEach((b) => (b.settled = true));
        await Promise.all(unsettled.map((b) => this.settle(b)));
        continue;
      }
      if (this.bodies.every((b) => !isLive(b.status))) break;

      const now = nowMs();
      const due = this.bodies.filter((b) => {
        const wake = nextWakeMs(b);
        return wake !== null && wake <= now;
      });
      if (due.length > 0) {
        await Promise.all(due.map((b) => this.onDue(b, now)));
        continue;
      }
      const wakes = this.bodies.map(nextWakeMs).filter((w): w is number => w !== null);
      const version = this.version;
      const changed = (): boolean =>
        this.version !== version ||
        this.bodies.some(
          (b) =>
            (isLive(b.status) && (this.stopped || this.decidableNow(b))) ||
            (!isLive(b.status) && !b.settled),
        );
      if (wakes.length === 0) await condition(changed);
      else await condition(changed, Math.min(...wakes) - now);
    }
    await this.effects.drain();
    const failed = this.failedBodies();
    return failed.length > 0
      ? { outcome: 'rejected', failedBodies: failed }
      : { outcome: 'approved' };
  }

  /**
   * Waits for the side effects of commands (e.g. an audit row of a late, refused-later vote)
   * and for the outcome mails.
   */
  async drain(): Promise<void> {
    await this.effects.drain();
    await this.results.drain();
  }

  // ---- commands (wired by the parent workflow) ----

  validateVote(cmd: CastVoteCommand): void {
    refuseIf(validateVote(this.bodies, cmd, nowMs()));
  }

  castVote(cmd: CastVoteCommand): Promise<CastVoteResult> {
    const b = this.body(cmd.bodyKey);
    const roster = b.roster!;
    const member = roster.members.find((m) => m.personId === cmd.personId)!;
    const previous = b.votes.get(cmd.personId);
    const now = nowMs();
    const record: VoteRecord = {
      personId: member.personId,
      name: member.name,
      value: cmd.value,
      weight: member.weight,
      comment: cmd.comment ?? null,
      castAt: iso(now),
      changes: previous ? previous.changes + 1 : 0,
    };
    b.votes.set(member.personId, record);
    b.voteSeq += 1;
    const tally = computeTally(roster, b.votes);
    b.tally = tally;
    this.timeline.add(previous ? 'vote_changed' : 'vote_cast', {
      round: this.round,
      bodyKey: roster.key,
      actorPersonId: member.personId,
      data: { value: cmd.value, weight: member.weight },
    });
    // Recorded in the background: the vote is durable once the Update is accepted, and the
    // member gets the tally back at once. The audit row's key names the member's own n-th
    // vote, not its place among all votes: the row is written by a local activity before the
    // workflow task completes, and a worker killed after it (RELIABILITY.md, the SIGKILL
    // scenario) leaves a row whose place a new worker may give another vote, so a keyed-by-place
    // row was written twice for one vote.
    const step = patched(VOTE_AUDIT_KEY_PER_MEMBER)
      ? `vote-${roster.key}-${member.personId}-${record.changes}`
      : `vote-${roster.key}-${b.voteSeq}`;
    this.effects.run(() =>
      this.audit({
        step,
        recipient: member.personId,
        action: previous ? 'vote_changed' : 'vote_cast',
        actorPersonId: member.personId,
        bodyKey: roster.key,
        weight: member.weight,
        value: cmd.value,
        comment: record.comment,
        payload: { name: member.name, previousValue: previous?.value ?? null, tally },
      }),
    );
    if (!previous) {
      this.effects.run(() =>
        this.acts.updateTasks({
          workflowId: this.spec.workflowId,
          kind: 'vote',
          refKey: this.taskRefKey(b),
          personIds: [member.personId],
          status: 'done',
          at: iso(now),
        }),
      );
    }
    // A vote that makes the tally final decides the body in this same workflow task.
    const status = this.decidableNow(b) ? (tally.outcome as 'approved' | 'rejected') : b.status;
    return Promise.resolve({
      round: this.round,
      bodyKey: roster.key,
      value: cmd.value,
      changed: previous !== undefined,
      status,
      tally,
    });
  }

  validateExtendDeadline(cmd: ExtendDeadlineCommand): void {
    const found = validateExtend(this.bodies, cmd, nowMs());
    if (!Array.isArray(found)) refuseIf(found);
  }

  extendDeadline(cmd: ExtendDeadlineCommand): Promise<ExtendDeadlineResult> {
    const found = validateExtend(this.bodies, cmd, nowMs());
    if (!Array.isArray(found)) refuseIf(found);
    const targets = found as BodyState[];
    const now = nowMs();
    const deadlineMs = Date.parse(cmd.deadline);
    const changes = targets.map((b) => {
      const previous = b.deadlineMs;
      b.deadlineMs = deadlineMs;
      if (b.status === 'escalated') {
        // Back to voting; an escalation mail not yet sent is no longer needed.
        b.status = 'open';
        b.escalationDueMs = null;
      }
      // Reminders re-armed from the domain for the new deadline; the old ones are dropped.
      b.plannedReminders = this.remindersFor(b, now);
      b.extensions += 1;
      this.touch();
      this.timeline.add('deadline_extended', {
        round: this.round,
        bodyKey: b.config.bodyKey,
        actorPersonId: cmd.actorPersonId,
        data: { from: iso(previous), to: iso(deadlineMs) },
      });
      return { b, previous };
    });
    changes.forEach(({ b, previous }) => {
      const extension = b.extensions;
      this.effects.run(() =>
        this.audit({
          step: `extend-${b.config.bodyKey}-${extension}`,
          recipient: cmd.actorPersonId,
          action: 'deadline_extended',
          actorPersonId: cmd.actorPersonId,
          bodyKey: b.config.bodyKey,
          value: iso(deadlineMs),
          payload: { previousDeadline: iso(previous) },
        }),
      );
      this.effects.run(() =>
        this.acts.updateTasks({
          workflowId: this.spec.workflowId,
          kind: 'vote',
          refKey: this.taskRefKey(b),
          dueAt: iso(deadlineMs),
          at: iso(now),
        }),
      );
    });
    return Promise.resolve({
      round: this.round,
      bodies: changes.map(({ b, previous }) => ({
        bodyKey: b.config.bodyKey,
        previousDeadline: iso(previous),
        deadline: iso(b.deadlineMs),
        nextReminderAt: bodyView(b).nextReminderAt,
      })),
    });
  }

  validateClose(cmd: CloseRoundCommand): void {
    const found = validateClose(this.bodies, cmd);
    if (!Array.isArray(found)) refuseIf(found);
  }

  /** The secretariat closes escalated bodies: the domain decides on the votes as they stand. */
  closeRound(cmd: CloseRoundCommand): CloseRoundResult {
    const found = validateClose(this.bodies, cmd);
    if (!Array.isArray(found)) refuseIf(found);
    const targets = found as BodyState[];
    return {
      round: this.round,
      bodies: targets.map((b) => {
        const result = decideAtDeadline(b.tally!);
        this.decide(b, result, 'secretariat', cmd.actorPersonId);
        return { bodyKey: b.config.bodyKey, result };
      }),
    };
  }

  /** Reminds non-voters now, or at the next business moment when now is outside office hours. */
  requestReminder(cmd: RemindNowCommand): void {
    const targets = this.bodies.filter(
      (b) => b.status === 'open' && (cmd.bodyKey === undefined || b.config.bodyKey === cmd.bodyKey),
    );
    if (targets.length === 0) return;
    const at = nextBusinessMoment(new Date(nowMs())).getTime();
    for (const b of targets) {
      b.requestedReminders = [...b.requestedReminders, at].sort((x, y) => x - y);
      this.touch();
      this.timeline.add('reminder_requested', {
        round: this.round,
        bodyKey: b.config.bodyKey,
        actorPersonId: cmd.actorPersonId,
        data: { at: iso(at) },
      });
    }
  }

  // ---- queries ----

  status(): RoundStatus {
    if (this.bodies.some((b) => b.status === 'opening')) return 'opening';
    if (this.failedBodies().length > 0) return 'rejected';
    if (this.bodies.every((b) => !isLive(b.status))) return 'approved';
    return 'voting';
  }

  view(): RoundView {
    return {
      round: this.round,
      proposal: { ...this.spec.proposal },
      openedAt: iso(this.openedAtMs),
      status: this.status(),
      bodies: this.bodies.map(bodyView),
    };
  }

  /** Failed binding bodies: advice (advies) is not binding, so a negative advice does not end the round. */
  failedBodies(): {
    bodyKey: string;
    decisionKind: DecisionKind;
    result: 'rejected' | 'no_quorum';
  }[] {
    return this.bodies.flatMap((b) =>
      (b.status === 'rejected' || b.status === 'no_quorum') &&
      b.roster &&
      b.roster.decisionKind !== 'advies'
        ? [{ bodyKey: b.config.bodyKey, decisionKind: b.roster.decisionKind, result: b.status }]
        : [],
    );
  }

  // ---- scheduling ----

  /** Open, and the domain says no remaining vote can change the outcome. */
  private decidableNow(b: BodyState): boolean {
    return b.status === 'open' && b.tally?.final === true && b.tally.outcome !== 'undecided';
  }

  /** Something changed that the round loop must look at (schedule or status). */
  private touch(): void {
    this.version += 1;
  }

  private async onDue(b: BodyState, now: number): Promise<void> {
    const roster = b.roster!;
    if (b.status === 'open' && now >= b.deadlineMs) {
      const decision = decideAtDeadline(b.tally!);
      if (decision !== 'no_quorum') {
        this.decide(b, decision, 'deadline', null);
        return;
      }
      // No quorum: escalate at the domain's escalation moment (next business morning), keep the body open.
      b.status = 'escalated';
      b.escalations += 1;
      b.escalatedAtMs = now;
      b.escalationDueMs = escalationTime(new Date(b.deadlineMs)).getTime();
      b.plannedReminders = [];
      b.requestedReminders = [];
      this.timeline.add('deadline_missed', {
        round: this.round,
        bodyKey: roster.key,
        data: { deadline: iso(b.deadlineMs), escalationAt: iso(b.escalationDueMs), tally: b.tally },
      });
      await this.audit({
        step: `deadline-missed-${roster.key}-${b.escalations}`,
        recipient: 'system',
        action: 'deadline_missed',
        bodyKey: roster.key,
        payload: { deadline: iso(b.deadlineMs), tally: b.tally },
      });
      return;
    }
    if (b.status === 'escalated' && b.escalationDueMs !== null && now >= b.escalationDueMs) {
      // Reported at the planned instant (the timer fires a few ms after it).
      const dueAt = b.escalationDueMs;
      b.escalationDueMs = null;
      b.escalationSentAtMs = dueAt;
      const recipients = this.escalationRecipients(b);
      await this.acts.sendEscalation({
        ...this.context(`escalation-${roster.key}-${b.escalations}`),
        body: this.bodyRef(b),
        deadline: iso(b.deadlineMs),
        tally: b.tally!,
        notVoted: this.nonVoters(b),
        recipients,
        at: iso(dueAt),
      });
      this.timeline.add('escalation_sent', {
        round: this.round,
        bodyKey: roster.key,
        data: { recipients: recipients.map((r) => r.personId) },
      });
      await this.audit({
        step: `escalation-${roster.key}-${b.escalations}`,
        recipient: 'system',
        action: 'escalation_sent',
        bodyKey: roster.key,
        payload: { recipients: recipients.map((r) => ({ personId: r.personId, role: r.role })) },
      });
      return;
    }
    if (b.status === 'open') {
      const planned = b.plannedReminders.filter((t) => t <= now);
      const requested = b.requestedReminders.filter((t) => t <= now);
      b.plannedReminders = b.plannedReminders.filter((t) => t > now);
      b.requestedReminders = b.requestedReminders.filter((t) => t > now);
      const recipients = this.nonVoters(b);
      const dueAt = Math.min(...planned, ...requested);
      if (!Number.isFinite(dueAt) || recipients.length === 0) return;
      b.remindersSent += 1;
      await this.acts.sendVoteReminders({
        ...this.context(`reminder-${roster.key}-${b.remindersSent}`),
        body: this.bodyRef(b),
        proposal: this.spec.proposal,
        deadline: iso(b.deadlineMs),
        taskRefKey: this.taskRefKey(b),
        recipients,
        at: iso(dueAt),
        requested: requested.length > 0,
      });
      this.timeline.add('reminder_sent', {
        round: this.round,
        bodyKey: roster.key,
        data: { recipients: recipients.length, requested: requested.length > 0 },
      });
    }
  }

  private decide(
    b: BodyState,
    result: BodyDecision,
    by: 'votes' | 'deadline' | 'secretariat',
    actorPersonId: string | null,
  ): void {
    b.status = result;
    b.decidedAtMs = nowMs();
    b.decidedBy = by;
    b.closedByPersonId = actorPersonId;
    this.touch();
    this.timeline.add('body_decided', {
      round: this.round,
      bodyKey: b.config.bodyKey,
      ...(actorPersonId ? { actorPersonId } : {}),
      data: { result, by, decisionKind: b.roster?.decisionKind, tally: b.tally },
    });
  }

  private cancel(b: BodyState): void {
    b.status = 'cancelled';
    b.decidedAtMs = nowMs();
    this.touch();
    this.timeline.add('body_cancelled', {
      round: this.round,
      bodyKey: b.config.bodyKey,
      data: { reason: 'round_rejected' },
    });
  }

  /** Side effects of a decided or cancelled body: audit, and open vote tasks withdrawn. */
  private async settle(b: BodyState): Promise<void> {
    const decided = isDecided(b.status);
    const mails = this.spec.resultMails === true && this.acts.sendRoundResult !== undefined;
    if (
      mails &&
      (decided || (b.status === 'cancelled' && b.roster && patched(CANCELLED_BODY_MAILS)))
    ) {
      this.results.run(() => this.sendResult(b));
    }
    await Promise.all([
      this.audit({
        step: `decision-${b.config.bodyKey}`,
        recipient: b.closedByPersonId ?? 'system',
        action: decided ? 'body_decided' : 'body_cancelled',
        actorPersonId: b.closedByPersonId,
        bodyKey: b.config.bodyKey,
        weight: b.tally?.votedWeight ?? null,
        value: b.status,
        payload: {
          by: b.decidedBy,
          decisionKind: b.roster?.decisionKind ?? null,
          tally: b.tally ?? null,
        },
      }),
      // Only the tasks of members who did not vote: a voter's task is completed by the vote itself.
      this.acts.updateTasks({
        workflowId: this.spec.workflowId,
        kind: 'vote',
        refKey: this.taskRefKey(b),
        personIds: this.nonVoters(b).map((p) => p.personId),
        status: 'cancelled',
        at: iso(b.decidedAtMs ?? nowMs()),
      }),
    ]);
  }

  /**
   * Every member of a decided body hears its outcome, and how they voted, at the next business
   * moment (never at night, in a weekend or on a holiday). The members of a body cancelled
   * because another body rejected the proposal (or closed without quorum) hear the same way
   * which body ended the round and that no vote of theirs is needed any more.
   */
  private async sendResult(b: BodyState): Promise<void> {
    const send = this.acts.sendRoundResult!;
    const roster = b.roster!;
    const cancelled = b.status === 'cancelled';
    const failed = cancelled ? this.failedBodies()[0] : undefined;
    const ender = failed ? this.body(failed.bodyKey) : null;
    const at = nextBusinessMoment(new Date(nowMs())).getTime();
    if (at > nowMs()) await sleep(at - nowMs());
    await send({
      ...this.context(`result-${roster.key}`),
      body: this.bodyRef(b),
      proposal: this.spec.proposal,
      taskRefKey: this.taskRefKey(b),
      result: cancelled ? 'cancelled' : (b.status as BodyDecision),
      decidedBy: (cancelled ? ender?.decidedBy : b.decidedBy) ?? 'votes',
      tally: b.tally ?? computeTally(roster, b.votes),
      ...(ender?.roster && failed
        ? { endedBy: { ...this.bodyRef(ender), result: failed.result } }
        : {}),
      recipients: roster.members.map((m) => ({
        personId: m.personId,
        name: m.name,
        vote: b.votes.get(m.personId)?.value ?? null,
      })),
      at: iso(at),
    });
    this.timeline.add(cancelled ? 'cancellation_sent' : 'result_sent', {
      round: this.round,
      bodyKey: roster.key,
      data: {
        ...(cancelled ? {} : { result: b.status }),
        recipients: roster.members.length,
      },
    });
  }

  // ---- helpers ----

  private remindersFor(b: BodyState, now: number): number[] {
    return reminderTimes(new Date(b.deadlineMs), b.config.reminderPolicy, new Date(now)).map((d) =>
      d.getTime(),
    );
  }

  private nonVoters(b: BodyState): PersonRef[] {
    return (b.roster?.members ?? [])
      .filter((m) => !b.votes.has(m.personId))
      .map((m) => ({ personId: m.personId, name: m.name }));
  }

  /** Only the chair and the secretariat (deduplicated), as the escalation policy says. */
  private escalationRecipients(b: BodyState): (PersonRef & { role: 'chair' | 'secretariat' })[] {
    const out: (PersonRef & { role: 'chair' | 'secretariat' })[] = [];
    const chair = b.roster?.chair;
    if (b.config.escalation.notifyChair && chair) out.push({ ...chair, role: 'chair' });
    if (b.config.escalation.notifySecretariat) {
      for (const p of this.snapshot?.secretariat ?? []) {
        if (!out.some((o) => o.personId === p.personId)) out.push({ ...p, role: 'secretariat' });
      }
    }
    return out;
  }

  private body(bodyKey: string): BodyState {
    const b = this.bodies.find((x) => x.config.bodyKey === bodyKey);
    if (!b)
      throw ApplicationFailure.nonRetryable(
        `Body '${bodyKey}' does not vote in this round`,
        'NOT_FOUND',
      );
    return b;
  }

  private bodyRef(b: BodyState): BodyRef {
    const roster = b.roster!;
    return { key: roster.key, name: roster.name, decisionKind: roster.decisionKind };
  }

  private taskRefKey(b: BodyState): string {
    return `round:${this.round}:body:${b.config.bodyKey}`;
  }

  private context(step: string): {
    organisationId: string;
    workflowId: string;
    round: number;
    subject: string;
    idempotencyKeyPrefix: string;
  } {
    return {
      organisationId: this.spec.organisationId,
      workflowId: this.spec.workflowId,
      round: this.round,
      subject: this.spec.subject,
      idempotencyKeyPrefix: sideEffectKeyPrefix(this.spec.workflowId, this.round, step),
    };
  }

  private audit(e: {
    step: string;
    recipient: string;
    action: string;
    actorPersonId?: string | null;
    bodyKey?: string | null;
    weight?: number | null;
    value?: string | null;
    comment?: string | null;
    payload: Record<string, unknown>;
  }): Promise<void> {
    const event: AuditEventInput = {
      idempotencyKey: sideEffectKey(
        sideEffectKeyPrefix(this.spec.workflowId, this.round, `audit-${e.step}`),
        e.recipient,
      ),
      organisationId: this.spec.organisationId,
      workflowId: this.spec.workflowId,
      round: this.round,
      actorPersonId: e.actorPersonId ?? null,
      action: e.action,
      bodyKey: e.bodyKey ?? null,
      weight: e.weight ?? null,
      value: e.value ?? null,
      comment: e.comment ?? null,
      occurredAt: iso(nowMs()),
      payload: e.payload,
    };
    return this.acts.recordAuditEvent(event);
  }
}
