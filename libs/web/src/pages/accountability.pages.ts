import {
  type AppendixRowChange,
  compareFigures,
  formatFte,
  SCHOOL_ACCOUNTABILITY_STATUSES,
  type AccountabilityFormat,
  type AccountabilitySubmissionFigures,
  type SchoolAccountabilityStatus,
  type SchoolRegion,
} from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type {
  AccountabilityCyclesService,
  OverviewFilter,
} from '@jaarcyclus/api/accountability/accountability-cycles.service';
import type { SchoolAccountabilityService } from '@jaarcyclus/api/accountability/school-accountability.service';
import {
  appendixField,
  expenseField,
  incomeField,
  type AccountabilityFormValues,
} from '../accountability-form';
import { SCHOOLS_FIELD, type AccountabilityStartState } from '../accountability-start-form';
import {
  checkboxesField,
  errorSummary,
  listErrors,
  notice,
  selectField,
  tableRegion,
  textArea,
  textField,
} from '../components';
import { html, type SafeHtml } from '../html';
import { agreementsSection } from './new-cycles.pages';
import { formatAmount, formatDateTime, type Messages } from '../i18n';
import { csrfField, page, type NavKey, type WebContext } from '../layout';

export type SchoolDetail = Awaited<ReturnType<SchoolAccountabilityService['detail']>>;
export type SchedulePreview = Awaited<ReturnType<AccountabilityCyclesService['preview']>>;
export type CycleOverview = Awaited<ReturnType<AccountabilityCyclesService['overview']>>;
type Version = SchoolDetail['versions'][number];
export type MailHistory = Awaited<ReturnType<SchoolAccountabilityService['mailHistory']>>;
export type Conversation = Awaited<ReturnType<SchoolAccountabilityService['conversation']>>;

/** The conversation and, when the reader may reply, the form (its action and what was typed). */
export interface ThreadView {
  messages: Conversation;
  reply?: { action: string; value: string };
}

/**
 * The secretariat's comments and the replies of the school and the secretariat, oldest first,
 * with a reply form for whoever may answer now.
 */
function conversationSection(
  ctx: WebContext,
  d: SchoolDetail,
  thread: ThreadView | undefined,
  errors: FieldError[],
): SafeHtml {
  if (!thread) return html``;
  // The comments of the version just returned stand in their own panel above.
  const shownAbove = d.status === 'returned' ? d.current?.version : undefined;
  const messages = thread.messages.filter(
    (m) => !(m.kind === 'review' && m.version === shownAbove),
  );
  if (messages.length === 0 && !thread.reply) return html``;
  const o = ctx.t.accOffice;
  const heading = (m: Conversation[number]): string =>
    m.kind === 'review'
      ? o.threadReview(m.version)
      : m.side === 'school'
        ? o.threadSchool
        : o.threadOffice;
  return html`<section class="panel" aria-labelledby="thread-title" id="thread">
    <h2 id="thread-title">${o.threadTitle}</h2>
    <p class="hint">${o.threadIntro}</p>
    <ol class="thread">
      ${messages.map(
        (m) =>
          html`<li class="thread-message thread-message--${m.side}">
            <p>
              <strong>${heading(m)}</strong>${m.authorName ? ` ${o.threadBy(m.authorName)}` : ''},
              ${at(ctx, m.at)}
            </p>
            <blockquote class="thread-body">${m.body}</blockquote>
          </li>`,
      )}
    </ol>
    ${
      thread.reply
        ? html`<form method="post" action="${thread.reply.action}" novalidate>
            ${csrfField(ctx)}
            ${textArea(ctx, {
              name: 'comment',
              label: o.replyLabel,
              hint: o.replyHint,
              value: thread.reply.value,
              errors,
              required: true,
            })}
            <div class="actions">
              <button type="submit" class="button button--secondary">${o.replyButton}</button>
            </div>
          </form>`
        : ''
    }
  </section>`;
}

