import { reserveRuleText, type BudgetBody, type ReserveRule } from '@jaarcyclus/domain';
import { renderText } from '@jaarcyclus/i18n';
import type { Cycle } from '@jaarcyclus/persistence';
import type { BudgetPhase } from '@jaarcyclus/workflows';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { MAX_DOCUMENT_BYTES, type DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import type { BudgetDecision, BudgetFormState, BudgetFormValues } from '../budget-form';
import {
  BUDGET_FORM_FIELDS,
  PROPOSAL_FILE_FIELD,
  PROPOSAL_FILE_REMOVE_FIELD,
} from '../budget-form';
import {
  errorSummary,
  fileField,
  proposalLink,
  tableRegion,
  textField,
  uploadedDocumentField,
} from '../components';
import { html, type SafeHtml } from '../html';
import { formatAmount, formatBytes, formatDate, formatDateTime, type Messages } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
import { DOCUMENT_ACCEPT } from '../proposal-source';
import { newCyclesSections } from './new-cycles.pages';

/** The phase of a budget cycle (also the status the worker writes to the Cycle read model). */
export function phaseText(t: Messages, phase: string): string {
  if (phase === FAILED) return t.phaseFailed;
  return (t.phaseName as Record<string, string>)[phase] ?? t.phaseUnknown;
}

/** The list status of a cycle whose workflow closed without finishing (BudgetService.failed). */
const FAILED = 'failed';

/** Finished: the letters went out, or the cycle failed; nothing is asked of anyone any more. */
const FINISHED: readonly string[] = [...(['letters_sent'] satisfies BudgetPhase[]), FAILED];

function cycleTable(ctx: WebContext, label: string, cycles: Cycle[]): SafeHtml {
  const { t } = ctx;
  return tableRegion(
    label,
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t.budgetYear}</th>
          <th scope="col">${t.cycleTitle}</th>
          <th scope="col">${t.phase}</th>
          <th scope="col">${t.lastUpdated}</th>
        </tr>
      </thead>
      <tbody>
        ${cycles.map(
          (c) =>
            html`<tr>
              <td>${c.year}</td>
              <th scope="row"><a href="/app/cycles/budget/${c.year}">${c.title}</a></th>
              <td>${phaseText(t, c.status)}</td>
              <td>
                <time datetime="${c.updatedAt.toISOString()}"
                  >${formatDate(ctx.locale, c.updatedAt)}</time
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** The accountability cycles of the SWV, each linking to its overview per school. */
function accountabilityTable(ctx: WebContext, cycles: Cycle[]): SafeHtml {
  const { t } = ctx;
  const phases = t.acc.phaseName as Record<string, string>;
  return tableRegion(
    t.acc.cyclesSection,
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t.acc.accountingYear}</th>
          <th scope="col">${t.cycleTitle}</th>
          <th scope="col">${t.phase}</th>
          <th scope="col">${t.lastUpdated}</th>
        </tr>
      </thead>
      <tbody>
        ${cycles.map(
          (c) =>
            html`<tr>
              <td>${c.year}</td>
              <th scope="row">
                <a href="/app/cycles/accountability/${c.year}"
                  >${c.title || t.acc.linkFromCycles(c.year)}</a
                >
              </th>
              <td>${phases[c.status] ?? t.phaseUnknown}</td>
              <td>
                <time datetime="${c.updatedAt.toISOString()}"
                  >${formatDate(ctx.locale, c.updatedAt)}</time
                >
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/**
 * Running and finished budget cycles of the SWV, newest year first, and its accountability
 * cycles (`accountabilityCycles`: Cycle rows of kind 'accountability').
 */
export function cyclesPage(
  ctx: WebContext,
  data: {
    cycles: Cycle[];
    accountabilityCycles?: Cycle[];
    supportPlanCycles?: Cycle[];
    ectCycles?: Cycle[];
    canStart: boolean;
  },
): string {
  const { t } = ctx;
  const running = data.cycles.filter((c) => !FINISHED.includes(c.status));
  const finished = data.cycles.filter((c) => FINISHED.includes(c.status));
  const accountability = data.accountabilityCycles ?? [];
  return page(ctx, {
    title: t.cyclesTitle,
    nav: 'cycles',
    body: html`<h1>${t.cyclesTitle}</h1>
      <p class="lead">${t.cyclesIntro}</p>
      ${
        data.canStart
          ? html`<p class="actions">
              <a class="button" href="/app/cycles/budget/new">${t.newBudgetCycle}</a>
              <a class="button button--secondary" href="/app/cycles/accountability/new"
                >${t.acc.newCycle}</a
              >
              <a class="button button--secondary" href="/app/cycles/support-plan/new"
                >${t.sp.newCycle}</a
              >
              <a class="button button--secondary" href="/app/cycles/ect-evaluation/new"
                >${t.ectEval.newCycle}</a
              >
            </p>`
          : ''
      }
      <section aria-labelledby="running-cycles">
        <h2 id="running-cycles">${t.runningCycles}</h2>
        ${
          running.length === 0
            ? html`<div class="empty">
                <p><strong>${t.noCycles}</strong></p>
                <p>${data.canStart ? t.noCyclesSecretariat : t.noCyclesOthers}</p>
              </div>`
            : cycleTable(ctx, t.runningCycles, running)
        }
      </section>
      <section aria-labelledby="finished-cycles">
        <h2 id="finished-cycles">${t.finishedCycles}</h2>
        ${
          finished.length === 0
            ? html`<p class="muted">${t.noFinishedCycles}</p>`
            : cycleTable(ctx, t.finishedCycles, finished)
        }
      </section>
      <section aria-labelledby="visitation-programmes">
        <h2 id="visitation-programmes">${t.vis.listTitle}</h2>
        <p><a href="/app/visitations">${t.vis.navTitle}</a></p>
      </section>
      <section aria-labelledby="accountability-cycles">
        <h2 id="accountability-cycles">${t.acc.cyclesSection}</h2>
        <p><a href="/app/cycles/accountability/format">${t.fmt.link}</a></p>
        ${
          accountability.length === 0
            ? html`<p class="muted">${t.acc.noCycles}</p>`
            : accountabilityTable(ctx, accountability)
        }
      </section>
      ${newCyclesSections(ctx, { supportPlan: data.supportPlanCycles ?? [], ect: data.ectCycles ?? [] })}`,
  });
}

function labels(t: Messages): Record<string, string> {
  return {
    budgetYear: t.budgetYear,
    title: t.titleOptional,
    [PROPOSAL_FILE_FIELD]: t.proposalFile,
    proposalUrl: t.proposalUrl,
    versionLabel: t.versionLabel,
    amountPerPupil: t.amountPerPupil,
    equity: t.equity,
    turnover: t.turnover,
    voteDeadline: t.voteDeadline,
    lettersDate: t.lettersDate,
    reminderOffsets: t.reminderOffsets,
  };
}

/**
 * The proposal as a file or a link (exactly one; checked by proposal-source.ts): a file
 * uploaded by an earlier post is shown with a box to stop using it. The form posts multipart.
 */
export function proposalSourceFields(
  ctx: WebContext,
  o: {
    document: DocumentInfo | null;
    fields: { file: string; url: string; documentId: string; remove: string };
    url: string;
    errors: FieldError[];
  },
): SafeHtml {
  const { t } = ctx;
  const max = formatBytes(ctx.locale, MAX_DOCUMENT_BYTES);
  return html`${
    o.document
      ? uploadedDocumentField(ctx, {
          document: o.document,
          idName: o.fields.documentId,
          removeName: o.fields.remove,
        })
      : ''
  }
  ${fileField(ctx, {
    name: o.fields.file,
    label: t.proposalFile,
    hint: o.document ? t.proposalFileReplaceHint(max) : t.proposalFileHint(max),
    accept: DOCUMENT_ACCEPT,
    errors: o.errors,
  })}
  ${textField(ctx, { name: o.fields.url, label: t.proposalUrl, hint: t.proposalUrlHint, value: o.url, errors: o.errors, type: 'url', autocomplete: 'url' })}`;
}

/**
 * Who decides: the SWV's own bodies by name and decision kind (never their keys), or, when the
 * budget cannot be put to them (no approving body, a body without members), why not.
 */
export function decidingBodiesSection(ctx: WebContext, decision: BudgetDecision): SafeHtml {
  const { t } = ctx;
  if ('refusal' in decision) {
    return html`<section class="notice notice--warning" aria-labelledby="deciding-bodies">
      <h2 id="deciding-bodies">${t.bodiesMissing}</h2>
      <p>${decision.refusal}</p>
    </section>`;
  }
  return html`<section class="panel form-section" aria-labelledby="deciding-bodies">
    <h2 id="deciding-bodies">${t.sectionBodies}</h2>
    <p>${t.bodiesIntro}</p>
    <ul class="deciding-bodies">
      ${decision.bodies.map(
        (b) => html`<li>${t.bodyDecides(b.name, t.decisionKind[b.decisionKind])}</li>`,
      )}
    </ul>
    <p class="hint">${t.bodiesFromAdmin}</p>
    <p><strong>${t.invitationsAt}:</strong> ${invitationsText(ctx, decision.invitationsAt)}</p>
  </section>`;
}

/** When the members are invited: at once, or at the next business moment (08:00–18:00). */
function invitationsText(ctx: WebContext, at: string | null): SafeHtml | string {
  const { t } = ctx;
  if (at === null) return t.invitationsNow;
  return html`<time datetime="${at}"
    >${t.invitationsLater(formatDateTime(ctx.locale, new Date(at)))}</time
  >`;
}

/** The form: three groups (proposal, amounts, schedule); "Voorbeeld" shows what would happen. */
export function newCyclePage(ctx: WebContext, form: BudgetFormState): string {
  const { t } = ctx;
  const v = form.values;
  const e = form.errors;
  return page(ctx, {
    title: t.newBudgetCycle,
    nav: 'cycles',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <div class="narrow">
        <h1>${t.newBudgetCycle}</h1>
        <p>${t.newCycleIntro}</p>
        ${errorSummary(ctx, e, labels(t))}
        ${form.decision ? decidingBodiesSection(ctx, form.decision) : ''}
        <form method="post" action="/app/cycles/budget" enctype="multipart/form-data" novalidate>
          ${csrfField(ctx)}
          <input type="hidden" name="step" value="preview" />
          <fieldset class="panel form-section">
            <legend>${t.sectionProposal}</legend>
            ${textField(ctx, { name: 'budgetYear', label: t.budgetYear, hint: t.budgetYearHint, value: v.budgetYear, errors: e, inputmode: 'numeric', width: 'short', required: true })}
            ${textField(ctx, { name: 'title', label: t.titleOptional, hint: t.titleHint, value: v.title, errors: e })}
            ${proposalSourceFields(ctx, {
              document: form.document ?? null,
              fields: {
                file: PROPOSAL_FILE_FIELD,
                url: 'proposalUrl',
                documentId: 'proposalDocumentId',
                remove: PROPOSAL_FILE_REMOVE_FIELD,
              },
              url: v.proposalUrl,
              errors: e,
            })}
            ${textField(ctx, { name: 'versionLabel', label: t.versionLabel, hint: t.versionLabelHint, value: v.versionLabel, errors: e, required: true })}
          </fieldset>
          <fieldset class="panel form-section">
            <legend>${t.sectionFigures}</legend>
            ${textField(ctx, { name: 'amountPerPupil', label: t.amountPerPupil, hint: t.amountPerPupilHint, value: v.amountPerPupil, errors: e, inputmode: 'decimal', width: 'short', required: true })}
            ${textField(ctx, { name: 'equity', label: t.equity, hint: t.equityHint, value: v.equity, errors: e, width: 'short', required: true })}
            ${textField(ctx, { name: 'turnover', label: t.turnover, hint: t.turnoverHint, value: v.turnover, errors: e, inputmode: 'decimal', width: 'short', required: true })}
          </fieldset>
          <fieldset class="panel form-section">
            <legend>${t.sectionDates}</legend>
            ${textField(ctx, { name: 'voteDeadline', label: t.voteDeadline, hint: t.voteDeadlineHint, value: v.voteDeadline, errors: e, type: 'datetime-local' })}
            ${textField(ctx, { name: 'lettersDate', label: t.lettersDate, hint: t.lettersDateHint, value: v.lettersDate, errors: e, type: 'datetime-local' })}
            ${textField(ctx, { name: 'reminderOffsets', label: t.reminderOffsets, hint: t.reminderOffsetsHint, value: v.reminderOffsets, errors: e, width: 'short' })}
          </fieldset>
          <div class="actions">
            <button type="submit" class="button">${t.previewButton}</button>
            <a href="/app/cycles">${t.cancel}</a>
          </div>
        </form>
      </div>`,
  });
}

/** What BudgetService.preview answers. */
export interface CyclePreview {
  title: string;
  bodyKeys: string[];
  /** The bodies by name and decision kind, in the order they are shown. */
  bodies: BudgetBody[];
  /** When the invitations go out if started now: null for at once. */
  invitationsAt: string | null;
  /** The reserve rule the allocation letters will apply. */
  reserveRule: ReserveRule;
  voteDeadline: string;
  lettersDate: string;
  reminderOffsetsBusinessDays: number[];
  timeline: { at: string; kind: string; label: string }[];
}

type ScheduleKind = keyof Messages['scheduleKind'];
const isScheduleKind = (t: Messages, kind: string): kind is ScheduleKind => kind in t.scheduleKind;

/** The typed values travel along unchanged, so "Start" checks and computes exactly what was shown. */
function hiddenValues(values: BudgetFormValues): SafeHtml {
  return html`${BUDGET_FORM_FIELDS.map(
    (name) => html`<input type="hidden" name="${name}" value="${values[name]}" />`,
  )}`;
}

export function previewPage(
  ctx: WebContext,
  data: {
    values: BudgetFormValues;
    preview: CyclePreview;
    budgetYear: number;
    proposalUrl: string | null;
    /** The uploaded proposal `proposalUrl` downloads, if it is one. */
    proposalDocument?: DocumentInfo | null;
    cents: { amountPerPupil: number; equity: number; turnover: number };
    alert: string | null;
  },
): string {
  const { t } = ctx;
  const { preview } = data;
  const at = (iso: string): SafeHtml =>
    html`<time datetime="${iso}">${formatDateTime(ctx.locale, new Date(iso))}</time>`;
  const rows: [string, SafeHtml | string][] = [
    [t.budgetYear, String(data.budgetYear)],
    [t.cycleTitle, preview.title],
    [
      t.proposal,
      html`${data.values.versionLabel}${data.proposalUrl ? html` – ${proposalLink(ctx, data.proposalUrl, data.proposalDocument ?? null)}` : ''}`,
    ],
    [t.amountPerPupil, formatAmount(data.cents.amountPerPupil)],
    [t.equity, formatAmount(data.cents.equity)],
    [t.turnover, formatAmount(data.cents.turnover)],
    [t.reserveRuleRow, renderText(ctx.locale, reserveRuleText(preview.reserveRule))],
    [
      t.decidingBodies,
      html`<ul class="deciding-bodies">
        ${preview.bodies.map(
          (b) => html`<li>${t.bodyDecides(b.name, t.decisionKind[b.decisionKind])}</li>`,
        )}
      </ul>`,
    ],
    [t.invitationsAt, invitationsText(ctx, preview.invitationsAt)],
    // The budget addresses board members and the office: their calendar, not a school's.
    [t.calendarRow, t.calendarOffice],
    [t.reminderOffsets, t.reminderDays(preview.reminderOffsetsBusinessDays)],
    [t.voteDeadline, at(preview.voteDeadline)],
    [t.lettersDate, at(preview.lettersDate)],
  ];
  return page(ctx, {
    title: t.previewTitle,
    nav: 'cycles',
    hasErrors: data.alert !== null,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${t.previewTitle}</h1>
      ${data.alert ? html`<div class="error-summary" role="alert"><p>${data.alert}</p></div>` : ''}
      <p>${t.previewIntro}</p>
      <section class="panel" aria-labelledby="preview-details">
        <h2 id="preview-details">${preview.title}</h2>
        <dl class="details">
          ${rows.map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd>${v}</dd>`,
          )}
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
              ${preview.timeline.map(
                (entry) =>
                  html`<tr class="schedule-${entry.kind}">
                    <td>${at(entry.at)}</td>
                    <td>
                      ${
                        isScheduleKind(t, entry.kind)
                          ? html`<span class="tag">${t.scheduleKind[entry.kind]}</span>
                              ${t.scheduleText[entry.kind]}`
                          : entry.label
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`,
        )}
      </section>
      <form method="post" action="/app/cycles/budget">
        ${csrfField(ctx)} ${hiddenValues(data.values)}
        <div class="actions">
          <button type="submit" name="step" value="start" class="button">${t.startCycle}</button>
          <button type="submit" name="step" value="edit" class="button button--secondary">
            ${t.change}
          </button>
        </div>
      </form>`,
  });
}
