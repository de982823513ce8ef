import {
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  addDays,
  amsterdamInstant,
  amsterdamParts,
  isBusinessDay,
} from '@jaarcyclus/domain';
import {
  type SchoolCommandState,
  type SchoolTimingState,
  type TimedAction,
  cycleReminders,
  extendRefusal,
  nextTimedAction,
  resolveAccountabilityCycleInput,
  reviewRefusal,
  schoolSchedulePreview,
  submitRefusal,
  validateAccountabilityCycleInput,
  waiveRefusal,
} from './accountability.logic';
import type { AccountabilityCycleInput } from './accountability.types';

const NOW = amsterdamInstant('2026-12-01', 10).getTime();
const input = (change: Partial<AccountabilityCycleInput> = {}): AccountabilityCycleInput => ({
  organisationId: 'org',
  accountingYear: 2026,
  schoolIds: ['a', 'b'],
  startedByPersonId: 'p-secr',
  ...change,
});

describe('resolveAccountabilityCycleInput', () => {
  it('fills in the defaults: end of 1 February, [14, 7, 1] business days, 100 × 5 children per run', () => {
    expect(resolveAccountabilityCycleInput(input(), NOW)).toEqual({
      organisationId: 'org',
      accountingYear: 2026,
      schoolIds: ['a', 'b'],
      deadline: '2027-02-01T22:59:59.999Z',
      reminderPolicy: { offsetsBusinessDays: [14, 7, 1], sendHour: 9 },
      maxOverdueReminders: 12,
      formatVersion: null,
      startedByPersonId: 'p-secr',
      title: 'Verantwoording 2026',
      batchSize: 100,
      batchesPerRun: 5,
      lingerAfterFinalDays: 30,
    });
  });

  it('keeps batches within 1,000 children per run when only the batch size is given', () => {
    expect(
      resolveAccountabilityCycleInput(input({ fanOut: { batchSize: 200 } }), NOW),
    ).toMatchObject({
      batchSize: 200,
      batchesPerRun: 5,
    });
    expect(resolveAccountabilityCycleInput(input({ fanOut: { batchSize: 1 } }), NOW)).toMatchObject(
      {
        batchesPerRun: 5,
      },
    );
  });

  it('keeps a reminder minute (bench:reminders) in the policy the schools get; refuses minute 60', () => {
    const policy = { offsetsBusinessDays: [1], sendHour: 13, sendMinute: 37 };
    const cfg = resolveAccountabilityCycleInput(
      input({ deadline: '2026-12-02T22:59:00Z', reminderPolicy: policy }),
      NOW,
    );
    expect(cfg).toMatchObject({ reminderPolicy: policy });
    expect(
      resolveAccountabilityCycleInput(
        input({ reminderPolicy: { ...policy, sendMinute: 60 } }),
        NOW,
      ),
    ).toMatchObject({ code: 'VALIDATION', field: 'reminderPolicy.sendMinute' });
  });

  it('a continued run accepts a deadline that has passed meanwhile', () => {
    const carried = input({
      deadline: '2026-11-01T12:00:00Z',
      carry: { cursor: 500, started: 500, alreadyStarted: 0, run: 2, formatVersion: 3 },
    });
    expect(resolveAccountabilityCycleInput(carried, NOW)).toMatchObject({ formatVersion: 3 });
  });

  it.each<[string, Partial<AccountabilityCycleInput>, string, string]>([
    ['no organisation', { organisationId: '' }, 'organisationId', 'INVALID_INPUT'],
    ['a year out of range', { accountingYear: 1999 }, 'accountingYear', 'INVALID_INPUT'],
    ['duplicate schools', { schoolIds: ['a', 'a'] }, 'schoolIds[1]', 'INVALID_INPUT'],
    ['an empty school id', { schoolIds: ['a', ''] }, 'schoolIds[1]', 'INVALID_INPUT'],
    ['a deadline without offset', { deadline: '2027-02-01T23:59' }, 'deadline', 'INVALID_DEADLINE'],
    [
      'a deadline in the past',
      { deadline: '2026-11-30T12:00:00Z' },
      'deadline',
      'DEADLINE_IN_PAST',
    ],
    [
      'reminders at 07:00',
      { reminderPolicy: { offsetsBusinessDays: [5], sendHour: 7 } },
      'reminderPolicy.sendHour',
      'INVALID_INPUT',
    ],
    ['a batch of 201', { fanOut: { batchSize: 201 } }, 'fanOut.batchSize', 'INVALID_INPUT'],
    [
      '1,200 children per run',
      { fanOut: { batchSize: 200, batchesPerRun: 6 } },
      'fanOut.batchesPerRun',
      'INVALID_INPUT',
    ],
    ['format version 0', { formatVersion: 0 }, 'formatVersion', 'INVALID_INPUT'],
    ['53 overdue reminders', { maxOverdueReminders: 53 }, 'maxOverdueReminders', 'INVALID_INPUT'],
  ])('refuses %s', (_label, change, field, reason) => {
    expect(validateAccountabilityCycleInput(input(change), NOW)).toMatchObject({
      code: 'VALIDATION',
      field,
      reason,
    });
  });
});