function at(ctx: WebContext, iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDateTime(ctx.locale, new Date(iso))}</time>`;
}

export function statusText(t: Messages, status: SchoolAccountabilityStatus): string {
  return t.acc.status[status] ?? status;
}

function daysLateText(t: Messages, days: number): string {
  return days > 0 ? t.acc.daysLateText(days) : t.acc.onTime;
}

/** 'on 4 February 2025 at 10:30 by Ingrid Wolters' (who may be gone from the people list). */
function waivedByText(ctx: WebContext, w: NonNullable<SchoolDetail['waiver']>): SafeHtml {
  return html`${at(ctx, w.at)}${w.byName ? html` ${ctx.t.acc.waivedByPerson(w.byName)}` : ''}`;
}

/** Status, deadline and days late: the banner at the top of the school's page and the review. */
function statusBanner(ctx: WebContext, d: SchoolDetail): SafeHtml {
  const { t } = ctx;
  const late = d.daysLate > 0 || d.status === 'late';
  return html`<div
    class="notice ${d.status === 'accepted' ? 'notice--success' : 'notice--info'}"
    data-status="${d.status}"
  >
    <p><strong>${t.acc.statusLabel}: ${statusText(t, d.status)}</strong></p>
    <dl class="details">
      <dt>${t.acc.deadline}</dt>
      <dd>${at(ctx, d.deadline)}</dd>
      <dt>${t.acc.daysLate}</dt>
      <dd>${late ? daysLateText(t, d.daysLate) : t.acc.onTime}</dd>
      ${
        d.version > 0
          ? html`<dt>${t.acc.version}</dt>
              <dd>${d.version}</dd>`
          : ''
      }
      ${
        d.waiver
          ? html`<dt>${t.acc.waivedBy}</dt>
              <dd>${waivedByText(ctx, d.waiver)}</dd>
              <dt>${t.acc.waiveReason}</dt>
              <dd class="waiver-reason">${d.waiver.reason}</dd>`
          : ''
      }
      ${
        d.deduction
          ? html`<dt>${t.acc.deduction}</dt>
              <dd>
                ${t.acc.deductionText(formatAmount(d.deduction.amountCents), d.deduction.allocationYear)}
              </dd>`
          : ''
      }
    </dl>
  </div>`;
}

/**
 * The secretariat's comments on the version it returned: addressed to the school on its own
 * page, told about the school to everyone else (secretariat, ECT member, bestuurder).
 */
function returnedComments(ctx: WebContext, d: SchoolDetail, reader: 'school' | 'others'): SafeHtml {
  const comments = d.status === 'returned' ? d.current?.reviewComments : null;
  if (!comments) return html``;
  return html`<section class="panel" aria-labelledby="returned-title">
    <h2 id="returned-title">${ctx.t.acc.returnedTitle}</h2>
    <p>${reader === 'school' ? ctx.t.acc.returnedIntro : ctx.t.acc.returnedIntroOthers}</p>
    <blockquote class="review-comments">${comments}</blockquote>
  </section>`;
}

function versionsTable(ctx: WebContext, versions: Version[]): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="versions-title">
    <h2 id="versions-title">${t.acc.versions}</h2>
    ${
      versions.length === 0
        ? html`<p class="empty">${t.acc.noVersions}</p>`
        : tableRegion(
            t.acc.versions,
            html`<table>
              <thead>
                <tr>
                  <th scope="col">${t.acc.version}</th>
                  <th scope="col">${t.acc.submittedAt}</th>
                  <th scope="col">${t.acc.statusLabel}</th>
                  <th scope="col">${t.acc.comments}</th>
                </tr>
              </thead>
              <tbody>
                ${[...versions].reverse().map(
                  (v) =>
                    html`<tr>
                      <td>${v.version ?? ''}</td>
                      <td>${at(ctx, v.submittedAt)}</td>
                      <td>${versionStatus(t, v.status)}</td>
                      <td>${v.reviewComments ?? ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }
  </section>`;
}

function versionStatus(t: Messages, status: string): string {
  return t.acc.status[status] ?? status;
}

// ---- the school's form ----

function lineLabel(ctx: WebContext, label: string, required: boolean): SafeHtml {
  return html`${label}${required ? '' : html` <span class="muted">${ctx.t.acc.optional}</span>`}`;
}

function formBody(
  ctx: WebContext,
  format: AccountabilityFormat,
  values: AccountabilityFormValues,
  errors: FieldError[],
): SafeHtml {
  const { t } = ctx;
  return html`<fieldset class="form-section">
      <legend>${t.acc.income}</legend>
      <p class="hint">${t.acc.incomeIntro}</p>
      ${listErrors(ctx, errors, 'income')}
      ${format.incomeLines.map((line) =>
        textField(ctx, {
          name: incomeField(line.key),
          label: `${line.label}${line.required ? '' : ` ${t.acc.optional}`} (€)`,
          value: values.income[line.key] ?? '',
          errors,
          inputmode: 'decimal',
          width: 'short',
        }),
      )}
    </fieldset>
    <fieldset class="form-section">
      <legend>${t.acc.expenses}</legend>
      <p class="hint">${t.acc.expensesIntro}</p>
      ${listErrors(ctx, errors, 'expenses')}
      ${format.expenseLines.map(
        (line) =>
          html`<fieldset class="line-group">
            <legend>${lineLabel(ctx, line.label, line.required)}</legend>
            <div class="line-fields">
              ${textField(ctx, {
                name: expenseField(line.key, 'fte'),
                label: t.acc.fte,
                value: values.expenses[line.key]?.fte ?? '',
                errors,
                inputmode: 'decimal',
                width: 'short',
              })}
              ${textField(ctx, {
                name: expenseField(line.key, 'amount'),
                label: t.acc.amount,
                value: values.expenses[line.key]?.amount ?? '',
                errors,
                inputmode: 'decimal',
                width: 'short',
              })}
            </div>
          </fieldset>`,
      )}
    </fieldset>
    <fieldset class="form-section">
      <legend>${t.acc.appendix}</legend>
      <p class="hint">${t.acc.appendixIntro}</p>
      ${listErrors(ctx, errors, 'appendix')}
      ${values.appendix.map(
        (row, i) =>
          html`<fieldset class="line-group">
            <legend>${t.acc.row(i + 1)}</legend>
            ${textField(ctx, {
              name: appendixField(i, 'description'),
              label: t.acc.description,
              value: row.description,
              errors,
            })}
            ${textField(ctx, {
              name: appendixField(i, 'fte'),
              label: t.acc.fte,
              value: row.fte,
              errors,
              inputmode: 'decimal',
              width: 'short',
            })}
            ${textArea(ctx, {
              name: appendixField(i, 'targetGroup'),
              label: t.acc.targetGroup,
              value: row.targetGroup,
              errors,
            })}
          </fieldset>`,
      )}
      <button type="submit" name="action" value="addRow" class="button button--secondary">
        ${t.acc.addRow}
      </button>
    </fieldset>`;
}

/** Labels for the error summary: the field's own label, with its line. */
function summaryLabels(
  ctx: WebContext,
  format: AccountabilityFormat,
  values: AccountabilityFormValues,
): Record<string, string> {
  const { t } = ctx;
  // In the order of the form: the error summary lists the problems in this order.
  const labels: Record<string, string> = { income: t.acc.income };
  for (const l of format.incomeLines) labels[incomeField(l.key)] = l.label;
  labels.expenses = t.acc.expenses;
  for (const l of format.expenseLines) {
    labels[expenseField(l.key, 'fte')] = `${l.label}, ${t.acc.fte}`;
    labels[expenseField(l.key, 'amount')] = `${l.label}, ${t.acc.amount}`;
  }
  labels.appendix = t.acc.appendix;
  values.appendix.forEach((_, i) => {
    labels[appendixField(i, 'description')] = `${t.acc.row(i + 1)}, ${t.acc.description}`;
    labels[appendixField(i, 'fte')] = `${t.acc.row(i + 1)}, ${t.acc.fte}`;
    labels[appendixField(i, 'targetGroup')] = `${t.acc.row(i + 1)}, ${t.acc.targetGroup}`;
  });
  return labels;
}

/** The figures of a submitted version, read-only (review, and the school while it waits). */
export function figuresTables(
  ctx: WebContext,
  format: AccountabilityFormat,
  figures: AccountabilitySubmissionFigures,
  totals: Version['totals'],
): SafeHtml {
  const { t } = ctx;
  // Amounts as the SWV's documents show them (€ 1.234,56); the form's notation is for typing.
  const incomeCents = new Map(figures.income.map((r) => [r.lineKey, r.amountCents]));
  const expenseRows = new Map(figures.expenses.map((r) => [r.lineKey, r]));
  const income = format.incomeLines.filter((l) => incomeCents.has(l.key));
  const expenses = format.expenseLines.filter((l) => expenseRows.has(l.key));
  const fteOf = (h: number | undefined): string => (h ? formatFte(h) : '');
  return html`${tableRegion(
    t.acc.income,
    html`<table>
      <caption>
        ${t.acc.income}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.acc.line}</th>
          <th scope="col" class="num">${t.acc.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${income.map(
          (l) =>
            html`<tr>
              <th scope="row">${l.label}</th>
              <td class="num">${formatAmount(incomeCents.get(l.key) ?? 0)}</td>
            </tr>`,
        )}
      </tbody>
      ${
        totals
          ? html`<tfoot>
              <tr>
                <th scope="row">${t.acc.totalIncome}</th>
                <td class="num">${formatAmount(totals.incomeCents)}</td>
              </tr>
            </tfoot>`
          : ''
      }
    </table>`,
  )}
  ${tableRegion(
    t.acc.expenses,
    html`<table>
      <caption>
        ${t.acc.expenses}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.acc.line}</th>
          <th scope="col" class="num">${t.acc.fte}</th>
          <th scope="col" class="num">${t.acc.amount}</th>
        </tr>
      </thead>
      <tbody>
        ${expenses.map(
          (l) =>
            html`<tr>
              <th scope="row">${l.label}</th>
              <td class="num">${fteOf(expenseRows.get(l.key)?.fteHundredths)}</td>
              <td class="num">${formatAmount(expenseRows.get(l.key)?.amountCents ?? 0)}</td>
            </tr>`,
        )}
      </tbody>
      ${
        totals
          ? html`<tfoot>
              <tr>
                <th scope="row">${t.acc.totalExpenses}</th>
                <td class="num">${formatFte(totals.expenseFteHundredths)}</td>
                <td class="num">${formatAmount(totals.expenseCents)}</td>
              </tr>
            </tfoot>`
          : ''
      }
    </table>`,
  )}
  ${tableRegion(
    t.acc.appendix,
    html`<table>
      <caption>
        ${t.acc.appendix}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.acc.description}</th>
          <th scope="col" class="num">${t.acc.fte}</th>
          <th scope="col">${t.acc.targetGroup}</th>
        </tr>
      </thead>
      <tbody>
        ${figures.appendix.map(
          (r) =>
            html`<tr>
              <td>${r.description}</td>
              <td class="num">${formatFte(r.fteHundredths)}</td>
              <td>${r.targetGroup}</td>
            </tr>`,
        )}
      </tbody>
      ${
        totals
          ? html`<tfoot>
              <tr>
                <th scope="row">${t.acc.appendixFte}</th>
                <td class="num">${formatFte(totals.appendixFteHundredths)}</td>
                <td>${t.acc.extraSupportFte}: ${formatFte(totals.extraSupportFteHundredths)}</td>
              </tr>
            </tfoot>`
          : ''
      }
    </table>`,
  )}`;
}

