import {
  defaultAccountabilityStartForm,
  defaultAccountingYear,
  invitationMoment,
  postedAccountabilityStartForm,
  startFormFieldOf,
  validateAccountabilityStartForm,
} from './accountability-start-form';
import { fieldErrorText } from './forms';
import { messagesFor } from './i18n';

const t = messagesFor('nl');
const SCHOOL_A = '0b8f6c1e-1111-4a4a-8a8a-000000000001';
const SCHOOL_B = '0b8f6c1e-1111-4a4a-8a8a-000000000002';

describe('the form that starts the accountability', () => {
  it.each([
    ['2026-12-05T10:00:00Z', 2026], // December: the year that is ending
    ['2027-01-12T10:00:00Z', 2026], // January: before the 1 February deadline of last year
    ['2027-06-30T21:59:00Z', 2026], // 23:59 on 30 June in Amsterdam
    ['2027-06-30T22:00:00Z', 2027], // 1 July 00:00 in Amsterdam
  ])('at %s proposes accounting year %i', (now, year) => {
    expect(defaultAccountingYear(new Date(now))).toBe(year);
  });

  it('ticks every regular school and leaves the deadline and reminders to their defaults', () => {
    expect(
      defaultAccountabilityStartForm(new Date('2026-12-05T10:00:00Z'), [SCHOOL_A, SCHOOL_B]).values,
    ).toEqual({
      accountingYear: '2026',
      title: '',
      deadline: '',
      reminderOffsets: '',
      schoolIds: [SCHOOL_A, SCHOOL_B],
    });
  });

  it('reads one ticked school as a list', () => {
    expect(
      postedAccountabilityStartForm({ accountingYear: '2026', schoolIds: SCHOOL_A }).values
        .schoolIds,
    ).toEqual([SCHOOL_A]);
    expect(postedAccountabilityStartForm({ accountingYear: '2026' }).values.schoolIds).toEqual([]);
  });

  it('turns what was typed into the api’s start request', async () => {
    const result = await validateAccountabilityStartForm(
      {
        accountingYear: '2026',
        title: '  Verantwoording 2026 (scholen VO)  ',
        deadline: '15-02-2027 17:00',
        reminderOffsets: '10, 3',
        schoolIds: [SCHOOL_B],
      },
      t,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ ...result.value }).toEqual({
      accountingYear: 2026,
      title: 'Verantwoording 2026 (scholen VO)',
      deadline: '2027-02-15T16:00:00.000Z',
      reminderOffsetsBusinessDays: [10, 3],
      schoolIds: [SCHOOL_B],
    });
  });

  it('refuses every mistake next to its field, in Dutch', async () => {
    const result = await validateAccountabilityStartForm(
      {
        accountingYear: 'twintig',
        title: '',
        deadline: 'morgen',
        reminderOffsets: '14, zeven',
        schoolIds: [],
      },
      t,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(
      result.errors.map((e) => [e.field, fieldErrorText('nl', e)]),
    );
    expect(byField).toEqual({
      accountingYear: 'Vul een jaartal in, zoals 2026.',
      deadline: 'Vul een datum en tijd in, zoals 11-12-2026 17:00.',
      reminderOffsets: 'Vul hele getallen in, gescheiden door komma’s, zoals 14, 7, 1.',
      schoolIds: 'Kies minstens één school.',
    });
  });

  it.each([
    ['accountingYear', 'accountingYear'],
    ['deadline', 'deadline'],
    ['reminderOffsetsBusinessDays', 'reminderOffsets'],
    ['reminderPolicy.offsetsBusinessDays', 'reminderOffsets'],
    ['schoolIds[3]', 'schoolIds'],
    ['formatVersion', ''],
  ])('shows a refusal of %s at %j', (apiField, formField) => {
    expect(startFormFieldOf(apiField)).toBe(formField);
  });
});

describe('when a started accountability invites its schools', () => {
  it('says "now" within office hours, and the next working morning outside them', () => {
    // Monday 7 December 2026, 10:00 in Amsterdam: the fan-out mails at once.
    expect(invitationMoment('nl', new Date('2026-12-07T09:00:00Z'))).toBeNull();
    // Saturday 5 December 13:30: Monday 08:00.
    expect(invitationMoment('nl', new Date('2026-12-05T12:30:00Z'))).toBe(
      '7 december 2026 om 08:00',
    );
    // Friday 18:30 in summer time: Monday 08:00.
    expect(invitationMoment('en', new Date('2026-06-26T16:30:00Z'))).toMatch(/29 June 2026.*08:00/);
  });

  it('tells the secretariat in the notice', () => {
    expect(t.acc.started(null)).toBe(
      'De verantwoording is gestart. De scholen krijgen nu een taak en een uitnodiging per e-mail.',
    );
    expect(t.acc.started('7 december 2026 om 08:00')).toBe(
      'De verantwoording is gestart. De scholen krijgen hun taak en uitnodiging per e-mail op 7 december 2026 om 08:00, het eerste moment binnen kantoortijd.',
    );
  });
});
