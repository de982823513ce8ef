/**
 * The pieces a cycle workflow (budget, support plan) wraps around its decision rounds: the
 * round's message handlers, Updates that answer once their effect is in the read model, the
 * audit row of a cycle step, the revision check and the approvals a director is asked to adopt.
 * Pure helpers and handler registration only: they issue no commands of their own, so a workflow
 * that uses them records the same history as before.
 */
import { setHandler } from '@temporalio/workflow';
import {
  castVoteUpdate,
  closeRoundUpdate,
  extendDeadlineUpdate,
  remindNowSignal,
} from '../budget/budget-cycle.messages';
import type { SubmitRevisionInput } from '../budget/budget-cycle.types';
import { sideEffectKey, sideEffectKeyPrefix } from '../ids';
import { type Refusal, refusalOf } from '../refusal';
import type { StatePublisher } from '../state-publisher';
import type { DecisionRound } from './decision-round';
import type { AuditEventInput, BodyRef } from './decision-round.activities';
import { checkSchedulable, parseInstant, validateProposal } from './decision-round.logic';
import type { ReminderPolicy } from '@jaarcyclus/domain';

const iso = (ms: number): string => new Date(ms).toISOString();

export type UpdateHandler<A, R> = (arg: A) => R | Promise<R>;

/**
 * Wraps Update handlers so that each answers only once its effect is in the read model, so the
 * person who acted sees it on the next read. Runs recorded without the read model (`enabled`
 * false) keep the plain handler: an extra await would move the Update's completion after
 * commands issued in the same activation.
 */
export const publishedUpdates =
  <S, W>(publisher: StatePublisher<S, W>, enabled: boolean) =>
  <A, R>(handler: UpdateHandler<A, R>): UpdateHandler<A, R> =>
    enabled
      ? async (arg: A): Promise<R> => {
          const before = publisher.version;
          const result = await handler(arg);
          // Most commands changed something already (timeline, queued writes); the rest count now.
          if (publisher.version === before) publisher.changed();
          await publisher.flushed();
          return result;
        }
      : handler;

/** The decision round's messages (vote, extend, close, remind), always for the current round. */
export function setDecisionRoundHandlers(
  current: () => DecisionRound,
  published: <A, R>(handler: UpdateHandler<A, R>) => UpdateHandler<A, R>,
): void {
  setHandler(
    castVoteUpdate,
    published((cmd) => current().castVote(cmd)),
    { validator: (cmd) => current().validateVote(cmd) },
  );
  setHandler(
    extendDeadlineUpdate,
    published((cmd) => current().extendDeadline(cmd)),
    { validator: (cmd) => current().validateExtendDeadline(cmd) },
  );
  setHandler(
    closeRoundUpdate,
    published((cmd) => current().closeRound(cmd)),
    { validator: (cmd) => current().validateClose(cmd) },
  );
  setHandler(remindNowSignal, (cmd) => current().requestReminder(cmd));
}

/** The audit row of one cycle step (not a vote): idempotent per workflow, round, step and recipient. */
export function cycleAuditEvent(e: {
  workflowId: string;
  organisationId: string;
  round: number;
  step: string;
  recipient: string;
  action: string;
  actorPersonId: string | null;
  payload: Record<string, unknown>;
  value: string | null;
}): AuditEventInput {
  return {
    idempotencyKey: sideEffectKey(
      sideEffectKeyPrefix(e.workflowId, e.round, `audit-${e.step}`),
      e.recipient,
    ),
    organisationId: e.organisationId,
    workflowId: e.workflowId,
    round: e.round,
    actorPersonId: e.actorPersonId,
    action: e.action,
    bodyKey: null,
    weight: null,
    value: e.value,
    comment: null,
    occurredAt: iso(Date.now()),
    payload: e.payload,
  };
}

/**
 * A revision's proposal and deadline: the given deadline must be a later instant, else the
 * cycle's vote deadline must still be ahead; the round must be schedulable.
 */
export function revisionDeadline(
  cmd: SubmitRevisionInput,
  voteDeadline: string,
  reminderPolicy: ReminderPolicy,
): Refusal | { deadlineMs: number } {
  const proposalRefusal = validateProposal(cmd.proposal);
  if (proposalRefusal) return proposalRefusal;
  const now = Date.now();
  let deadlineMs: number;
  if (cmd.deadline !== undefined) {
    const parsed = parseInstant(cmd.deadline);
    if (parsed === null) {
      return refusalOf('VALIDATION', 'INVALID_DEADLINE', 'deadline', 'validation.notInstant', {
        field: 'deadline',
      });
    }
    if (parsed <= now)
      return refusalOf('VALIDATION', 'DEADLINE_NOT_LATER', 'deadline', 'refusal.deadlinePast');
    deadlineMs = parsed;
  } else {
    deadlineMs = Date.parse(voteDeadline);
    if (deadlineMs <= now) {
      return refusalOf(
        'VALIDATION',
        'DEADLINE_REQUIRED',
        'deadline',
        'refusal.cycleDeadlinePassed',
        {
          deadline: voteDeadline,
        },
      );
    }
  }
  return checkSchedulable(deadlineMs, reminderPolicy, now) ?? { deadlineMs };
}

/** Each body's decision in a round, as the director sees it when asked to adopt. */
export function approvalsOf(round: DecisionRound): (BodyRef & { result: string })[] {
  return round.view().bodies.map((b) => ({
    key: b.bodyKey,
    name: b.name,
    decisionKind: b.decisionKind ?? 'goedkeuring',
    result: b.status,
  }));
}
