import type { SupportPlanStatus } from '@jaarcyclus/workflows';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  checkboxesField,
  errorSummary,
  notice,
  selectField,
  tableRegion,
  textField,
} from '../components';
import { html, type SafeHtml } from '../html';
import { formatDate, formatDateTime } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
import { bodyCard, timelineSection } from './budget-cycle.pages';

/** What the start form holds; travels unchanged through the preview. */
export interface SupportPlanFormValues {
  firstYear: string;
  versionLabel: string;
  url: string;
  voteDeadline: string;
  bodyKeys: string[];
}

export interface DecidingBody {
  key: string;
  name: string;
  decisionKind: string;
}

const at = (ctx: WebContext, iso: string): SafeHtml =>
  html`<time datetime="${iso}">${formatDateTime(ctx.locale, new Date(iso))}</time>`;
/** A calendar date (YYYY-MM-DD) as the reader writes it. */
const day = (ctx: WebContext, date: string): string =>
  formatDate(ctx.locale, new Date(`${date}T12:00:00Z`));

function formFields(
  ctx: WebContext,
  values: SupportPlanFormValues,
  bodies: DecidingBody[],
  errors: FieldError[],
): SafeHtml {
  const { t } = ctx;
  return html`${textField(ctx, {
    name: 'firstYear',
    label: t.sp.firstYear,
    hint: t.sp.firstYearHint,
    value: values.firstYear,
    errors,
    inputmode: 'numeric',
    width: 'short',
    required: true,
  })}
  ${textField(ctx, {
    name: 'versionLabel',
    label: t.sp.versionLabel,
    hint: t.sp.versionHint,
    value: values.versionLabel,
    errors,
    required: true,
  })}
  ${textField(ctx, {
    name: 'url',
    label: t.sp.url,
    hint: t.sp.urlHint,
    value: values.url,
    errors,
    type: 'url',
    required: true,
  })}
  ${textField(ctx, {
    name: 'voteDeadline',
    label: t.sp.voteDeadline,
    hint: t.sp.voteDeadlineHint,
    value: values.voteDeadline,
    errors,
    type: 'datetime-local',
  })}
  ${checkboxesField(ctx, {
    name: 'bodyKeys',
    legend: t.sp.bodies,
    hint: t.sp.bodiesHint,
    options: bodies.map((b) => ({
      value: b.key,
      label: `${b.name} (${t.decisionKind[b.decisionKind as 'instemming'] ?? b.decisionKind})`,
    })),
    checked: values.bodyKeys,
    errors,
  })}`;
}

export const SUPPORT_PLAN_FORM_LABELS = (ctx: WebContext): Record<string, string> => ({
  firstYear: ctx.t.sp.firstYear,
  versionLabel: ctx.t.sp.versionLabel,
  url: ctx.t.sp.url,
  voteDeadline: ctx.t.sp.voteDeadline,
  bodyKeys: ctx.t.sp.bodies,
});

/** The secretariat's start form: period, plan, deadline, the SWV's own deciding bodies. */
export function supportPlanStartPage(
  ctx: WebContext,
  data: { values: SupportPlanFormValues; bodies: DecidingBody[]; errors: FieldError[] },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.sp.startTitle,
    nav: 'cycles',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.sp.startTitle}</h1>
      ${errorSummary(ctx, data.errors, SUPPORT_PLAN_FORM_LABELS(ctx))}
      <p class="lead">${t.sp.startIntro}</p>
      ${
        data.bodies.length === 0
          ? html`<div class="notice notice--info"><p>${t.sp.noBodies}</p></div>`
          : html`<form method="post" action="/app/cycles/support-plan" novalidate>
              ${csrfField(ctx)} ${formFields(ctx, data.values, data.bodies, data.errors)}
              <div class="actions">
                <button type="submit" name="step" value="preview" class="button">
                  ${t.sp.preview}
                </button>
              </div>
            </form>`
      }`,
  });
}

/** Every planned date, with the values carried to "Start". */
export function supportPlanPreviewPage(
  ctx: WebContext,
  data: {
    values: SupportPlanFormValues;
    preview: {
      title: string;
      firstYear: number;
      lastYear: number;
      voteDeadline: string;
      bodies: DecidingBody[];
      schedule: { at: string; kind: string }[];
    };
  },
): string {
  const { t } = ctx;
  const { preview, values } = data;
  return page(ctx, {
    title: t.sp.previewTitle,
    nav: 'cycles',
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.sp.previewTitle}</h1>
      <p>${t.sp.previewIntro}</p>
      <section class="panel" aria-labelledby="preview-details">
        <h2 id="preview-details">${preview.title}</h2>
        <dl class="details">
          <dt>${t.sp.period}</dt>
          <dd>${t.sp.periodText(preview.firstYear, preview.lastYear)}</dd>
          <dt>${t.sp.proposal}</dt>
          <dd>${values.versionLabel} – <a href="${values.url}">${values.url}</a></dd>
          <dt>${t.sp.bodies}</dt>
          <dd>
            ${preview.bodies
              .map((b) => `${b.name} (${t.decisionKind[b.decisionKind as 'instemming'] ?? ''})`)
              .join(', ')}
          </dd>
          <dt>${t.sp.voteDeadline}</dt>
          <dd>${at(ctx, preview.voteDeadline)}</dd>
          <dt>${t.calendarRow}</dt>
          <dd>${t.calendarOffice}</dd>
        </dl>
      </section>
      <section aria-labelledby="preview-schedule">
        <h2 id="preview-schedule">${t.schedule}</h2>
        ${tableRegion(
          t.schedule,
          html`<table>
            <thead>
              <tr>
                <th scope="col">${t.when}</th>
                <th scope="col">${t.what}</th>
              </tr>
            </thead>
            <tbody>
              ${preview.schedule.map(
                (e) =>
                  html`<tr>
                    <td>${at(ctx, e.at)}</td>
                    <td>${t.sp.scheduleKind[e.kind] ?? e.kind}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
        )}
      </section>
      <form method="post" action="/app/cycles/support-plan">
        ${csrfField(ctx)}
        ${(['firstYear', 'versionLabel', 'url', 'voteDeadline'] as const).map(
          (name) => html`<input type="hidden" name="${name}" value="${values[name]}" />`,
        )}
        ${values.bodyKeys.map((k) => html`<input type="hidden" name="bodyKeys" value="${k}" />`)}
        <div class="actions">
          <button type="submit" name="step" value="start" class="button">${t.sp.start}</button>
          <button type="submit" name="step" value="edit" class="button button--secondary">
            ${t.sp.edit}
          </button>
        </div>
      </form>`,
  });
}

