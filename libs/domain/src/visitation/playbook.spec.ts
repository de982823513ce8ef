import { addMonths } from '../calendar/local-date';
import { amsterdamParts } from '../calendar/amsterdam';
import { isBusinessDay } from '../calendar/business-days';
import {
  DEFAULT_PLAYBOOKS,
  checkPlaybook,
  stepDueAt,
  stepDueDate,
  stepEscalationTime,
  stepReminderTimes,
  visitSendTime,
} from './playbook';

const visitatie = DEFAULT_PLAYBOOKS['collegiale-visitatie'];
const local = (d: Date) => amsterdamParts(d);

describe('visit playbook', () => {
  it('both default playbooks are valid', () => {
    expect(() => checkPlaybook(visitatie)).not.toThrow();
    expect(() => checkPlaybook(DEFAULT_PLAYBOOKS.audit)).not.toThrow();
  });

  it('refuses a playbook without a date confirmation or with the invitation after it', () => {
    expect(() =>
      checkPlaybook({
        ...visitatie,
        steps: visitatie.steps.filter((s) => s.key !== 'date_confirmation'),
      }),
    ).toThrow(/date_confirmation/);
    expect(() =>
      checkPlaybook({
        ...visitatie,
        steps: visitatie.steps.map((s) =>
          s.key === 'invitation' ? { ...s, offsetBusinessDays: -5 } : s,
        ),
      }),
    ).toThrow(/before/);
  });

  it('counts the self-evaluation 10 business days back, skipping the host region’s holidays', () => {
    // Visit Thursday 5 November 2026; herfstvakantie noord is 10–18 October 2026.
    expect(stepDueDate(visitatie, 'self_evaluation', { visitDate: '2026-11-05' })).toBe(
      '2026-10-22',
    );
    expect(
      stepDueDate(visitatie, 'date_confirmation', { visitDate: '2026-11-05', region: 'noord' }),
    ).toBe('2026-10-01');
    expect(stepDueDate(visitatie, 'date_confirmation', { visitDate: '2026-11-05' })).toBe(
      '2026-10-08',
    );
  });

  it('puts the draft report 10 business days after the visit, at 17:00 Amsterdam', () => {
    const due = stepDueAt(visitatie, 'draft_report', { visitDate: '2026-11-05' });
    expect(local(due)).toMatchObject({ date: '2026-11-19', hour: 17 });
  });

  it('checks the follow-up six months later on a business day (audit: three)', () => {
    expect(stepDueDate(visitatie, 'follow_up_check', { visitDate: '2026-11-05' })).toBe(
      '2027-05-05',
    );
    // 5 May 2027 is Bevrijdingsdag, no day off outside lustrum years. 31 Jan + 3 months: 30 April.
    expect(
      stepDueDate(DEFAULT_PLAYBOOKS.audit, 'follow_up_check', { visitDate: '2027-01-31' }),
    ).toBe('2027-04-30');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('reminds at 09:00 on business days before the due date, not in the school’s holidays', () => {
    const due = stepDueAt(visitatie, 'self_evaluation', { visitDate: '2026-11-05' });
    const times = stepReminderTimes(visitatie, due, new Date('2026-09-01T00:00:00Z'), 'noord');
    expect(times.map((t) => local(t))).toEqual([
      expect.objectContaining({ date: '2026-10-08', hour: 9 }),
      expect.objectContaining({ date: '2026-10-21', hour: 9 }),
    ]);
    for (const t of times) expect(isBusinessDay(local(t).date, { region: 'noord' })).toBe(true);
  });

  it('drops reminders before the flow was planned (a rescheduled visit)', () => {
    const due = stepDueAt(visitatie, 'self_evaluation', { visitDate: '2026-11-05' });
    expect(stepReminderTimes(visitatie, due, new Date('2026-10-15T12:00:00Z'))).toHaveLength(1);
  });

  it('escalates the next business day at 09:00: after Friday 18 December comes Monday 21', () => {
    const esc = stepEscalationTime(new Date('2026-12-18T16:00:00Z'));
    expect(local(esc)).toMatchObject({ date: '2026-12-21', hour: 9 });
    // Due on 24 December: Christmas and Boxing Day are skipped.
    expect(local(stepEscalationTime(new Date('2026-12-24T16:00:00Z')))).toMatchObject({
      date: '2026-12-28',
    });
  });

  it('sends nothing at night or in the host’s school holidays', () => {
    expect(local(visitSendTime(new Date('2026-10-05T22:00:00Z')))).toMatchObject({
      date: '2026-10-06',
      hour: 8,
    });
    // Tuesday 13 October 2026 lies in herfstvakantie noord: the first business day after it.
    expect(local(visitSendTime(new Date('2026-10-13T10:00:00Z'), 'noord'))).toMatchObject({
      date: '2026-10-19',
      hour: 9,
    });
    expect(local(visitSendTime(new Date('2026-10-13T10:00:00Z'), 'zuid'))).toMatchObject({
      date: '2026-10-13',
      hour: 12,
    });
  });
});
