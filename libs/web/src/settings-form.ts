import type { OrganisationSettings } from '@jaarcyclus/persistence';
import { UpdateOrganisationDto } from '@jaarcyclus/api/organisation/dto/organisation.dto';
import {
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
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];
export type SettingsValues = Record<SettingsField, string>;

export function settingsValues(settings: OrganisationSettings): SettingsValues {
  const list = (v: number[] | undefined): string => (v ? v.join(', ') : '');
  return {
    reminderOffsetsBusinessDays: list(settings.reminderOffsetsBusinessDays),
    accountabilityReminderOffsetsBusinessDays: list(
      settings.accountabilityReminderOffsetsBusinessDays,
    ),
    opRDisputeAfterRounds:
      settings.opRDisputeAfterRounds === undefined ? '' : String(settings.opRDisputeAfterRounds),
  };
}

export function postedSettings(body: unknown): SettingsValues {
  const fields = formFields(body);
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(fields, f)])) as SettingsValues;
}

export async function validateSettingsForm(
  values: SettingsValues,
): Promise<Validated<UpdateOrganisationDto>> {
  const input = {
    settings: {
      reminderOffsetsBusinessDays: wholeNumberList(values.reminderOffsetsBusinessDays) ?? null,
      accountabilityReminderOffsetsBusinessDays:
        wholeNumberList(values.accountabilityReminderOffsetsBusinessDays) ?? null,
      opRDisputeAfterRounds: wholeNumber(values.opRDisputeAfterRounds) ?? null,
    },
  };
  const checked = await validateForm(UpdateOrganisationDto, input);
  if (checked.ok) return checked;
  return {
    ok: false,
    errors: oneErrorPerField(checked.errors, (f) => f.replace(/^settings\./, '')),
  };
}