describe('nextTimedAction', () => {
  const deadline = new Date('2027-02-01T22:59:59.999Z').getTime();
  const timing = (change: Partial<SchoolTimingState> = {}): SchoolTimingState => ({
    status: 'not_started',
    invited: true,
    invitationAtMs: NOW,
    deadlineMs: deadline,
    generation: 1,
    escalatedGeneration: 0,
    lastReminderAtMs: null,
    overdueSent: 0,
    lastOverdueAtMs: null,
    policy: { ...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY, offsetsBusinessDays: [14, 7, 1] },
    maxOverdueReminders: 12,
    ...change,
  });
  const at = (a: TimedAction | null) =>
    a ? [a.kind, new Date(a.atMs).toISOString(), a.step] : null;
  const ams = (date: string, hour: number) => amsterdamInstant(date, hour).getTime();

  it.each<[string, Partial<SchoolTimingState>, number, unknown]>([
    [
      'invitation first',
      { invited: false },
      NOW,
      ['invitation', new Date(NOW).toISOString(), 'invitation'],
    ],
    ['first reminder', {}, NOW, ['reminder', '2027-01-12T08:00:00.000Z', 'reminder-d1-2027-01-12']],
    [
      'returned schools are reminded too',
      { status: 'returned' },
      NOW,
      ['reminder', '2027-01-12T08:00:00.000Z', 'reminder-d1-2027-01-12'],
    ],
    [
      'after the last reminder: the deadline',
      {},
      ams('2027-01-29', 10),
      ['deadline', '2027-02-01T23:00:00.000Z', 'deadline-d1'],
    ],
    [
      'a reminder is not repeated',
      { lastReminderAtMs: ams('2027-01-12', 9) },
      ams('2027-01-12', 9),
      ['reminder', '2027-01-21T08:00:00.000Z', 'reminder-d1-2027-01-21'],
    ],
    [
      'past the deadline, not submitted: late now',
      {},
      ams('2027-02-02', 0),
      ['deadline', new Date(ams('2027-02-02', 0)).toISOString(), 'deadline-d1'],
    ],
    [
      'late: escalation next business day 09:00',
      { status: 'late' },
      ams('2027-02-02', 0),
      ['escalation', '2027-02-02T08:00:00.000Z', 'escalation-d1'],
    ],
    [
      'late, escalated: weekly reminder',
      { status: 'late', escalatedGeneration: 1 },
      ams('2027-02-02', 10),
      ['overdue', '2027-02-08T08:00:00.000Z', 'overdue-d1-2027-02-08'],
    ],
    [
      'returned after the deadline: no escalation, weekly reminder',
      { status: 'returned' },
      ams('2027-02-02', 10),
      ['overdue', '2027-02-08T08:00:00.000Z', 'overdue-d1-2027-02-08'],
    ],
    [
      'next weekly reminder',
      {
        status: 'late',
        escalatedGeneration: 1,
        overdueSent: 1,
        lastOverdueAtMs: ams('2027-02-08', 9),
      },
      ams('2027-02-08', 9),
      ['overdue', '2027-02-15T08:00:00.000Z', 'overdue-d1-2027-02-15'],
    ],
    [
      'no more after the maximum',
      { status: 'late', escalatedGeneration: 1, overdueSent: 12 },
      ams('2027-05-01', 10),
      null,
    ],
    [
      'reminders left to the cycle: sleeps until the deadline',
      { remindersByCycle: true },
      NOW,
      ['deadline', '2027-02-01T23:00:00.000Z', 'deadline-d1'],
    ],
    [
      'reminders left to the cycle, deadline extended: reminds itself',
      { remindersByCycle: true, generation: 2 },
      NOW,
      ['reminder', '2027-01-12T08:00:00.000Z', 'reminder-d2-2027-01-12'],
    ],
    [
      'reminders left to the cycle, late: overdue reminders are its own',
      { remindersByCycle: true, status: 'late', escalatedGeneration: 1 },
      ams('2027-02-02', 10),
      ['overdue', '2027-02-08T08:00:00.000Z', 'overdue-d1-2027-02-08'],
    ],
    ['submitted: waits for review', { status: 'submitted' }, NOW, null],
    ['accepted: nothing', { status: 'accepted' }, NOW, null],
    ['waived: nothing', { status: 'waived' }, NOW, null],
  ])('%s', (_label, change, now, expected) => {
    expect(at(nextTimedAction(timing(change), now))).toEqual(expected);
  });

  it('never plans a reminder, escalation or overdue reminder outside office hours (deadlines over 2027–2030)', () => {
    const bad: string[] = [];
    for (let day = 0; day < 4 * 365; day += 5) {
      const date = addDays('2027-01-01', day);
      for (const hour of [0, 17, 23]) {
        const dl = amsterdamInstant(date, hour).getTime();
        let s = timing({ deadlineMs: dl, invited: true });
        let now = dl - 30 * 86_400_000;
        for (let step = 0; step < 12; step += 1) {
          const a = nextTimedAction(s, now);
          if (a === null) break;
          now = Math.max(now, a.atMs);
          if (a.kind !== 'deadline') {
            const p = amsterdamParts(new Date(a.atMs));
            if (!isBusinessDay(p.date) || p.hour < 8 || p.hour >= 18)
              bad.push(`${a.kind} ${new Date(a.atMs).toISOString()}`);
          }
          if (a.kind === 'reminder') s = { ...s, lastReminderAtMs: a.atMs };
          if (a.kind === 'deadline') s = { ...s, status: 'late' };
          if (a.kind === 'escalation') s = { ...s, escalatedGeneration: 1 };
          if (a.kind === 'overdue')
            s = { ...s, overdueSent: s.overdueSent + 1, lastOverdueAtMs: a.atMs };
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('refusals', () => {
  const state = (change: Partial<SchoolCommandState> = {}): SchoolCommandState => ({
    status: 'not_started',
    version: 0,
    submissionId: null,
    submissionIds: [],
    deadlineMs: NOW + 10 * 86_400_000,
    ...change,
  });

  it.each<[string, Partial<SchoolCommandState>, string, unknown]>([
    ['first submission', {}, 'sub-1', null],
    ['a late school may submit', { status: 'late' }, 'sub-1', null],
    [
      'the same submission again',
      { status: 'submitted', version: 1, submissionId: 'sub-1', submissionIds: ['sub-1'] },
      'sub-1',
      'duplicate',
    ],
    [
      'another while waiting for review',
      { status: 'submitted', version: 1, submissionId: 'sub-1', submissionIds: ['sub-1'] },
      'sub-2',
      { code: 'CONFLICT', reason: 'ALREADY_SUBMITTED' },
    ],
    [
      'a returned submission again',
      { status: 'returned', version: 1, submissionId: 'sub-1', submissionIds: ['sub-1'] },
      'sub-1',
      { code: 'CONFLICT', reason: 'SUBMISSION_SUPERSEDED' },
    ],
    [
      'after acceptance',
      { status: 'accepted', version: 1 },
      'sub-2',
      { code: 'CONFLICT', reason: 'ALREADY_ACCEPTED' },
    ],
    ['after a waiver', { status: 'waived' }, 'sub-1', { code: 'CONFLICT', reason: 'WAIVED' }],
    [
      'a 21st version',
      { status: 'returned', version: 20, submissionIds: ['x'] },
      'sub-21',
      { code: 'RULE_VIOLATION', reason: 'TOO_MANY_VERSIONS' },
    ],
  ])('submit: %s', (_label, change, submissionId, expected) => {
    const result = submitRefusal(state(change), { actorPersonId: 'p', submissionId });
    if (expected === null || expected === 'duplicate') expect(result).toBe(expected);
    else expect(result).toMatchObject(expected as object);
  });

  it.each<[string, Partial<SchoolCommandState>, Parameters<typeof reviewRefusal>[1], unknown]>([
    [
      'accept a submission',
      { status: 'submitted', version: 2 },
      { actorPersonId: 'p', decision: 'accept' },
      null,
    ],
    [
      'nothing submitted',
      {},
      { actorPersonId: 'p', decision: 'accept' },
      { code: 'CONFLICT', reason: 'NOT_SUBMITTED' },
    ],
    [
      'return without comments',
      { status: 'submitted', version: 1 },
      { actorPersonId: 'p', decision: 'return', comments: '  ' },
      { code: 'VALIDATION', reason: 'COMMENTS_REQUIRED' },
    ],
    [
      'a stale version',
      { status: 'submitted', version: 2 },
      { actorPersonId: 'p', decision: 'accept', version: 1 },
      { code: 'CONFLICT', reason: 'STALE_VERSION' },
    ],
    [
      'an unknown decision',
      { status: 'submitted', version: 1 },
      { actorPersonId: 'p', decision: 'maybe' as 'accept' },
      { code: 'VALIDATION', field: 'decision' },
    ],
  ])('review: %s', (_label, change, cmd, expected) => {
    const result = reviewRefusal(state(change), cmd);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected as object);
  });

  it('extend: later than now and than the current deadline, at most 400 days ahead', () => {
    const s = state();
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(extendRefusal(s, { actorPersonId: 'p', deadline: iso(s.deadlineMs + 1) }, NOW)).toEqual({
      deadlineMs: s.deadlineMs + 1,
    });
    expect(
      extendRefusal(s, { actorPersonId: 'p', deadline: iso(s.deadlineMs) }, NOW),
    ).toMatchObject({ reason: 'DEADLINE_NOT_LATER' });
    expect(extendRefusal(s, { actorPersonId: 'p', deadline: iso(NOW) }, NOW)).toMatchObject({
      reason: 'DEADLINE_IN_PAST',
    });
    expect(
      extendRefusal(s, { actorPersonId: 'p', deadline: iso(NOW + 401 * 86_400_000) }, NOW),
    ).toMatchObject({ reason: 'DEADLINE_TOO_FAR' });
    expect(
      extendRefusal(
        state({ status: 'accepted' }),
        { actorPersonId: 'p', deadline: iso(s.deadlineMs + 1) },
        NOW,
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('waive: needs a reason; not after acceptance', () => {
    expect(waiveRefusal(state(), { actorPersonId: 'p', reason: 'gefuseerd' })).toBeNull();
    expect(waiveRefusal(state(), { actorPersonId: 'p', reason: ' ' })).toMatchObject({
      field: 'reason',
    });
    expect(
      waiveRefusal(state({ status: 'accepted' }), { actorPersonId: 'p', reason: 'x' }),
    ).toMatchObject({ reason: 'ALREADY_ACCEPTED' });
  });
});

describe('cycleReminders', () => {
  const policy = { ...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY, offsetsBusinessDays: [14, 7, 1] };
  const deadline = '2027-02-01T22:59:59.999Z';

  it('are the reminders a school started at the same moment would plan, with its steps', () => {
    for (const startedAt of [
      NOW,
      amsterdamInstant('2026-12-05', 22).getTime(), // Saturday night
      amsterdamInstant('2027-01-12', 9).getTime(), // the moment of the first reminder
      amsterdamInstant('2027-01-20', 19).getTime(),
    ]) {
      const school = { deadline, reminderPolicy: policy, maxOverdueReminders: 12 };
      const preview = schoolSchedulePreview(school, startedAt);
      const moments = cycleReminders(school, startedAt);
      expect(moments.map((m) => new Date(m.atMs).toISOString())).toEqual(preview.reminders);
      expect(moments.map((m) => m.step)).toEqual(
        preview.reminders.map((r) => `reminder-d1-${amsterdamParts(new Date(r)).date}`),
      );
    }
  });

  it('skip the school holidays of the region, as the schools do', () => {
    // Deadline Monday 11 January 2027; the Christmas holiday in the north ends 3 January.
    const school = {
      deadline: amsterdamInstant('2027-01-11', 17).toISOString(),
      reminderPolicy: { offsetsBusinessDays: [10, 5, 1], sendHour: 9 },
      maxOverdueReminders: 0,
      region: 'noord' as const,
    };
    const startedAt = amsterdamInstant('2026-12-21', 10).getTime();
    expect(cycleReminders(school, startedAt).map((m) => new Date(m.atMs).toISOString())).toEqual([
      amsterdamInstant('2027-01-04', 9).toISOString(),
      amsterdamInstant('2027-01-08', 9).toISOString(),
    ]);
  });
});

describe('schoolSchedulePreview', () => {
  const policy = { ...DEFAULT_ACCOUNTABILITY_REMINDER_POLICY, offsetsBusinessDays: [14, 7, 1] };
  const deadline = '2027-02-01T22:59:59.999Z';

  it('lists the invitation at the next business moment, the reminders, the escalation and the first overdue reminders', () => {
    // Saturday evening: the invitation waits for Monday morning.
    const saturday = amsterdamInstant('2026-12-05', 22).getTime();
    const p = schoolSchedulePreview(
      { deadline, reminderPolicy: policy, maxOverdueReminders: 12 },
      saturday,
    );
    expect(p.invitationAt).toBe(amsterdamInstant('2026-12-07', 8).toISOString());
    expect(p.reminders).toEqual([
      '2027-01-12T08:00:00.000Z',
      '2027-01-21T08:00:00.000Z',
      '2027-01-29T08:00:00.000Z',
    ]);
    expect(p.deadline).toBe(deadline);
    expect(p.escalationAt).toBe('2027-02-02T08:00:00.000Z');
    expect(p.overdueReminders).toEqual([
      '2027-02-08T08:00:00.000Z',
      '2027-02-15T08:00:00.000Z',
      '2027-02-22T08:00:00.000Z',
    ]);
    expect(p.maxOverdueReminders).toBe(12);
  });

  it('agrees with the workflow’s own next timer at every step', () => {
    const p = schoolSchedulePreview(
      { deadline, reminderPolicy: policy, maxOverdueReminders: 1 },
      NOW,
    );
    const first = nextTimedAction(
      {
        status: 'not_started',
        invited: true,
        invitationAtMs: NOW,
        deadlineMs: Date.parse(deadline),
        generation: 1,
        escalatedGeneration: 0,
        lastReminderAtMs: null,
        overdueSent: 0,
        lastOverdueAtMs: null,
        policy,
        maxOverdueReminders: 1,
      },
      NOW,
    );
    expect(p.reminders[0]).toBe(new Date(first!.atMs).toISOString());
    // At most maxOverdueReminders overdue reminders, whatever is asked for.
    expect(p.overdueReminders).toHaveLength(1);
  });

  it('skips the school holidays of the SWV’s region', () => {
    // Herfstvakantie noord 2026 (12–16 October): the reminder 7 business days before 20 October.
    const octDeadline = amsterdamInstant('2026-10-20', 23).toISOString();
    const start = amsterdamInstant('2026-09-01', 10).getTime();
    const plain = schoolSchedulePreview(
      {
        deadline: octDeadline,
        reminderPolicy: { ...policy, offsetsBusinessDays: [7] },
        maxOverdueReminders: 0,
      },
      start,
    );
    const noord = schoolSchedulePreview(
      {
        deadline: octDeadline,
        reminderPolicy: { ...policy, offsetsBusinessDays: [7] },
        maxOverdueReminders: 0,
        region: 'noord',
      },
      start,
    );
    expect(plain.reminders).toEqual([amsterdamInstant('2026-10-09', 9).toISOString()]);
    expect(noord.reminders).toEqual([amsterdamInstant('2026-10-02', 9).toISOString()]);
    expect(noord.overdueReminders).toEqual([]);
  });
});