type Underspending = NonNullable<SchoolDetail['underspending']['current']>;

/**
 * What accepting these figures would deduct, before anyone accepts: the school sees it before
 * submitting, the secretariat before accepting (source 001 §7.4: underspending is deducted).
 */
function underspendingPanel(
  ctx: WebContext,
  d: SchoolDetail,
  u: Underspending | null,
  reader: 'school' | 'office',
): SafeHtml {
  const { t } = ctx;
  const year = d.underspending.allocationYear;
  return html`<section class="panel" aria-labelledby="underspending-title">
    <h2 id="underspending-title">${t.underspendingTitle}</h2>
    ${
      u
        ? html`<dl class="details">
              <dt>${t.underspendingReceived}</dt>
              <dd>${formatAmount(u.receivedCents)}</dd>
              <dt>${t.underspendingSpent}</dt>
              <dd>${formatAmount(u.spentCents)}</dd>
              <dt>${t.underspendingAmount}</dt>
              <dd><strong>${formatAmount(u.underspendingCents)}</strong></dd>
            </dl>
            <p>
              ${
                u.underspendingCents > 0
                  ? t.underspendingDeducted(formatAmount(u.underspendingCents), year)
                  : t.underspendingNone
              }
            </p>
            <p class="hint">${t.underspendingBasis}</p>`
        : html`<p>${reader === 'school' ? t.underspendingAfterSave : t.underspendingUnknown}</p>`
    }
  </section>`;
}

