import { createTimeSkippingEnv, workflowBundle } from '@jaarcyclus/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  DEFAULT_REMINDER_POLICY,
  amsterdamInstant,
  escalationTime,
  nextBusinessMoment,
  reminderTimes,
} from '@jaarcyclus/domain';
import { closeRoundUpdate, extendDeadlineUpdate, remindNowSignal } from './budget-cycle.messages';
import { BudgetHarness, TIME, refusalOf } from '../../testing/budget-harness';
import type { RecordedMail } from '../../testing/in-memory-budget-activities';

jest.setTimeout(60_000);

/** Amsterdam wall clock of an instant, read with Intl (independently of the domain's own time-zone code). */
function amsterdamClock(iso: string): { weekday: string; hour: number; monthDay: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    hour: '2-digit',
    hourCycle: 'h23',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday'),
    hour: Number(get('hour')),
    monthDay: `${get('month')}-${get('day')}`,
  };
}

/** "A reminder sent at 03:00 or on Christmas Day is a bug" (docs/domain.md). */
function expectOfficeHours(mails: RecordedMail[]): void {
  expect(mails.length).toBeGreaterThan(0);
  for (const m of mails) {
    const c = amsterdamClock(m.at!);
    expect({ at: m.at, weekday: ['Sat', 'Sun'].includes(c.weekday) }).toEqual({
      at: m.at,
      weekday: false,
    });
    expect({ at: m.at, nightOrEvening: c.hour < 8 || c.hour >= 18 }).toEqual({
      at: m.at,
      nightOrEvening: false,
    });
    expect({ at: m.at, holiday: ['12-25', '12-26', '01-01'].includes(c.monthDay) }).toEqual({
      at: m.at,
      holiday: false,
    });
  }
}

const distinct = (xs: (string | null)[]): string[] =>
  [...new Set(xs.filter((x): x is string => x !== null))].sort();

