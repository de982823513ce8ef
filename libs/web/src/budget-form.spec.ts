import { amsterdamInstant } from '@jaarcyclus/domain';
import {
  defaultBudgetForm,
  formFieldOf,
  validateBudgetForm,
  type BudgetFormValues,
} from './budget-form';
import { fieldErrorText } from './forms';
import { messagesFor } from './i18n';

const t = messagesFor('nl');

const filled: BudgetFormValues = {
  budgetYear: '2027',
  title: '',
  proposalDocumentId: '',
  proposalUrl: 'https://intranet.example/begroting-2027.pdf',
  versionLabel: 'Concept v1',
  amountPerPupil: '185,00',
  equity: '-12.500,50',
  turnover: '€ 15.000.000',
  voteDeadline: '2026-12-11T17:00',
  lettersDate: '15-12-2026 09:00',
  reminderOffsets: '7, 2',
};

describe('the new budget cycle form', () => {
  it('defaults to next year with the calendar’s December dates on Amsterdam clocks', () => {
    const { values } = defaultBudgetForm(new Date('2026-11-23T10:00:00Z'));
    expect(values.budgetYear).toBe('2027');
    // 12 December 2026 is a Saturday: the deadline moves back to Friday 11 December, 17:00.
    expect(values.voteDeadline).toBe('2026-12-11T17:00');
    expect(values.lettersDate).toBe('2026-12-15T09:00');
    expect(values.reminderOffsets).toBe('');
  });

  it('reads euros with a decimal comma into cents and local date-times into instants', async () => {
    const result = await validateBudgetForm(filled, t);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.allocation).toEqual({
      amountPerPupilCents: 18_500,
      equityCents: -1_250_050,
      turnoverCents: 1_500_000_000,
    });
    expect(result.value.voteDeadline).toBe(amsterdamInstant('2026-12-11', 17).toISOString());
    expect(result.value.lettersDate).toBe('2026-12-15T08:00:00.000Z');
    expect(result.value.reminderOffsetsBusinessDays).toEqual([7, 2]);
    expect(result.value.title).toBeUndefined();
    expect(result.value.proposal).toEqual({
      url: 'https://intranet.example/begroting-2027.pdf',
      versionLabel: 'Concept v1',
    });
  });

  it('leaves empty dates and reminders to the defaults', async () => {
    const result = await validateBudgetForm(
      { ...filled, voteDeadline: ' ', lettersDate: '', reminderOffsets: '' },
      t,
    );
    expect(
      result.ok && [
        result.value.voteDeadline,
        result.value.lettersDate,
        result.value.reminderOffsetsBusinessDays,
      ],
    ).toEqual([undefined, undefined, undefined]);
  });

  it('reports every problem on its own field with the api’s message, in Dutch for Dutch readers', async () => {
    const result = await validateBudgetForm(
      {
        ...filled,
        budgetYear: '27',
        proposalUrl: 'intranet/begroting',
        versionLabel: '',
        amountPerPupil: '185,005',
        equity: '',
        turnover: '1.234.5',
        voteDeadline: '31-02-2027 17:00',
        reminderOffsets: '7, twee',
      },
      t,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(
      result.errors.map((e) => [e.field, fieldErrorText('nl', e)]),
    );
    expect(byField).toEqual({
      amountPerPupil: 'Gebruik hoogstens twee cijfers achter de komma.',
      equity: 'Vul een bedrag in euro’s in, zoals 1.234,56.',
      turnover: 'Vul een bedrag in euro’s in, zoals 1.234,56.',
      budgetYear: 'Vul een jaartal in van 2020 of later.',
      proposalUrl: 'Vul een webadres in dat begint met https://.',
      versionLabel: 'Vul dit veld in.',
      voteDeadline: 'Vul een datum en tijd in, zoals 11-12-2026 17:00.',
      reminderOffsets: 'Vul hele getallen in, gescheiden door komma’s, zoals 7, 2.',
    });
    // English readers get the api's own words.
    expect(result.errors.find((e) => e.field === 'proposalUrl')?.message).toBe(
      'proposal.url must be an http(s) URL',
    );
  });

  it('takes an uploaded file instead of a link', async () => {
    const documentId = '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10';
    const result = await validateBudgetForm(
      { ...filled, proposalUrl: ' ', proposalDocumentId: documentId },
      t,
    );
    expect(result.ok && result.value.proposal).toEqual({ documentId, versionLabel: 'Concept v1' });
  });

  it.each<[string, Partial<BudgetFormValues>, string]>([
    ['neither a file nor a link', { proposalUrl: '' }, t.proposalSourceMissing],
    [
      'both a file and a link',
      { proposalDocumentId: '5b0b9c1e-1c1a-4a57-9d54-2d1f3c1e9a10' },
      t.proposalSourceBoth,
    ],
  ])('refuses %s at the file field, in Dutch', async (_, change, message) => {
    const result = await validateBudgetForm({ ...filled, ...change }, t);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([{ field: 'proposalFile', message }]);
  });

  it.each<[string, string]>([
    ['budgetYear', 'budgetYear'],
    ['proposal', 'proposalFile'],
    ['proposal.url', 'proposalUrl'],
    ['proposal.documentId', 'proposalFile'],
    ['proposal.versionLabel', 'versionLabel'],
    ['allocation.amountPerPupilCents', 'amountPerPupil'],
    ['allocation.equityCents', 'equity'],
    ['allocation.turnoverCents', 'turnover'],
    ['voteDeadline', 'voteDeadline'],
    ['reminderOffsetsBusinessDays[1]', 'reminderOffsets'],
    ['offsetsBusinessDays[0]', 'reminderOffsets'],
    ['directorPersonId', ''],
  ])('shows a refusal about %s on the form field %j', (apiField, formField) => {
    expect(formFieldOf(apiField)).toBe(formField);
  });
});
