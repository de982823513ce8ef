import type { DecisionKind, VoteValue } from '@jaarcyclus/domain';
import type { Task } from '@jaarcyclus/persistence';
import type { FieldError } from '../../common/api-errors';
import { errorsFor, errorSummary, fieldId, notice, textArea } from '../components';
import { html, type SafeHtml } from '../html';
import { daysUntil, formatDate, formatDateTime, formatNumber } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

export const VOTE_VALUES: readonly VoteValue[] = ['for', 'against', 'abstain'];
export const COMMENT_MAX = 2000;

/** Deadlines within this many days are marked as coming up soon. */
const SOON_DAYS = 3;

function deadlineText(ctx: WebContext, task: Task, now: Date): SafeHtml {
  if (!task.dueAt) return html`<span>${ctx.t.noDeadline}</span>`;
  const days = daysUntil(task.dueAt, now);
  return html`<span
      >${ctx.t.deadline}:
      <time datetime="${task.dueAt.toISOString()}"
        >${formatDateTime(ctx.locale, task.dueAt)}</time
      ></span
    >
    ${task.status === 'open' ? html`<span class="days">${ctx.t.daysLeft(days)}</span>` : ''}`;
}

function urgencyClass(task: Task, now: Date): string {
  if (task.status !== 'open') return 'task task--done';
  if (!task.dueAt) return 'task';
  const days = daysUntil(task.dueAt, now);
  return days < 0 || task.dueAt < now
    ? 'task task--late'
    : days <= SOON_DAYS
      ? 'task task--soon'
      : 'task';
}

function taskItem(ctx: WebContext, task: Task, now: Date): SafeHtml {
  const { t } = ctx;
  return html`<li class="${urgencyClass(task, now)}">
    <h3><a href="/app/tasks/${task.id}">${task.title}</a></h3>
    <p class="task-meta">
      <span class="tag">${t.taskKind[task.kind]}</span>
      ${
        task.status === 'open'
          ? deadlineText(ctx, task, now)
          : html`<span
              >${t.taskStatus[task.status]}${task.completedAt ? html` ${t.completedOn(formatDate(ctx.locale, task.completedAt))}` : ''}</span
            >`
      }
    </p>
  </li>`;
}

export function tasksPage(
  ctx: WebContext,
  data: { open: Task[]; closed: Task[]; now: Date },
): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.tasksTitle,
    nav: 'tasks',
    body: html`<h1>${t.tasksTitle}</h1>
      <section aria-labelledby="open-tasks">
        <h2 id="open-tasks">${t.openTasks} <span class="muted">(${data.open.length})</span></h2>
        ${
          data.open.length === 0
            ? html`<div class="empty">
                <p><strong>${t.noOpenTasks}</strong></p>
                <p>${t.noOpenTasksHint}</p>
              </div>`
            : html`<ul class="task-list">
                ${data.open.map((task) => taskItem(ctx, task, data.now))}
              </ul>`
        }
      </section>
      <section aria-labelledby="done-tasks">
        <h2 id="done-tasks">${t.doneTasks}</h2>
        ${
          data.closed.length === 0
            ? html`<p class="muted">${t.noDoneTasks}</p>`
            : html`<ul class="task-list">
                ${data.closed.map((task) => taskItem(ctx, task, data.now))}
              </ul>`
        }
      </section>`,
  });
}

/**
 * What a vote task's payload tells about the proposal. The payload is written by the cycle's
 * activities; every field is optional here so an older or newer payload still renders.
 */
export interface VoteInfo {
  subject: string | null;
  bodyName: string | null;
  decisionKind: DecisionKind | null;
  round: number | null;
  versionLabel: string | null;
  proposalUrl: string | null;
  weight: number | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

export function voteInfo(payload: Record<string, unknown>): VoteInfo {
  const body = obj(payload.body);
  const proposal = obj(payload.proposal);
  const kind = str(body.decisionKind) ?? str(payload.decisionKind);
  const url = str(proposal.url);
  // A proposal uploaded to the api (POST /api/documents) downloads from there with the session.
  const documentId = str(proposal.documentId)?.match(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  )?.[0];
  return {
    subject: str(payload.subject),
    bodyName: str(body.name) ?? str(payload.bodyName),
    decisionKind:
      kind === 'goedkeuring' || kind === 'instemming' || kind === 'advies' ? kind : null,
    round: num(payload.round),
    versionLabel: str(proposal.versionLabel),
    // Only web links or paths on this site: never javascript: or data: URLs from a payload.
    proposalUrl:
      url && (/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url))
        ? url
        : documentId
          ? `/api/documents/${documentId}`
          : null,
    weight: num(payload.weight),
  };
}

/** The budget year of a budget cycle's workflow id (`budget:<tenant>:<year>`), else null. */
export function budgetYearOfWorkflow(workflowId: string): number | null {
  const year = /^budget:[^:]+:(\d{4})$/.exec(workflowId)?.[1];
  return year ? Number(year) : null;
}

export interface VoteFormState {
  stage: 'form' | 'confirm';
  value: string;
  comment: string;
  errors: FieldError[];
}