/** The question before submitting: what follows, and the underspending the figures show. */
function submitQuestion(ctx: WebContext, d: SchoolDetail): string {
  const u = d.underspending.draft;
  return u && u.underspendingCents > 0
    ? `${ctx.t.submitConfirm} ${ctx.t.underspendingDeducted(formatAmount(u.underspendingCents), d.underspending.allocationYear)}`
    : ctx.t.submitConfirm;
}

/** The question before accepting: what it records. */
function acceptQuestion(ctx: WebContext, d: SchoolDetail): string {
  const u = d.underspending.current;
  return u && u.underspendingCents > 0
    ? ctx.t.acceptConfirmDeduction(
        d.school.name,
        formatAmount(u.underspendingCents),
        d.underspending.allocationYear,
      )
    : ctx.t.acceptConfirmNone(d.school.name);
}

export interface SchoolFormPageData {
  detail: SchoolDetail;
  /** The conversation with the secretariat (and the reply form). */
  thread?: ThreadView;
  values: AccountabilityFormValues;
  errors: FieldError[];
  message: string | null;
}

/** The school contact's page: status, the secretariat's comments, the form, the versions. */
export function schoolAccountabilityPage(ctx: WebContext, data: SchoolFormPageData): string {
  const { t } = ctx;
  const { detail: d, values, errors } = data;
  const editable = d.canSubmit && d.status !== 'submitted';
  const waiting = d.status === 'submitted' && d.current;
  return page(ctx, {
    title: t.acc.schoolTitle(d.accountingYear, d.school.name),
    nav: 'tasks',
    hasErrors: errors.length > 0,
    body: html`<h1>${t.acc.schoolTitle(d.accountingYear, d.school.name)}</h1>
      ${notice(data.message)}
      ${errorSummary(
        ctx,
        errors,
        { ...summaryLabels(ctx, d.format, values), comment: t.accOffice.replyLabel },
        { messagesNameTheirField: true },
      )}
      ${statusBanner(ctx, d)} ${returnedComments(ctx, d, 'school')}
      ${conversationSection(ctx, d, data.thread, errors)}
      ${
        editable
          ? html`<form method="post" action="/app/accountability/${d.accountingYear}" novalidate>
              ${csrfField(ctx)}
              <button
                type="submit"
                name="action"
                value="save"
                class="implicit-submit"
                tabindex="-1"
                aria-hidden="true"
              >
                ${t.acc.saveDraft}
              </button>
              <p class="muted">${t.acc.formatVersion(d.formatVersion)}</p>
              ${d.draft ? html`<p class="muted">${t.acc.draftSavedAt(formatDateTime(ctx.locale, new Date(d.draft.savedAt)))}</p>` : ''}
              ${formBody(ctx, d.format, values, errors)}
              ${underspendingPanel(ctx, d, d.underspending.draft, 'school')}
              <div class="actions">
                <button
                  type="submit"
                  name="action"
                  value="submit"
                  class="button"
                  data-confirm="${submitQuestion(ctx, d)}"
                >
                  ${t.acc.submit}
                </button>
                <button type="submit" name="action" value="save" class="button button--secondary">
                  ${t.acc.saveDraft}
                </button>
              </div>
            </form>`
          : html`<p class="notice notice--info">
                ${d.canSubmit ? t.acc.waitingForReview : t.acc.finalText}
              </p>
              ${
                waiting && d.current
                  ? html`<h2>${t.acc.currentVersion(d.current.version ?? 0)}</h2>
                      ${figuresTables(ctx, d.format, d.current.figures, d.current.totals)}
                      ${underspendingPanel(ctx, d, d.underspending.current, 'school')}`
                  : ''
              }`
      }
      ${versionsTable(ctx, d.versions)}`,
  });
}

export function noAccountabilityPage(ctx: WebContext, year: number, text: string): string {
  return page(ctx, {
    title: ctx.t.acc.title(year),
    nav: 'tasks',
    body: html`<h1>${ctx.t.acc.title(year)}</h1>
      <p class="notice notice--info">${text}</p>
      <p><a href="/app/tasks">${ctx.t.backToTasks}</a></p>`,
  });
}

/**
 * Schools of one cycle: status, days late, board, deduction; each school's name links to
 * `href(row)`. Status comes right after the name, so a phone (360 px) shows both without
 * scrolling sideways; a school not late shows '–', not 0.
 */
