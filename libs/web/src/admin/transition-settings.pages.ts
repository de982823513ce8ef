import type { TransitionSettings } from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, textField } from '../components';
import { html } from '../html';
import { csrfField, page, type WebContext } from '../layout';

export const TRANSITION_SETTING_FIELDS = [
  'orientationDays',
  'consultationDays',
  'decisionDays',
  'handoverDays',
  'evaluationWeeks',
  'stallBusinessDays',
  'escalationBusinessDays',
  'retentionMonths',
] as const satisfies readonly (keyof TransitionSettings)[];

export type TransitionSettingField = (typeof TRANSITION_SETTING_FIELDS)[number];
/** The fields as typed (a refused value is shown again as it was typed). */
export type TransitionSettingValues = Record<TransitionSettingField, string>;

/**
 * The SWV's schakeltraject settings under "Beheer": the due days of the four phases, the OPP
 * evaluation interval, the stall and escalation days and the retention period. Administrators
 * change them; the office reads them.
 */
export function transitionSettingsPage(
  ctx: WebContext,
  data: {
    values: TransitionSettingValues;
    defaults: TransitionSettings;
    custom: boolean;
    errors: FieldError[];
    canEdit: boolean;
    message: string | null;
  },
): string {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  const labels: Record<TransitionSettingField, string> = {
    orientationDays: t.tsOrientationDays,
    consultationDays: t.tsConsultationDays,
    decisionDays: t.tsDecisionDays,
    handoverDays: t.tsHandoverDays,
    evaluationWeeks: t.tsEvaluationWeeks,
    stallBusinessDays: t.tsStallBusinessDays,
    escalationBusinessDays: t.tsEscalationBusinessDays,
    retentionMonths: t.tsRetentionMonths,
  };
  const extra: Partial<Record<TransitionSettingField, string>> = {
    stallBusinessDays: t.tsStallHint,
    retentionMonths: t.tsRetentionHint,
  };
  const field = (name: TransitionSettingField) =>
    textField(ctx, {
      name,
      label: labels[name],
      hint: [extra[name], t.tsDefaultHint(data.defaults[name])].filter(Boolean).join(' '),
      value: v[name],
      errors: e,
      inputmode: 'numeric',
      width: 'short',
    });
  const phases: TransitionSettingField[] = [
    'orientationDays',
    'consultationDays',
    'decisionDays',
    'handoverDays',
  ];
  const rest: TransitionSettingField[] = [
    'evaluationWeeks',
    'stallBusinessDays',
    'escalationBusinessDays',
    'retentionMonths',
  ];
  return page(ctx, {
    title: t.tsTitle,
    nav: 'admin',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/admin">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${t.tsTitle}</h1>
        ${notice(data.message)}
        <p>${t.tsIntro}</p>
        ${data.custom ? '' : html`<p class="hint">${t.tsDefaultsInForce}</p>`}
        ${
          data.canEdit
            ? html`${errorSummary(ctx, e, labels)}
                <form method="post" action="/app/admin/transitions" novalidate>
                  ${csrfField(ctx)}
                  <fieldset class="panel form-section">
                    <legend>${t.tsPhasesLegend}</legend>
                    <p class="hint">${t.tsPhasesHint}</p>
                    ${phases.map(field)}
                  </fieldset>
                  <div class="panel form-section">${rest.map(field)}</div>
                  <div class="actions">
                    <button type="submit" class="button">${t.save}</button>
                    <a href="/app/admin">${t.cancel}</a>
                  </div>
                </form>`
            : html`<dl class="details">
                ${TRANSITION_SETTING_FIELDS.map(
                  (f) =>
                    html`<dt>${labels[f]}</dt>
                      <dd>${v[f]}</dd>`,
                )}
              </dl>`
        }
      </div>`,
  });
}
