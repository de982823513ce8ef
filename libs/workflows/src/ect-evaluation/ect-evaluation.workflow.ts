/**
 * ectEvaluationWorkflow — the autumn evaluation of one SWV's schools by their ECT members
 * (docs/domain.md §2 "Evaluation", docs/domain.md, source 001 §7.4). Workflow id
 * `ect-evaluation:<organisationId>:<year>`.
 *
 * What it guarantees:
 * - Every school in the cycle gets one task for its ECT member, with an invitation sent at the
 *   next business moment (never at night, in a weekend or on a public holiday).
 * - Reminders go at the domain's reminder times, only to ECT members whose school has not
 *   submitted. The ECT member is SWV staff, so the office calendar applies, not the school's
 *   holidays (see ect-evaluation.config.ts).
 * - A school not submitted at the deadline is late; at the domain's escalation time (the next
 *   business day, 09:00) the secretariat gets one mail listing the late schools. Late
 *   submissions are still taken.
 * - One evaluation per school: the ECT member of that school submits once; the form is stored
 *   by an idempotent activity before the Update answers. The secretariat may close the cycle,
 *   which withdraws the tasks of schools that did not submit.
 * - Workflow data holds ids only; the texts travel once, in the encrypted Update payload.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { escalationTime, nextBusinessMoment, reminderTimes } from '@jaarcyclus/domain';
import { isNonEmptyString } from '../decision-round/decision-round.logic';
import { stepKey } from '../ids';
import { type Refusal, refusalOf, refuseIf } from '../refusal';
import { StatePublisher } from '../state-publisher';
import { resolveEctEvaluationConfig } from './ect-evaluation.config';
import {
  closeEctEvaluationUpdate,
  getEctEvaluationStatusQuery,
  submitEctEvaluationUpdate,
} from './ect-evaluation.messages';
import {
  ECT_TEXT_MAX,
  type EctEvaluationActivities,
  type EctEvaluationConfig,
  type EctEvaluationInput,
  type EctEvaluationPhase,
  type EctEvaluationStatus,
  type EctSchoolView,
  type SubmitEctEvaluationInput,
  ectTaskRef,
} from './ect-evaluation.types';

const RETRY = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '10 minutes',
} as const;

const iso = (ms: number): string => new Date(ms).toISOString();

export async function ectEvaluationWorkflow(
  input: EctEvaluationInput,
): Promise<EctEvaluationStatus> {
  const workflowId = workflowInfo().workflowId;
  const resolved = resolveEctEvaluationConfig(input, Date.now());
  if ('reason' in resolved) {
    throw ApplicationFailure.create({
      type: resolved.code,
      message: resolved.message,
      nonRetryable: true,
      details: [{ reason: resolved.reason, ...(resolved.field ? { field: resolved.field } : {}) }],
    });
  }
  const cfg: EctEvaluationConfig = resolved;
  const acts = proxyActivities<Omit<EctEvaluationActivities, 'publishEctEvaluationState'>>({
    startToCloseTimeout: '2 minutes',
    retry: RETRY,
  });
  const readModel = proxyLocalActivities<
    Pick<EctEvaluationActivities, 'publishEctEvaluationState'>
  >({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });
  const publisher = new StatePublisher<EctEvaluationStatus, never>(
    () => statusNow(),
    (seq, status) =>
      readModel.publishEctEvaluationState({
        organisationId: cfg.organisationId,
        workflowId,
        year: cfg.year,
        title: cfg.title,
        status: status.phase,
        createdByPersonId: cfg.startedByPersonId,
        seq,
        state: status,
        writes: [],
      }),
    true,
  );

  const schools = new Map<string, EctSchoolView>(
    cfg.schools.map((s) => [
      s.schoolId,
      { ...s, status: 'open', submittedAt: null, remindersSent: 0 } satisfies EctSchoolView,
    ]),
  );
  const state: {
    phase: EctEvaluationPhase;
    invitedAtMs: number | null;
    nextReminderMs: number | null;
    escalatedAtMs: number | null;
    closedByPersonId: string | null;
  } = {
    phase: 'inviting',
    invitedAtMs: null,
    nextReminderMs: null,
    escalatedAtMs: null,
    closedByPersonId: null,
  };
  const outstanding = (): EctSchoolView[] =>
    [...schools.values()].filter((s) => s.status === 'open' || s.status === 'late');
  const done = (): boolean => outstanding().length === 0;

  const statusNow = (): EctEvaluationStatus => ({
    workflowId,
    organisationId: cfg.organisationId,
    year: cfg.year,
    title: cfg.title,
    phase: state.phase,
    deadline: cfg.deadline,
    invitedAt: state.invitedAtMs === null ? null : iso(state.invitedAtMs),
    nextReminderAt: state.nextReminderMs === null ? null : iso(state.nextReminderMs),
    escalatedAt: state.escalatedAtMs === null ? null : iso(state.escalatedAtMs),
    closedByPersonId: state.closedByPersonId,
    schools: [...schools.values()].map((s) => ({ ...s })),
  });
  setHandler(getEctEvaluationStatusQuery, statusNow);

  const textRefusal = (value: unknown, field: 'findings' | 'agreements'): Refusal | null => {
    if (!isNonEmptyString(value))
      return refusalOf('VALIDATION', 'INVALID_INPUT', field, 'cycles.evaluationTextRequired', {
        field,
      });
    if (value.length > ECT_TEXT_MAX)
      return refusalOf('VALIDATION', 'INVALID_INPUT', field, 'cycles.evaluationTextTooLong', {
        field,
        max: ECT_TEXT_MAX,
      });
    return null;
  };
  const submitRefusal = (cmd: SubmitEctEvaluationInput): Refusal | null => {
    if (cmd === null || typeof cmd !== 'object')
      return { code: 'VALIDATION', reason: 'INVALID_INPUT', message: 'Input is required' };
    const school = schools.get(cmd.schoolId);
    // Another person's school answers as if it did not exist.
    if (!school || school.ectPersonId !== cmd.personId)
      return refusalOf('NOT_FOUND', 'NOT_YOUR_SCHOOL', undefined, 'cycles.notYourSchool');
    if (school.status === 'submitted' || school.status === 'closed')
      return refusalOf('CONFLICT', 'EVALUATION_CLOSED', undefined, 'cycles.evaluationClosed');
    return textRefusal(cmd.findings, 'findings') ?? textRefusal(cmd.agreements, 'agreements');
  };
  setHandler(
    submitEctEvaluationUpdate,
    async (cmd) => {
      refuseIf(submitRefusal(cmd));
      const school = schools.get(cmd.schoolId)!;
      const now = Date.now();
      // Claimed before the store, so a second submit in the same activation is refused.
      school.status = 'submitted';
      school.submittedAt = iso(now);
      await acts.storeEctEvaluation({
        organisationId: cfg.organisationId,
        workflowId,
        year: cfg.year,
        personId: cmd.personId,
        schoolId: cmd.schoolId,
        findings: cmd.findings.trim(),
        agreements: cmd.agreements.trim(),
        at: iso(now),
        taskRefKey: ectTaskRef(cfg.year, cmd.schoolId),
      });
      publisher.changed();
      await publisher.flushed();
      return { schoolId: cmd.schoolId, submittedAt: iso(now) };
    },
    { validator: (cmd) => refuseIf(submitRefusal(cmd)) },
  );

  const closeRefusal = (cmd: { actorPersonId?: unknown } | null): Refusal | null => {
    if (cmd === null || typeof cmd !== 'object' || !isNonEmptyString(cmd.actorPersonId))
      return {
        code: 'VALIDATION',
        reason: 'INVALID_INPUT',
        message: 'actorPersonId is required',
        field: 'actorPersonId',
      };
    if (done())
      return refusalOf('CONFLICT', 'EVALUATION_CLOSED', undefined, 'cycles.evaluationClosed');
    return null;
  };
  setHandler(
    closeEctEvaluationUpdate,
    async (cmd) => {
      refuseIf(closeRefusal(cmd));
      const closing = outstanding();
      for (const s of closing) s.status = 'closed';
      state.closedByPersonId = cmd.actorPersonId;
      await acts.cancelEctTasks({
        workflowId,
        year: cfg.year,
        schoolIds: closing.map((s) => s.schoolId),
        at: iso(Date.now()),
      });
      publisher.changed();
      await publisher.flushed();
      return statusNow();
    },
    { validator: (cmd) => refuseIf(closeRefusal(cmd)) },
  );

  const pairs = (list: EctSchoolView[]) =>
    list.map((s) => ({ schoolId: s.schoolId, ectPersonId: s.ectPersonId }));
  const waitUntil = (ms: number): Promise<boolean> =>
    ms > Date.now() ? condition(done, ms - Date.now()) : Promise.resolve(done());

  publisher.changed();
  // The invitation at a decent hour: the next business moment (now, in office hours).
  if (!(await waitUntil(nextBusinessMoment(new Date(Date.now())).getTime()))) {
    await acts.openEctEvaluations({
      organisationId: cfg.organisationId,
      workflowId,
      year: cfg.year,
      idempotencyKeyPrefix: stepKey(workflowId, 'invitation'),
      deadline: cfg.deadline,
      schools: pairs(outstanding()),
    });
    state.invitedAtMs = Date.now();
  }
  state.phase = 'open';
  publisher.changed();

  const deadlineMs = Date.parse(cfg.deadline);
  const reminders = reminderTimes(new Date(deadlineMs), cfg.reminderPolicy, new Date(Date.now()));
  for (const [i, at] of reminders.entries()) {
    state.nextReminderMs = at.getTime();
    publisher.changed();
    if (await waitUntil(at.getTime())) break;
    const rest = outstanding();
    await acts.sendEctReminders({
      organisationId: cfg.organisationId,
      workflowId,
      year: cfg.year,
      idempotencyKeyPrefix: stepKey(workflowId, `reminder-${i + 1}`),
      deadline: cfg.deadline,
      schools: pairs(rest),
    });
    for (const s of rest) s.remindersSent += 1;
  }
  state.nextReminderMs = null;
  publisher.changed();

  if (!(await waitUntil(deadlineMs))) {
    for (const s of outstanding()) s.status = 'late';
    state.phase = 'overdue';
    publisher.changed();
    if (!(await waitUntil(escalationTime(new Date(deadlineMs)).getTime()))) {
      await acts.escalateEctOverdue({
        organisationId: cfg.organisationId,
        workflowId,
        year: cfg.year,
        idempotencyKeyPrefix: stepKey(workflowId, 'overdue'),
        deadline: cfg.deadline,
        schoolIds: outstanding().map((s) => s.schoolId),
      });
      state.escalatedAtMs = Date.now();
      publisher.changed();
    }
  }
  await condition(done);
  await condition(allHandlersFinished);
  state.phase = 'completed';
  publisher.changed();
  await publisher.flushed();
  return statusNow();
}