function schoolsTable(
  ctx: WebContext,
  caption: string,
  rows: CycleOverview['rows'],
  href: (row: CycleOverview['rows'][number]) => string,
  /** The office's overview: mark schools whose reply waits for the secretariat. */
  office = false,
): SafeHtml {
  const { t } = ctx;
  return tableRegion(
    caption,
    html`<table>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t.acc.school}</th>
          <th scope="col">${t.acc.statusLabel}</th>
          <th scope="col" class="num">${t.acc.daysLate}</th>
          <th scope="col">${t.acc.board}</th>
          <th scope="col" class="num">${t.acc.deduction}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row"><a href="${href(r)}">${r.schoolName}</a></th>
              <td>
                ${statusText(t, r.status)}
                ${r.waiver ? html`<br /><span class="muted">${r.waiver.reason}</span>` : ''}
                ${office && r.schoolReplied ? html`<br /><span class="tag">${t.accOffice.schoolReplied}</span>` : ''}
              </td>
              <td class="num">${r.daysLate > 0 ? String(r.daysLate) : '–'}</td>
              <td>${r.boardName}</td>
              <td class="num">
                ${r.deductionCents !== null ? formatAmount(r.deductionCents) : ''}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

// ---- the secretariat ----

export function accountabilityOverviewPage(
  ctx: WebContext,
  data: {
    /** The whole cycle (counts, boards); `rows` are the ones that match `filter`. */
    overview: CycleOverview;
    rows?: CycleOverview['rows'];
    filter?: OverviewFilter;
    message?: string | null;
    /** Agreements for this year from the ECT evaluation of the year before, by school id. */
    agreements?: ReadonlyMap<string, string>;
    /** The secretariat's "Herinner alle late scholen" form carries this id; absent: no form. */
    remindRequestId?: string;
    /** A failure of that action, shown as an alert. */
    alert?: string | null;
  },
): string {
  const { t } = ctx;
  const o = data.overview;
  const year = o.accountingYear;
  const filter = data.filter ?? {};
  const rows = data.rows ?? o.rows;
  const filtered = Boolean(filter.status?.length || filter.boardId || filter.q);
  const query = new URLSearchParams();
  if (filter.status?.length) query.set('status', filter.status.join(','));
  if (filter.boardId) query.set('boardId', filter.boardId);
  if (filter.q) query.set('q', filter.q);
  const csvHref = `/api/accountability-cycles/${year}/overview.csv${query.size ? `?${query}` : ''}`;
  const boards = [...new Map(o.rows.map((r) => [r.boardId, r.boardName])).entries()].sort(
    ([, a], [, b]) => a.localeCompare(b, 'nl'),
  );
  return page(ctx, {
    title: t.acc.overviewTitle(year),
    nav: 'cycles',
    body: html`<p><a href="/app/cycles">${t.navCycles}</a></p>
      ${notice(data.message ?? null)}
      ${data.alert ? html`<div class="error-summary" role="alert"><p>${data.alert}</p></div>` : ''}
      <h1>${o.title}</h1>
      <dl class="details">
        <dt>${t.acc.deadline}</dt>
        <dd>${o.deadline ? at(ctx, o.deadline) : ''}</dd>
        <dt>${t.acc.counts}</dt>
        <dd>
          ${Object.entries(o.counts)
            .map(([s, n]) => `${statusText(t, s as SchoolAccountabilityStatus)}: ${n}`)
            .join(', ')}
        </dd>
        <dt>${t.acc.deductionsTotal}</dt>
        <dd>
          ${
            o.deductions.schools === 0
              ? t.acc.noDeductions
              : t.acc.deductionsText(formatAmount(o.deductions.totalCents), o.deductions.schools)
          }
        </dd>
      </dl>
      ${data.remindRequestId ? remindLatePanel(ctx, year, o.counts.late ?? 0, data.remindRequestId) : ''}
      <form
        method="get"
        action="/app/cycles/accountability/${year}"
        class="panel filters"
        role="search"
        aria-label="${t.acc.filterTitle}"
      >
        ${selectField(ctx, {
          name: 'status',
          label: t.acc.filterStatus,
          value: filter.status?.[0] ?? '',
          errors: [],
          options: [
            { value: '', label: t.acc.filterAll },
            ...SCHOOL_ACCOUNTABILITY_STATUSES.map((s) => ({ value: s, label: statusText(t, s) })),
          ],
        })}
        ${selectField(ctx, {
          name: 'boardId',
          label: t.acc.filterBoard,
          value: filter.boardId ?? '',
          errors: [],
          options: [
            { value: '', label: t.acc.filterAll },
            ...boards.map(([id, name]) => ({ value: id, label: name })),
          ],
        })}
        ${textField(ctx, { name: 'q', label: t.acc.filterName, value: filter.q ?? '', errors: [] })}
        <div class="actions">
          <button type="submit" class="button button--secondary">${t.acc.filterButton}</button>
          ${filtered ? html`<a href="/app/cycles/accountability/${year}">${t.acc.filterClear}</a>` : ''}
        </div>
      </form>
      <p class="muted">${t.acc.filterShown(rows.length, o.rows.length)}</p>
      <p>
        <a href="${csvHref}" download>${t.acc.downloadCsv}</a>
      </p>
      ${rows.length === 0 ? html`<p class="empty">${t.acc.filterNone}</p>` : ''}
      ${schoolsTable(ctx, t.acc.schoolsTable, rows, (r) => `/app/cycles/accountability/${year}/schools/${r.schoolId}`, true)}
      ${data.agreements ? agreementsSection(ctx, year, rows, data.agreements) : ''}`,
  });
}

/** "Herinner alle late scholen": one button, confirmed, for the secretariat. */
function remindLatePanel(ctx: WebContext, year: number, late: number, requestId: string): SafeHtml {
  const o = ctx.t.accOffice;
  return html`<section class="panel" aria-labelledby="remind-title" id="remind-late">
    <h2 id="remind-title">${o.remindTitle}</h2>
    ${
      late === 0
        ? html`<p>${o.remindNone}</p>`
        : html`<p>${o.remindIntro(late)}</p>
            <p class="hint">${o.remindHours}</p>
            <form method="post" action="/app/cycles/accountability/${year}/remind-late">
              ${csrfField(ctx)}
              <input type="hidden" name="requestId" value="${requestId}" />
              <button type="submit" class="button" data-confirm="${o.remindConfirm(late)}">
                ${o.remindButton}
              </button>
            </form>`
    }
  </section>`;
}

export interface ReviewPageData {
  detail: SchoolDetail;
  /** The conversation with the school (and the secretariat's reply form). */
  thread?: ThreadView;
  /** The e-mails about this school (the office only). */
  history?: MailHistory;
  canReview: boolean;
  /** Where the page leads back to: the cycle's overview unless given (an ECT member's list). */
  back?: { href: string; label: string; nav: NavKey };
  comments: string;
  /** What was typed in the waive and extend forms, shown again when refused. */
  reason?: string;
  deadline?: string;
  errors: FieldError[];
  message: string | null;
}

/** The secretariat's two other actions on one school: waive (with a reason), extend the deadline. */
function officeActions(ctx: WebContext, data: ReviewPageData): SafeHtml {
  const { t } = ctx;
  const d = data.detail;
  if (!data.canReview || d.status === 'accepted' || d.status === 'waived') return html``;
  const base = `/app/cycles/accountability/${d.accountingYear}/schools/${d.school.id}`;
  return html`<section class="panel" aria-labelledby="extend-title">
      <h2 id="extend-title">${t.acc.extend}</h2>
      <p>${t.acc.extendIntro}</p>
      <form method="post" action="${base}/deadline" novalidate>
        ${csrfField(ctx)}
        ${textField(ctx, {
          name: 'deadline',
          label: t.acc.newDeadline,
          hint: t.acc.newDeadlineHint,
          value: data.deadline ?? '',
          errors: data.errors,
          type: 'datetime-local',
          required: true,
        })}
        <div class="actions">
          <button type="submit" class="button button--secondary">${t.acc.extend}</button>
        </div>
      </form>
    </section>
    <section class="panel" aria-labelledby="waive-title">
      <h2 id="waive-title">${t.acc.waive}</h2>
      <p>${t.acc.waiveIntro}</p>
      <form method="post" action="${base}/waive" novalidate>
        ${csrfField(ctx)}
        ${textArea(ctx, {
          name: 'reason',
          label: t.acc.waiveReason,
          hint: t.acc.waiveReasonHint,
          value: data.reason ?? '',
          errors: data.errors,
          required: true,
        })}
        <div class="actions">
          <button type="submit" class="button button--secondary">${t.acc.waive}</button>
        </div>
      </form>
    </section>`;
}

/** One school for the office: status, the submitted figures, accept or return with comments. */
export function accountabilityReviewPage(ctx: WebContext, data: ReviewPageData): string {
  const { t } = ctx;
  const d = data.detail;
  const year = d.accountingYear;
  const reviewable = data.canReview && d.status === 'submitted' && d.current;
  const action = `/app/cycles/accountability/${year}/schools/${d.school.id}/review`;
  const back = data.back ?? {
    href: `/app/cycles/accountability/${year}`,
    label: t.acc.backToOverview,
    nav: 'cycles' as const,
  };
  return page(ctx, {
    title: t.acc.schoolTitle(year, d.school.name),
    nav: back.nav,
    hasErrors: data.errors.length > 0,
    body: html`<p>
        <a href="${back.href}">${back.label}</a>
      </p>
      <h1>${t.acc.schoolTitle(year, d.school.name)}</h1>
      ${notice(data.message)}
      ${errorSummary(ctx, data.errors, {
        comments: t.acc.commentsLabel,
        comment: t.accOffice.replyLabel,
        reason: t.acc.waiveReason,
        deadline: t.acc.newDeadline,
      })}
      ${statusBanner(ctx, d)} ${returnedComments(ctx, d, 'others')}
      ${conversationSection(ctx, d, data.thread, data.errors)}
      ${
        d.current
          ? html`<h2>${t.acc.currentVersion(d.current.version ?? 0)}</h2>
              ${figuresTables(ctx, d.format, d.current.figures, d.current.totals)}
              ${versionComparison(ctx, d)}
              ${d.status === 'accepted' ? '' : underspendingPanel(ctx, d, d.underspending.current, 'office')}`
          : ''
      }
      ${
        reviewable && d.current
          ? html`<section class="panel panel--action" aria-labelledby="review-title">
              <h2 id="review-title">${t.acc.review}</h2>
              <p>${t.acc.reviewIntro}</p>
              <form method="post" action="${action}">
                ${csrfField(ctx)}
                <input type="hidden" name="version" value="${d.current.version ?? ''}" />
                ${textArea(ctx, {
                  name: 'comments',
                  label: t.acc.commentsLabel,
                  hint: t.acc.commentsHint,
                  value: data.comments,
                  errors: data.errors,
                })}
                <div class="actions">
                  <button
                    type="submit"
                    name="decision"
                    value="accept"
                    class="button"
                    data-confirm="${acceptQuestion(ctx, d)}"
                  >
                    ${t.acc.accept}
                  </button>
                  <button
                    type="submit"
                    name="decision"
                    value="return"
                    class="button button--secondary"
                  >
                    ${t.acc.returnWithComments}
                  </button>
                </div>
              </form>
            </section>`
          : data.canReview && d.status !== 'accepted' && d.status !== 'waived'
            ? html`<p class="muted">${t.acc.nothingToReview}</p>`
            : ''
      }
      ${officeActions(ctx, data)} ${versionsTable(ctx, d.versions)}
      ${data.history ? mailHistorySection(ctx, data.history) : ''}`,
  });
}

/** What the outbox key's step says a mail was: 'reminder-d1-2027-01-12' → 'reminder'. */
function mailKind(step: string): string {
  const m =
    /^(invitation|reminder|overdue|escalation|remind|submitted|returned|accepted|extended|waived)\b/.exec(
      step,
    );
  return m ? m[1]! : 'other';
}

/** The e-mails about the school, one row per step with all its recipients. */
function mailHistorySection(ctx: WebContext, mails: MailHistory): SafeHtml {
  const o = ctx.t.accOffice;
  const steps = new Map<string, { at: string; names: string[]; statuses: Set<string> }>();
  for (const m of mails) {
    const row = steps.get(m.step) ?? { at: m.at, names: [], statuses: new Set<string>() };
    row.names.push(m.recipientName ?? o.historyUnknownPerson);
    row.statuses.add(m.status);
    steps.set(m.step, row);
  }
  return html`<section aria-labelledby="history-title" id="history">
    <h2 id="history-title">${o.historyTitle}</h2>
    <p>${o.historyIntro}</p>
    ${
      steps.size === 0
        ? html`<p class="empty">${o.historyNone}</p>`
        : tableRegion(
            o.historyTitle,
            html`<table class="mail-history">
              <thead>
                <tr>
                  <th scope="col">${o.historyWhen}</th>
                  <th scope="col">${o.historyWhat}</th>
                  <th scope="col">${o.historyTo}</th>
                  <th scope="col">${o.historyStatus}</th>
                </tr>
              </thead>
              <tbody>
                ${[...steps.entries()].map(
                  ([step, r]) =>
                    html`<tr data-step="${mailKind(step)}">
                      <td>${at(ctx, r.at)}</td>
                      <td>${o.historyKind[mailKind(step)] ?? o.historyKind.other}</td>
                      <td>${r.names.join(', ')}</td>
                      <td>${[...r.statuses].map((s) => o.historyMailStatus[s] ?? s).join(', ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }
  </section>`;
}

/** The current version against the one before it: only what changed. */
function versionComparison(ctx: WebContext, d: SchoolDetail): SafeHtml {
  const { t } = ctx;
  const o = t.accOffice;
  const n = d.current?.version ?? 0;
  const after = d.versions.find((v) => v.version === n);
  const before = d.versions.find((v) => v.version === n - 1);
  if (!after || !before) return html``;
  const c = compareFigures(before.figures, after.figures, {
    income: d.format.incomeLines.map((l) => l.key),
    expenses: d.format.expenseLines.map((l) => l.key),
  });
  const label = (section: 'income' | 'expenses', key: string): string =>
    (section === 'income' ? d.format.incomeLines : d.format.expenseLines).find((l) => l.key === key)
      ?.label ?? key;
  const value = (v: { amountCents: number; fteHundredths?: number } | null): string =>
    v === null
      ? o.diffAbsent
      : v.fteHundredths
        ? `${formatAmount(v.amountCents)} (${formatFte(v.fteHundredths)} ${o.diffFte})`
        : formatAmount(v.amountCents);
  const row = (r: AppendixRowChange['before']): string =>
    r === null
      ? o.diffAbsent
      : `${r.description}, ${formatFte(r.fteHundredths)} ${o.diffFte}, ${r.targetGroup}`;
  const empty = c.lines.length === 0 && c.appendix.length === 0;
  return html`<section class="panel" aria-labelledby="diff-title" id="diff">
    <h2 id="diff-title">${o.diffTitle(n)}</h2>
    ${
      empty
        ? html`<p>${o.diffNone(n)}</p>`
        : html`<p>${o.diffIntro(n)}</p>
            ${tableRegion(
              o.diffTitle(n),
              html`<table class="version-diff">
                <thead>
                  <tr>
                    <th scope="col">${o.diffLine}</th>
                    <th scope="col" class="num">${o.diffBefore(n - 1)}</th>
                    <th scope="col" class="num">${o.diffAfter(n)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${c.lines.map(
                    (l) =>
                      html`<tr>
                        <th scope="row">
                          ${l.section === 'income' ? t.acc.income : t.acc.expenses}:
                          ${label(l.section, l.lineKey)}
                        </th>
                        <td class="num"><del>${value(l.before)}</del></td>
                        <td class="num"><ins>${value(l.after)}</ins></td>
                      </tr>`,
                  )}
                  ${c.appendix.map(
                    (a) =>
                      html`<tr>
                        <th scope="row">${o.diffAppendix}: ${t.acc.row(a.row)}</th>
                        <td><del>${row(a.before)}</del></td>
                        <td><ins>${row(a.after)}</ins></td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )}`
    }
  </section>`;
}

/** The dates of one school that does not submit, as its workflow plans them. */
function schedulePreview(ctx: WebContext, p: SchedulePreview, typed: boolean): SafeHtml {
  const { t } = ctx;
  const o = t.accOffice;
  const rows: [string, string][] = [
    [p.invitationAt, o.previewInvitation],
    ...p.reminders.map((r, i): [string, string] => [r, o.previewReminder(i + 1)]),
    [p.deadline, o.previewDeadline],
    ...(p.escalationAt ? [[p.escalationAt, o.previewEscalation] as [string, string]] : []),
    ...p.overdueReminders.map((r): [string, string] => [r, o.previewOverdue]),
  ];
  return html`<section class="panel" aria-labelledby="schedule-title" id="schedule">
    <h2 id="schedule-title">${o.previewTitle}</h2>
    <p>${o.previewIntro}</p>
    ${typed ? html`<p class="muted">${o.previewShown}</p>` : ''}
    ${tableRegion(
      o.previewTitle,
      html`<table class="schedule">
        <thead>
          <tr>
            <th scope="col">${o.previewWhen}</th>
            <th scope="col">${o.previewWhat}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([iso, what]) =>
              html`<tr>
                <td>${at(ctx, iso)}</td>
                <td>${what}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
    ${p.maxOverdueReminders > p.overdueReminders.length ? html`<p class="hint">${o.previewOverdueMore(p.maxOverdueReminders)}</p>` : ''}
  </section>`;
}

/**
 * The secretariat starts the accountability: year, title, deadline and reminder days, and the
 * schools that account (every regular school ticked). `offsetsNote` says what an empty
 * reminder field means: the SWV's setting or the default.
 */
export function newAccountabilityCyclePage(
  ctx: WebContext,
  data: {
    form: AccountabilityStartState;
    schools: { id: string; name: string }[];
    offsetsNote: string;
    /** The tenant's current format version, which a cycle started now pins. */
    formatVersion: number;
    /** The SWV's school-holiday region: the schools' calendar. */
    region: SchoolRegion;
    /** The dates a school would see; `typed`: of the values on the form, else the defaults. */
    schedule?: { preview: SchedulePreview; typed: boolean } | null;
  },
): string {
  const { t } = ctx;
  const v = data.form.values;
  const e = data.form.errors;
  const labels: Record<string, string> = {
    accountingYear: t.acc.accountingYear,
    title: t.titleOptional,
    deadline: t.acc.deadlineLabel,
    reminderOffsets: t.reminderOffsets,
    [SCHOOLS_FIELD]: t.acc.schools,
  };
  return page(ctx, {
    title: t.acc.newCycle,
    nav: 'cycles',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <div class="narrow">
        <h1>${t.acc.newCycle}</h1>
        <p>${t.acc.newCycleIntro}</p>
        <p>
          ${t.fmt.startNote(data.formatVersion)}
          <a href="/app/cycles/accountability/format">${t.fmt.startNoteLink}</a>
        </p>
        <p class="notice notice--info">
          <strong>${t.calendarRow}:</strong> ${t.calendarSchool(t.regionName[data.region])}
        </p>
        ${errorSummary(ctx, e, labels)}
        ${
          data.schools.length === 0
            ? html`<div class="empty"><p>${t.acc.noRegularSchools}</p></div>`
            : html`<form method="post" action="/app/cycles/accountability" novalidate>
                ${csrfField(ctx)}
                <fieldset class="panel form-section">
                  <legend>${t.sectionDates}</legend>
                  ${textField(ctx, { name: 'accountingYear', label: t.acc.accountingYear, hint: t.acc.accountingYearHint, value: v.accountingYear, errors: e, inputmode: 'numeric', width: 'short', required: true })}
                  ${textField(ctx, { name: 'title', label: t.titleOptional, hint: t.acc.titleHint, value: v.title, errors: e })}
                  ${textField(ctx, { name: 'deadline', label: t.acc.deadlineLabel, hint: t.acc.deadlineHint, value: v.deadline, errors: e, type: 'datetime-local' })}
                  ${textField(ctx, { name: 'reminderOffsets', label: t.reminderOffsets, hint: t.acc.reminderOffsetsHint(data.offsetsNote), value: v.reminderOffsets, errors: e, width: 'short' })}
                </fieldset>
                <div class="panel form-section">
                  ${checkboxesField(ctx, {
                    name: SCHOOLS_FIELD,
                    legend: t.acc.schools,
                    hint: t.acc.schoolsHint,
                    options: data.schools.map((s) => ({ value: s.id, label: s.name })),
                    checked: v.schoolIds,
                    errors: e,
                    bulk: { all: t.acc.tickAll, none: t.acc.tickNone },
                  })}
                </div>
                <div class="actions">
                  <button type="submit" class="button">${t.acc.startButton}</button>
                  <button
                    type="submit"
                    name="action"
                    value="preview"
                    formaction="/app/cycles/accountability#schedule"
                    class="button button--secondary"
                  >
                    ${t.accOffice.previewButton}
                  </button>
                  <a href="/app/cycles">${t.cancel}</a>
                </div>
              </form>`
        }
        ${data.schedule ? schedulePreview(ctx, data.schedule.preview, data.schedule.typed) : ''}
      </div>`,
  });
}

// ---- ECT members ----

/** Path of an ECT member's read-only view of one school's accountability. */
export const mySchoolPath = (year: number, schoolId: string): string =>
  `/app/my-schools/${year}/schools/${schoolId}`;

/**
 * An ECT member's schools per accountability cycle, newest year first, read-only: what the
 * schools accounted for, ready for the evaluation visits in October and November (docs/domain.md §2).
 */
export function mySchoolsPage(
  ctx: WebContext,
  data: { cycles: { accountingYear: number; title: string; rows: CycleOverview['rows'] }[] },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.ect.title,
    nav: 'schools',
    body: html`<h1>${t.ect.title}</h1>
      <p class="lead">${t.ect.intro}</p>
      ${
        data.cycles.length === 0
          ? html`<div class="empty"><p>${t.ect.none}</p></div>`
          : data.cycles.map(
              (c) =>
                html`<section aria-labelledby="cycle-${c.accountingYear}">
                  <h2 id="cycle-${c.accountingYear}">${c.title}</h2>
                  ${schoolsTable(ctx, t.ect.schoolsOf(c.title), c.rows, (r) =>
                    mySchoolPath(c.accountingYear, r.schoolId),
                  )}
                </section>`,
            )
      }`,
  });
}