/** The action forms' fields, kept when a post is refused. */
export const SUPPORT_PLAN_ACTION_FIELDS = [
  'referredOn',
  'caseReference',
  'outcome',
  'decidedOn',
  'revisionVersion',
  'revisionUrl',
  'revisionDeadline',
] as const;
export type SupportPlanActionField = (typeof SUPPORT_PLAN_ACTION_FIELDS)[number];

export interface SupportPlanPageData {
  status: SupportPlanStatus;
  period: string;
  names: Map<string, string>;
  canManage: boolean;
  isCycleDirector: boolean;
  message: string | null;
  errors: FieldError[];
  values: Partial<Record<SupportPlanActionField, string>>;
}

function disputeSection(ctx: WebContext, data: SupportPlanPageData): SafeHtml {
  const { t } = ctx;
  const { status } = data;
  const bodyName = (key: string): string =>
    status.rounds.flatMap((r) => r.bodies).find((b) => b.bodyKey === key)?.name ?? key;
  const withheld =
    status.phase === 'consent_withheld'
      ? status.rounds
          .at(-1)
          ?.bodies.find((b) => b.decisionKind === 'instemming' && b.status === 'rejected')
      : undefined;
  if (status.disputes.length === 0 && !withheld) return html``;
  return html`<section aria-labelledby="geschil" class="panel">
    <h2 id="geschil">${t.sp.disputesTitle}</h2>
    ${withheld ? html`<p>${t.sp.disputeWithheld(withheld.name, status.round)}</p>` : ''}
    ${status.disputes.map(
      (d) =>
        html`<dl class="details">
          <dt>${t.sp.round(d.round)}</dt>
          <dd>${bodyName(d.bodyKey)}</dd>
          <dt>${t.sp.referredOn}</dt>
          <dd>${t.sp.disputeReferred(day(ctx, d.referredOn))}</dd>
          ${
            d.caseReference
              ? html`<dt>${t.sp.caseReference}</dt>
                  <dd>${d.caseReference}</dd>`
              : ''
          }
          <dt>${t.sp.outcome}</dt>
          <dd>
            ${
              d.outcome
                ? html`${t.sp.outcomeName[d.outcome] ?? d.outcome}
                  (${t.sp.decidedOn(day(ctx, d.decidedOn ?? ''))})`
                : t.sp.disputeOpen
            }
          </dd>
        </dl>`,
    )}
  </section>`;
}