function proposalDetails(ctx: WebContext, info: VoteInfo): SafeHtml {
  const { t } = ctx;
  const rows: [string, SafeHtml | string][] = [];
  if (info.subject) rows.push([t.subject, info.subject]);
  if (info.bodyName) rows.push([t.body, info.bodyName]);
  if (info.decisionKind) rows.push([t.decisionKindLabel, t.decisionKind[info.decisionKind]]);
  if (info.round !== null) rows.push([t.round, String(info.round)]);
  if (info.versionLabel) rows.push([t.version, info.versionLabel]);
  if (info.weight !== null) rows.push([t.yourWeight, formatNumber(ctx.locale, info.weight)]);
  return html`<section aria-labelledby="proposal-title" class="panel">
    <h2 id="proposal-title">${t.proposal}</h2>
    ${
      rows.length
        ? html`<dl class="details">
            ${rows.map(
              ([k, v]) =>
                html`<dt>${k}</dt>
                  <dd>${v}</dd>`,
            )}
          </dl>`
        : ''
    }
    ${info.proposalUrl ? html`<p><a href="${info.proposalUrl}" rel="noopener noreferrer">${t.openProposal}</a></p>` : ''}
  </section>`;
}

function voteForm(ctx: WebContext, task: Task, state: VoteFormState): SafeHtml {
  const { t } = ctx;
  const valueErrors = errorsFor(ctx, state.errors, 'value');
  return html`<form method="post" action="/app/tasks/${task.id}/vote" novalidate class="panel">
  ${csrfField(ctx)}
  <input type="hidden" name="step" value="review">
  <fieldset${valueErrors.length ? html` class="field--error" aria-describedby="${fieldId('value')}-error"` : ''}>
    <legend>${t.voteLegend}</legend>
    ${valueErrors.length ? html`<p class="field-error" id="${fieldId('value')}-error">${valueErrors.join(' ')}</p>` : ''}
    <div class="choices">
      ${VOTE_VALUES.map(
        (v, i) =>
          html`<label
            class="choice"
            for="${i === 0 ? fieldId('value') : `${fieldId('value')}-${v}`}"
          >
            <input
              type="radio"
              name="value"
              value="${v}"
              id="${i === 0 ? fieldId('value') : `${fieldId('value')}-${v}`}"
              ${state.value === v ? html` checked` : ''}
            />
            ${t.voteValue[v]}
          </label>`,
      )}
    </div>
  </fieldset>
  ${textArea(ctx, {
    name: 'comment',
    label: t.commentLabel,
    hint: t.commentHint,
    value: state.comment,
    errors: state.errors,
  })}
  <button type="submit" class="button">${t.voteNext}</button>
</form>`;
}

function voteConfirm(ctx: WebContext, task: Task, state: VoteFormState): SafeHtml {
  const { t } = ctx;
  const value = VOTE_VALUES.find((v) => v === state.value) ?? 'abstain';
  return html`<section aria-labelledby="confirm-title" class="panel">
    <h2 id="confirm-title">${t.confirmTitle}</h2>
    <p>${t.confirmIntro}</p>
    <dl class="details">
      <dt>${t.voteLegend}</dt>
      <dd><strong>${t.voteValue[value]}</strong></dd>
      <dt>${t.commentLabel}</dt>
      <dd>${state.comment.trim() ? state.comment : t.noComment}</dd>
    </dl>
    <form method="post" action="/app/tasks/${task.id}/vote">
      ${csrfField(ctx)}
      <input type="hidden" name="value" value="${value}" />
      <input type="hidden" name="comment" value="${state.comment}" />
      <div class="actions">
        <button type="submit" name="step" value="send" class="button">${t.confirmSend}</button>
        <button type="submit" name="step" value="edit" class="button button--secondary">
          ${t.confirmEdit}
        </button>
      </div>
    </form>
  </section>`;
}

export function taskPage(
  ctx: WebContext,
  data: { task: Task; now: Date; message: string | null; vote: VoteFormState },
): string {
  const { t } = ctx;
  const { task, now, vote } = data;
  const isOpenVote = task.kind === 'vote' && task.status === 'open';
  // The director adopts on the cycle's page, where the approvals it rests on are visible.
  const adoptYear = task.kind === 'adopt' ? budgetYearOfWorkflow(task.workflowId) : null;
  return page(ctx, {
    title: task.title,
    nav: 'tasks',
    hasErrors: vote.errors.length > 0,
    body: html`<p><a href="/app/tasks">${t.backToTasks}</a></p>
      <h1>${task.title}</h1>
      ${notice(data.message)}
      ${errorSummary(ctx, vote.errors, { value: t.voteLegend, comment: t.commentLabel })}
      <dl class="details">
        <dt>${t.kind}</dt>
        <dd>${t.taskKind[task.kind]}</dd>
        <dt>${t.status}</dt>
        <dd>${t.taskStatus[task.status]}</dd>
        <dt>${t.deadline}</dt>
        <dd>
          ${
            task.dueAt
              ? html`<time datetime="${task.dueAt.toISOString()}"
                    >${formatDateTime(ctx.locale, task.dueAt)}</time
                  >${task.status === 'open' ? html` (${t.daysLeft(daysUntil(task.dueAt, now))})` : ''}`
              : t.noDeadline
          }
        </dd>
      </dl>
      ${task.dueAt && task.status === 'open' ? html`<p><a href="/app/tasks/${task.id}.ics">${t.addToCalendar}</a></p>` : ''}
      ${task.kind === 'vote' || task.kind === 'adopt' ? proposalDetails(ctx, voteInfo(task.payload)) : ''}
      ${
        isOpenVote
          ? vote.stage === 'confirm'
            ? voteConfirm(ctx, task, vote)
            : voteForm(ctx, task, vote)
          : task.status === 'open'
            ? adoptYear !== null
              ? html`<div class="panel">
                  <p>${t.adoptTaskIntro}</p>
                  <p>
                    <a class="button" href="/app/cycles/budget/${adoptYear}#vaststellen"
                      >${t.adoptTaskLink}</a
                    >
                  </p>
                </div>`
              : html`<p class="notice notice--info">${t.taskLaterHere}</p>`
            : ''
      }`,
  });
}
