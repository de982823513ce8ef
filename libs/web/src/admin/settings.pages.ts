import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, textField } from '../components';
import { html } from '../html';
import { csrfField, page, type WebContext } from '../layout';
import type { SettingsField, SettingsValues } from '../settings-form';

/**
 * The SWV's settings: reminder days of the budget votes and of the accountability, and after
 * how many rounds without consent the OPR dispute starts. Read-only for who may only look.
 */
export function settingsPage(
  ctx: WebContext,
  data: {
    values: SettingsValues;
    errors: FieldError[];
    canEdit: boolean;
    message: string | null;
    defaults: { budget: number[]; accountability: number[]; oprDisputeAfterRounds: number };
  },
): string {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  const labels: Record<SettingsField, string> = {
    reminderOffsetsBusinessDays: t.budgetReminderDays,
    accountabilityReminderOffsetsBusinessDays: t.accountabilityReminderDays,
    opRDisputeAfterRounds: t.oprDisputeRounds,
    reserveTarget: t.reserveTarget,
    reserveCeiling: t.reserveCeiling,
    reserveRecoveryYears: t.reserveRecoveryYears,
    reserveCap: t.reserveCap,
    reserveCapFromYear: t.reserveCapFromYear,
  };
  const reserveRows: [SettingsField, string][] = [
    ['reserveTarget', v.reserveTarget ? `${v.reserveTarget}%` : t.reserveDefaultTarget],
    ['reserveCeiling', v.reserveCeiling ? `${v.reserveCeiling}%` : t.reserveDefaultCeiling],
    ['reserveRecoveryYears', v.reserveRecoveryYears || '1'],
    ['reserveCap', v.reserveCap ? `€ ${v.reserveCap}` : t.reserveNoCap],
    ['reserveCapFromYear', v.reserveCapFromYear || t.reserveEveryYear],
  ];
  const shown = (value: string, fallback: string): string => value || fallback;
  const budgetDefault = data.defaults.budget.join(', ');
  const accountabilityDefault = data.defaults.accountability.join(', ');
  const roundsDefault = String(data.defaults.oprDisputeAfterRounds);
  const accountabilityShown = shown(
    v.accountabilityReminderOffsetsBusinessDays,
    accountabilityDefault,
  );
  return page(ctx, {
    title: t.settingsTitle,
    nav: 'admin',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/admin">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${t.settingsTitle}</h1>
        ${notice(data.message)}
        <p>${t.settingsIntro}</p>
        ${
          data.canEdit
            ? html`${errorSummary(ctx, e, labels)}
                <form method="post" action="/app/admin/settings" novalidate>
                  ${csrfField(ctx)}
                  <div class="panel form-section">
                    ${textField(ctx, { name: 'reminderOffsetsBusinessDays', label: labels.reminderOffsetsBusinessDays, hint: t.reminderDaysHint(budgetDefault), value: v.reminderOffsetsBusinessDays, errors: e, width: 'short' })}
                    ${textField(ctx, { name: 'accountabilityReminderOffsetsBusinessDays', label: labels.accountabilityReminderOffsetsBusinessDays, hint: t.reminderDaysHint(accountabilityDefault), value: v.accountabilityReminderOffsetsBusinessDays, errors: e, width: 'short' })}
                    ${textField(ctx, { name: 'opRDisputeAfterRounds', label: labels.opRDisputeAfterRounds, hint: t.oprDisputeRoundsHint(data.defaults.oprDisputeAfterRounds), value: v.opRDisputeAfterRounds, errors: e, inputmode: 'numeric', width: 'short' })}
                  </div>
                  <fieldset class="panel form-section">
                    <legend>${t.reserveRuleTitle}</legend>
                    <p class="hint">${t.reserveRuleIntro}</p>
                    ${textField(ctx, { name: 'reserveTarget', label: labels.reserveTarget, hint: t.reserveTargetHint, value: v.reserveTarget, errors: e, inputmode: 'decimal', width: 'short' })}
                    ${textField(ctx, { name: 'reserveCeiling', label: labels.reserveCeiling, hint: t.reserveCeilingHint, value: v.reserveCeiling, errors: e, inputmode: 'decimal', width: 'short' })}
                    ${textField(ctx, { name: 'reserveRecoveryYears', label: labels.reserveRecoveryYears, hint: t.reserveRecoveryYearsHint, value: v.reserveRecoveryYears, errors: e, inputmode: 'numeric', width: 'short' })}
                    ${textField(ctx, { name: 'reserveCap', label: labels.reserveCap, hint: t.reserveCapHint, value: v.reserveCap, errors: e, inputmode: 'decimal', width: 'short' })}
                    ${textField(ctx, { name: 'reserveCapFromYear', label: labels.reserveCapFromYear, hint: t.reserveCapFromYearHint, value: v.reserveCapFromYear, errors: e, inputmode: 'numeric', width: 'short' })}
                  </fieldset>
                  <div class="actions">
                    <button type="submit" class="button">${t.save}</button>
                    <a href="/app/admin">${t.cancel}</a>
                  </div>
                </form>`
            : html`<dl class="details">
                <dt>${labels.reminderOffsetsBusinessDays}</dt>
                <dd>${shown(v.reminderOffsetsBusinessDays, budgetDefault)}</dd>
                <dt>${labels.accountabilityReminderOffsetsBusinessDays}</dt>
                <dd>${accountabilityShown}</dd>
                <dt>${labels.opRDisputeAfterRounds}</dt>
                <dd>${shown(v.opRDisputeAfterRounds, roundsDefault)}</dd>
                ${reserveRows.map(
                  ([field, value]) =>
                    html`<dt>${labels[field]}</dt>
                      <dd>${value}</dd>`,
                )}
              </dl>`
        }
      </div>`,
  });
}