function actionsSection(ctx: WebContext, data: SupportPlanPageData): SafeHtml {
  const { t } = ctx;
  const { status, errors, values } = data;
  const action = `/app/cycles/support-plan/${data.period}`;
  const forms: SafeHtml[] = [];
  if (data.canManage && status.phase === 'consent_withheld') {
    forms.push(
      html`<form method="post" action="${action}/dispute" class="panel" novalidate>
        <h3>${t.sp.referTitle}</h3>
        ${csrfField(ctx)}
        ${textField(ctx, {
          name: 'referredOn',
          label: t.sp.referredOn,
          hint: t.sp.dateHint,
          value: values.referredOn ?? '',
          errors,
          width: 'short',
          required: true,
        })}
        ${textField(ctx, {
          name: 'caseReference',
          label: t.sp.caseReference,
          value: values.caseReference ?? '',
          errors,
          width: 'short',
        })}
        <div class="actions"><button type="submit" class="button">${t.sp.refer}</button></div>
      </form>`,
    );
  }
  if (data.canManage && status.phase === 'dispute') {
    forms.push(
      html`<form method="post" action="${action}/ruling" class="panel" novalidate>
        <h3>${t.sp.rulingTitle}</h3>
        ${csrfField(ctx)}
        ${selectField(ctx, {
          name: 'outcome',
          label: t.sp.outcome,
          value: values.outcome ?? '',
          errors,
          options: [
            { value: '', label: '' },
            ...Object.entries(t.sp.outcomeName).map(([value, label]) => ({ value, label })),
          ],
        })}
        ${textField(ctx, {
          name: 'decidedOn',
          label: t.sp.rulingDate,
          hint: t.sp.dateHint,
          value: values.decidedOn ?? '',
          errors,
          width: 'short',
          required: true,
        })}
        <div class="actions">
          <button type="submit" class="button">${t.sp.recordRuling}</button>
        </div>
      </form>`,
    );
  }
  if (
    data.canManage &&
    (status.phase === 'consent_withheld' || status.phase === 'rejected_awaiting_revision')
  ) {
    forms.push(
      html`<form method="post" action="${action}/revision" class="panel" novalidate>
        <h3>${t.sp.revisionTitle}</h3>
        ${csrfField(ctx)}
        ${textField(ctx, {
          name: 'revisionVersion',
          label: t.sp.versionLabel,
          value: values.revisionVersion ?? '',
          errors,
          required: true,
        })}
        ${textField(ctx, {
          name: 'revisionUrl',
          label: t.sp.url,
          hint: t.sp.urlHint,
          value: values.revisionUrl ?? '',
          errors,
          type: 'url',
          required: true,
        })}
        ${textField(ctx, {
          name: 'revisionDeadline',
          label: t.sp.revisionDeadline,
          hint: t.sp.revisionDeadlineHint,
          value: values.revisionDeadline ?? '',
          errors,
          type: 'datetime-local',
        })}
        <div class="actions"><button type="submit" class="button">${t.sp.revise}</button></div>
      </form>`,
    );
  }
  if (data.isCycleDirector && status.phase === 'awaiting_adoption') {
    forms.push(
      html`<form method="post" action="${action}/adopt" class="panel">
        <h3>${t.sp.adoptTitle}</h3>
        ${csrfField(ctx)}
        <p>${t.sp.adoptIntro}</p>
        <div class="actions"><button type="submit" class="button">${t.sp.adopt}</button></div>
      </form>`,
    );
  }
  if (forms.length === 0) return html``;
  return html`<section aria-labelledby="acties">
    <h2 id="acties">${t.actionsTitle}</h2>
    ${forms}
  </section>`;
}

const ACTION_LABELS = (ctx: WebContext): Record<string, string> => ({
  referredOn: ctx.t.sp.referredOn,
  caseReference: ctx.t.sp.caseReference,
  outcome: ctx.t.sp.outcome,
  decidedOn: ctx.t.sp.rulingDate,
  revisionVersion: ctx.t.sp.versionLabel,
  revisionUrl: ctx.t.sp.url,
  revisionDeadline: ctx.t.sp.revisionDeadline,
});

/** The cycle for the office: phase, the current round's bodies, the dispute, actions, timeline. */
export function supportPlanCyclePage(ctx: WebContext, data: SupportPlanPageData): string {
  const { t } = ctx;
  const { status } = data;
  const adopted = status.adoption.adoptedAt;
  return page(ctx, {
    title: status.title,
    nav: 'cycles',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${status.title}</h1>
      ${notice(data.message)} ${errorSummary(ctx, data.errors, ACTION_LABELS(ctx))}
      <dl class="details panel">
        <dt>${t.sp.period}</dt>
        <dd>${t.sp.periodText(status.firstYear, status.lastYear)}</dd>
        <dt>${t.phase}</dt>
        <dd><span class="state">${t.sp.phaseName[status.phase] ?? t.phaseUnknown}</span></dd>
        <dt>${t.sp.proposal}</dt>
        <dd>
          ${status.proposal.versionLabel}${
            status.proposal.url
              ? html` – <a href="${status.proposal.url}">${status.proposal.url}</a>`
              : ''
          }
        </dd>
        <dt>${t.sp.round(status.round)}</dt>
        <dd>${at(ctx, status.bodies[0]?.deadline ?? status.voteDeadline)}</dd>
        ${
          adopted
            ? html`<dt>${t.sp.adoptTitle}</dt>
                <dd>
                  ${t.sp.adoptedOn(
                    formatDateTime(ctx.locale, new Date(adopted)),
                    data.names.get(status.adoption.adoptedByPersonId ?? '') ?? '',
                  )}
                </dd>`
            : ''
        }
      </dl>
      ${disputeSection(ctx, data)} ${actionsSection(ctx, data)}
      <section aria-labelledby="organen">
        <h2 id="organen">${t.sp.currentRound}</h2>
        ${status.bodies.map((b) => bodyCard(ctx, b, data.names))}
      </section>
      ${timelineSection(ctx, data)}`,
  });
}