describe('budget cycle: reminders, deadlines and escalation (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let h: BudgetHarness;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await new BudgetHarness(env, workflowBundle()).start();
  });
  afterEach(() => h.terminateAll());
  afterAll(async () => {
    await h?.stop();
    await env?.teardown();
  });

  it('reminds only members who have not voted, on business days in office hours, around Christmas too', async () => {
    const world = h.world();
    const now = await h.now();
    // A deadline just after Christmas: reminders 1, 2, 3 and 7 business days before it must skip the holidays and the weekend.
    const year =
      new Date(now).getUTCMonth() === 11
        ? new Date(now).getUTCFullYear() + 1
        : new Date(now).getUTCFullYear();
    const deadline = amsterdamInstant(`${year}-12-29`, 17);
    const offsets = [7, 3, 2, 1];
    const handle = await h.startCycle(world, {
      budgetYear: year + 1,
      voteDeadline: deadline.toISOString(),
      lettersDate: amsterdamInstant(`${year + 1}-01-08`, 9).toISOString(),
      reminderOffsetsBusinessDays: offsets,
    });
    const expected = reminderTimes(
      deadline,
      { offsetsBusinessDays: offsets, sendHour: DEFAULT_REMINDER_POLICY.sendHour },
      new Date(await h.now()),
    ).map((d) => d.toISOString());
    expect(expected).toHaveLength(4);
    expect((await h.status(handle)).bodies.map((b) => b.nextReminderAt)).toEqual([
      expected[0],
      expected[0],
      expected[0],
    ]);

    // Some members vote before the first reminder.
    await h.votes(handle, 'alv', { 'p-alv-b': 'for' });
    await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
    await h.vote(handle, 'p-opr-1', 'opr', 'for');
    await h.advanceTo(Date.parse(expected[0]!) + 30 * 60_000);
    await h.waitFor(handle, (s) => s.bodies.every((b) => b.remindersSent === 1), 'first reminder');
    const first = h.fake.mailsOf('reminder', handle.workflowId);
    expect(first.map((m) => m.to).sort()).toEqual([
      'p-alv-a',
      'p-alv-c',
      'p-alv-d',
      'p-opr-2',
      'p-opr-3',
      'p-opr-4',
      'p-rvt-2',
      'p-rvt-3',
    ]);

    // One more member votes; the later reminders skip them.
    await h.vote(handle, 'p-alv-c', 'alv', 'for');
    await h.advanceTo(Date.parse(expected[3]!) + 30 * 60_000);
    await h.waitFor(handle, (s) => s.bodies.every((b) => b.remindersSent === 4), 'all reminders');
    const all = h.fake.mailsOf('reminder', handle.workflowId);
    const earlyVoters = ['p-alv-b', 'p-rvt-1', 'p-opr-1'];
    expect(all.filter((m) => earlyVoters.includes(m.to)).map((m) => [m.to, m.at])).toEqual([]);
    expect(all.filter((m) => m.to === 'p-alv-c').map((m) => m.at)).toEqual([expected[0]]);
    expect(all.filter((m) => m.to === 'p-alv-d').map((m) => m.at)).toEqual(expected);
    // Sent exactly at the domain's reminder times, and those are office hours on business days.
    expect(distinct(all.map((m) => m.at))).toEqual(expected);
    expectOfficeHours(all);
    expect(h.fake.duplicateMailKeys).toEqual([]);
  });

  it('reminds on request, at the next business moment when asked at night in a weekend', async () => {
    const world = h.world();
    const handle = await h.startCycle(world, { reminderOffsetsBusinessDays: [] });
    await h.vote(handle, 'p-rvt-1', 'rvt', 'for');
    // Saturday 03:00 in Amsterdam.
    let t = await h.officeMorning(1);
    while (new Date(t).getUTCDay() !== 6) t += TIME.DAY;
    const saturdayNight = h.amsterdam(t, 0, 3);
    await h.advanceTo(saturdayNight);
    await handle.signal(remindNowSignal, { actorPersonId: 'p-secr', bodyKey: 'rvt' });
    const due = nextBusinessMoment(new Date(saturdayNight)).toISOString();
    await h.waitFor(
      handle,
      (s) => h.body(s, 'rvt').nextReminderAt === due,
      'requested reminder planned',
    );
    expect(h.fake.mailsOf('reminder', handle.workflowId)).toEqual([]);

    await h.advanceTo(Date.parse(due) + TIME.HOUR);
    await h.waitFor(handle, (s) => h.body(s, 'rvt').remindersSent === 1, 'requested reminder sent');
    const sent = h.fake.mailsOf('reminder', handle.workflowId);
    expect(sent.map((m) => [m.to, m.at, m.data?.requested])).toEqual([
      ['p-rvt-2', due, true],
      ['p-rvt-3', due, true],
    ]);
    expectOfficeHours(sent);
    expect(amsterdamClock(due).hour).toBe(8);
  });

  it('escalates a missed quorum to the chair and the secretariat only, refuses late votes, and lets the secretariat close', async () => {
    const world = h.world();
    const morning = await h.officeMorning(1);
    await h.advanceTo(morning);
    const deadline = h.amsterdam(morning, 7, 17);
    const handle = await h.startCycle(world, { voteDeadline: new Date(deadline).toISOString() });
    await h.vote(handle, 'p-alv-b', 'alv', 'for');
    await h.votes(handle, 'rvt', { 'p-rvt-1': 'for', 'p-rvt-2': 'for' });
    await h.votes(handle, 'opr', { 'p-opr-1': 'for', 'p-opr-2': 'for', 'p-opr-3': 'for' });
    await expect(
      refusalOf(
        handle.executeUpdate(closeRoundUpdate, {
          args: [{ actorPersonId: 'p-secr', bodyKey: 'alv' }],
        }),
      ),
    ).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_ESCALATED',
    });

    await h.advanceTo(deadline + TIME.HOUR);
    const missed = await h.waitFor(
      handle,
      (s) => h.body(s, 'alv').status === 'escalated',
      'ALV escalated',
    );
    expect(h.body(missed, 'alv').quorumReached).toBe(false);
    expect(missed.phase).toBe('voting');
    // No escalation mail in the evening: it goes out at the domain's escalation time.
    expect(h.fake.mailsOf('escalation', handle.workflowId)).toEqual([]);
    await expect(refusalOf(h.vote(handle, 'p-alv-a', 'alv', 'for'))).resolves.toMatchObject({
      code: 'CONFLICT',
      reason: 'DEADLINE_PASSED',
    });

    const escalateAt = escalationTime(new Date(deadline)).toISOString();
    await h.advanceTo(Date.parse(escalateAt) + TIME.HOUR);
    await h.waitFor(handle, (s) => h.body(s, 'alv').escalationSentAt !== null, 'escalation mail');
    const escalations = h.fake.mailsOf('escalation', handle.workflowId);
    expect(escalations.map((m) => [m.to, m.data?.role, m.at]).sort()).toEqual([
      ['p-alv-chair', 'chair', escalateAt],
      ['p-secr', 'secretariat', escalateAt],
    ]);
    expect(escalations[0]?.data?.notVoted).toEqual(['p-alv-a', 'p-alv-c', 'p-alv-d']);
    expectOfficeHours(escalations);

    const closed = await handle.executeUpdate(closeRoundUpdate, {
      args: [{ actorPersonId: 'p-secr' }],
    });
    expect(closed).toEqual({ round: 1, bodies: [{ bodyKey: 'alv', result: 'no_quorum' }] });
    const s = await h.waitFor(
      handle,
      (x) => x.phase === 'rejected_awaiting_revision',
      'round rejected',
    );
    expect(h.body(s, 'alv')).toMatchObject({
      status: 'no_quorum',
      decidedBy: 'secretariat',
      closedByPersonId: 'p-secr',
    });
    // A missing quorum is not withheld consent: no step towards a dispute.
    expect(s.consentWithheldRounds).toEqual([]);
    const audit = h.fake.audit
      .filter((a) => a.workflowId === handle.workflowId && a.bodyKey === 'alv')
      .map((a) => [a.action, a.actorPersonId, a.value]);
    expect(audit).toEqual(
      expect.arrayContaining([
        ['deadline_missed', null, null],
        ['escalation_sent', null, null],
        ['body_decided', 'p-secr', 'no_quorum'],
      ]),
    );
  });

  it('extends a deadline: reminders are re-armed for the new deadline and an escalated body votes again', async () => {
    const world = h.world();
    const morning = await h.officeMorning(1);
    await h.advanceTo(morning);
    const oldDeadline = h.amsterdam(morning, 21, 17);
    const handle = await h.startCycle(world, { voteDeadline: new Date(oldDeadline).toISOString() });
    const oldReminders = reminderTimes(
      new Date(oldDeadline),
      DEFAULT_REMINDER_POLICY,
      new Date(await h.now()),
    ).map((d) => d.toISOString());

    const bad = (deadline: string, bodyKey?: string): Promise<unknown> =>
      handle.executeUpdate(extendDeadlineUpdate, {
        args: [{ actorPersonId: 'p-secr', deadline, ...(bodyKey ? { bodyKey } : {}) }],
      });
    await expect(
      refusalOf(bad(new Date(oldDeadline - TIME.DAY).toISOString())),
    ).resolves.toMatchObject({ code: 'VALIDATION', reason: 'DEADLINE_NOT_LATER' });
    await expect(
      refusalOf(bad(new Date(morning - TIME.HOUR).toISOString())),
    ).resolves.toMatchObject({ code: 'VALIDATION', reason: 'DEADLINE_NOT_LATER' });
    await expect(refusalOf(bad('volgende week'))).resolves.toMatchObject({
      code: 'VALIDATION',
      reason: 'INVALID_DEADLINE',
    });
    await expect(
      refusalOf(bad(new Date(oldDeadline + TIME.DAY).toISOString(), 'mr')),
    ).resolves.toMatchObject({ code: 'NOT_FOUND', reason: 'UNKNOWN_BODY' });

    const newDeadline = oldDeadline + 14 * TIME.DAY;
    const extended = await handle.executeUpdate(extendDeadlineUpdate, {
      args: [{ actorPersonId: 'p-secr', deadline: new Date(newDeadline).toISOString() }],
    });
    const newReminders = reminderTimes(
      new Date(newDeadline),
      DEFAULT_REMINDER_POLICY,
      new Date(await h.now()),
    ).map((d) => d.toISOString());
    expect(extended.bodies.map((b) => [b.bodyKey, b.deadline, b.nextReminderAt])).toEqual(
      ['alv', 'rvt', 'opr'].map((k) => [k, new Date(newDeadline).toISOString(), newReminders[0]]),
    );
    await h.settled();
    expect(
      h.fake.tasks
        .filter((t) => t.workflowId === handle.workflowId)
        .every((t) => t.dueAt === new Date(newDeadline).toISOString()),
    ).toBe(true);

    // Past the old deadline: nothing reminded at the old times, nobody escalated.
    await h.advanceTo(oldDeadline + 2 * TIME.HOUR);
    const mid = await h.status(handle);
    expect(mid.bodies.map((b) => b.status)).toEqual(['open', 'open', 'open']);
    const early = h.fake.mailsOf('reminder', handle.workflowId);
    expect(early.filter((m) => oldReminders.includes(m.at!))).toEqual([]);
    // Past the new reminders: sent at the new times.
    await h.advanceTo(Date.parse(newReminders[newReminders.length - 1]!) + TIME.HOUR);
    await h.waitFor(
      handle,
      (s) => s.bodies.every((b) => b.remindersSent === newReminders.length),
      're-armed reminders',
    );
    expect(distinct(h.fake.mailsOf('reminder', handle.workflowId).map((m) => m.at))).toEqual(
      newReminders,
    );

    // Only the ALV misses the new deadline; an extension re-opens it and votes count again.
    await h.votes(handle, 'rvt', { 'p-rvt-1': 'for', 'p-rvt-2': 'for' });
    await h.votes(handle, 'opr', { 'p-opr-1': 'for', 'p-opr-2': 'for', 'p-opr-3': 'for' });
    await h.advanceTo(newDeadline + TIME.HOUR);
    await h.waitFor(handle, (s) => h.body(s, 'alv').status === 'escalated', 'ALV escalated');
    const reopened = h.amsterdam(newDeadline, 7, 17);
    await handle.executeUpdate(extendDeadlineUpdate, {
      args: [
        { actorPersonId: 'p-secr', bodyKey: 'alv', deadline: new Date(reopened).toISOString() },
      ],
    });
    expect(h.body(await h.status(handle), 'alv').status).toBe('open');
    await h.votes(handle, 'alv', { 'p-alv-b': 'for', 'p-alv-a': 'for' });
    const s = await h.waitFor(
      handle,
      (x) => x.phase === 'awaiting_adoption',
      'approval after the extension',
    );
    expect(h.body(s, 'alv').status).toBe('approved');
    // The escalation planned for the missed deadline was not sent: the body was extended first.
    expect(h.fake.mailsOf('escalation', handle.workflowId)).toEqual([]);
    const extensions = h.fake.audit.filter(
      (a) => a.workflowId === handle.workflowId && a.action === 'deadline_extended',
    );
    expect(extensions.map((a) => [a.bodyKey, a.actorPersonId, a.value]).sort()).toEqual([
      ['alv', 'p-secr', new Date(newDeadline).toISOString()],
      ['alv', 'p-secr', new Date(reopened).toISOString()],
      ['opr', 'p-secr', new Date(newDeadline).toISOString()],
      ['rvt', 'p-secr', new Date(newDeadline).toISOString()],
    ]);
  });
});
