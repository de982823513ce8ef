import { DomainError, eurosToCents, validateReserveRuleSetting } from '@jaarcyclus/domain';
import { formatEuro } from '@jaarcyclus/i18n';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { OrganisationSettings } from '@jaarcyclus/persistence';
import { UpdateOrganisationDto } from '@jaarcyclus/api/organisation/dto/organisation.dto';
import {
  fieldErrorOf,
  formFields,
  oneErrorPerField,
  text,
  validateForm,
  wholeNumber,
  wholeNumberList,
  type Validated,
} from './forms';

/**
 * The SWV's settings as the administration page edits them: reminder days as '7, 2', a number
 * of rounds as '2'. An empty field restores the default (the api's null). Checked by the api's
 * UpdateOrganisationDto, so the page and PATCH /api/organisation refuse the same input.
 */
export const SETTINGS_FIELDS = [
  'reminderOffsetsBusinessDays',
  'accountabilityReminderOffsetsBusinessDays',
  'opRDisputeAfterRounds',
  'reserveTarget',
  'reserveCeiling',
  'reserveRecoveryYears',
  'reserveCap',
  'reserveCapFromYear',
] as const;

/** The reserve rule's form fields and where they land in the api's settings.reserveRule. */
const RESERVE_FIELDS = {
  reserveTarget: 'targetBasisPoints',
  reserveCeiling: 'ceilingBasisPoints',
  reserveRecoveryYears: 'recoveryYears',
  reserveCap: 'capCents',
  reserveCapFromYear: 'capFromYear',
} as const;

/** Basis points as a Dutch percentage without the sign: 200 → '2', 350 → '3,5', 125 → '1,25'. */
function percentText(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0$/, '');
  return rest === '' ? String(whole) : `${whole},${rest}`;
}

/** '3,5', '3.5', '3,5%' or '2' as basis points; NaN for anything else (the DTO refuses it). */
function basisPoints(input: string): number | undefined {
  const s = input.trim().replace(/\s*%$/, '');
  if (s === '') return undefined;
  const m = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** Euros with a decimal comma as cents, as the budget form reads amounts. */
function capCents(input: string): { cents?: number; error?: FieldError } {
  if (input.trim() === '') return {};
  try {
    return { cents: eurosToCents(input, 'reserveCap') };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { error: fieldErrorOf(err, 'reserveCap') };
  }
}
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsValues = Record<SettingsField, string>;

export function settingsValues(settings: OrganisationSettings): SettingsValues {
  const list = (v: number[] | undefined): string => (v ? v.join(', ') : '');
  const rule = settings.reserveRule;
  return {
    reminderOffsetsBusinessDays: list(settings.reminderOffsetsBusinessDays),
    accountabilityReminderOffsetsBusinessDays: list(
      settings.accountabilityReminderOffsetsBusinessDays,
    ),
    opRDisputeAfterRounds:
      settings.opRDisputeAfterRounds === undefined ? '' : String(settings.opRDisputeAfterRounds),
    reserveTarget: rule ? percentText(rule.targetBasisPoints) : '',
    reserveCeiling: rule ? percentText(rule.ceilingBasisPoints) : '',
    reserveRecoveryYears: rule ? String(rule.recoveryYears) : '',
    reserveCap:
      rule?.capCents === undefined || rule.capCents === null
        ? ''
        : formatEuro(rule.capCents).replace(/^€\s*/, ''),
    reserveCapFromYear:
      rule?.capFromYear === undefined || rule.capFromYear === null ? '' : String(rule.capFromYear),
  };
}

export function postedSettings(body: unknown): SettingsValues {
  const fields = formFields(body);
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(fields, f)])) as SettingsValues;
}

export async function validateSettingsForm(
  values: SettingsValues,
): Promise<Validated<UpdateOrganisationDto>> {
  // Every reserve field empty: the default rule. Else the percentages and years are required.
  const reserveGiven = Object.keys(RESERVE_FIELDS).some(
    (f) => values[f as SettingsField].trim() !== '',
  );
  const cap = capCents(values.reserveCap);
  const reserveRule = reserveGiven
    ? {
        targetBasisPoints: basisPoints(values.reserveTarget) ?? Number.NaN,
        ceilingBasisPoints: basisPoints(values.reserveCeiling) ?? Number.NaN,
        recoveryYears: wholeNumber(values.reserveRecoveryYears) ?? Number.NaN,
        capCents: cap.cents ?? null,
        capFromYear: wholeNumber(values.reserveCapFromYear) ?? null,
      }
    : null;
  const input = {
    settings: {
      reminderOffsetsBusinessDays: wholeNumberList(values.reminderOffsetsBusinessDays) ?? null,
      accountabilityReminderOffsetsBusinessDays:
        wholeNumberList(values.accountabilityReminderOffsetsBusinessDays) ?? null,
      opRDisputeAfterRounds: wholeNumber(values.opRDisputeAfterRounds) ?? null,
      reserveRule,
    },
  };
  const formField = (f: string): string => {
    const name = f.replace(/^settings\./, '');
    const reserve = Object.entries(RESERVE_FIELDS).find(([, api]) => name === `reserveRule.${api}`);
    return reserve ? reserve[0] : name;
  };
  const checked = await validateForm(UpdateOrganisationDto, input);
  const errors = [
    ...(cap.error ? [cap.error] : []),
    ...(checked.ok ? [] : oneErrorPerField(checked.errors, formField)),
  ];
  // What the DTO cannot see: the maximum below the target.
  if (errors.length === 0 && reserveRule) {
    try {
      validateReserveRuleSetting(reserveRule);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push(fieldErrorOf(err, formField(err.field ?? '')));
    }
  }
  if (checked.ok && errors.length === 0) return checked;
  return { ok: false, errors: oneErrorPerField(errors, (f) => f) };
}
