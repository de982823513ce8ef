import type { DecisionKind, VoteValue } from '@jaarcyclus/domain';
import type { Task } from '@jaarcyclus/persistence';
import type { BodyRoundView, BudgetCycleStatus } from '@jaarcyclus/workflows';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { SecrecyFields } from '@jaarcyclus/api/common/vote-secrecy';
import type { DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import { errorsFor, errorSummary, fieldId, notice, proposalLink, textArea } from '../components';
import { html, type SafeHtml } from '../html';
import { daysUntil, formatDate, formatDateTime, formatNumber } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
import {
  bodyStateText,
  decisionText,
  quorumBar,
  quorumByWeight,
  tallyTable,
  VOTE_VALUES,
} from './tally';

export { VOTE_VALUES } from './tally';
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
  /** The uploaded document `proposalUrl` downloads, when it is one (not a link elsewhere). */
  documentId: string | null;
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
  // Only web links or paths on this site: never javascript: or data: URLs from a payload.
  const link = url && (/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url)) ? url : null;
  return {
    subject: str(payload.subject),
    bodyName: str(body.name) ?? str(payload.bodyName),
    decisionKind:
      kind === 'goedkeuring' || kind === 'instemming' || kind === 'advies' ? kind : null,
    round: num(payload.round),
    versionLabel: str(proposal.versionLabel),
    proposalUrl: link ?? (documentId ? `/api/documents/${documentId}` : null),
    documentId: link ? null : (documentId ?? null),
    weight: num(payload.weight),
  };
}

/** The plan period of a support plan cycle's workflow id (`support-plan:<tenant>:2027-2031`), else null. */
export function supportPlanPeriodOfWorkflow(workflowId: string): string | null {
  return /^support-plan:[^:]+:(\d{4}-\d{4})$/.exec(workflowId)?.[1] ?? null;
}

/** The budget year of a budget cycle's workflow id (`budget:<tenant>:<year>`), else null. */
export function budgetYearOfWorkflow(workflowId: string): number | null {
  const year = /^budget:[^:]+:(\d{4})$/.exec(workflowId)?.[1];
  return year ? Number(year) : null;
}

/** The round and body a vote task is for: from its payload, else from its refKey ('round:2:body:alv'). */
export function voteTaskTarget(
  task: Pick<Task, 'payload' | 'refKey'>,
): { round: number; bodyKey: string } | null {
  const ref = /^round:(\d+):body:([a-z0-9_-]+)$/.exec(task.refKey);
  const payload = task.payload ?? {};
  const round = num(payload.round) ?? (ref ? Number(ref[1]) : null);
  const bodyKey = str(payload.bodyKey) ?? str(obj(payload.body).key) ?? ref?.[2] ?? null;
  return round !== null && Number.isInteger(round) && bodyKey ? { round, bodyKey } : null;
}

/**
 * What a vote task shows of its body's votes. "Where the rules allow": the member sees the
 * totals of their own body in the task's round (counts or weights, quorum, how many voted) and
 * their own vote, never how other members voted — board members have no cycle page either.
 */
export type TaskTally =
  | { state: 'none' }
  /** The cycle could not be asked (Temporal unreachable, no answer in time). */
  | { state: 'unavailable' }
  | {
      state: 'shown';
      /** The body without its lists of who voted what (`voted` and `notVoted` are empty). */
      body: BodyRoundView & Partial<SecrecyFields>;
      round: number;
      currentRound: number;
      ownVote: VoteValue | null;
      ownComment?: string | null;
      /** The cycle page of the body, for its chair (who reads the members' comments there). */
      chairCyclePath?: string | null;
    };

/**
 * A member may change their vote while their body's round is the current one and still open
 * (the decision round accepts a changed vote until the body decides or its deadline passes).
 */
export function canChangeVote(task: Task, tally: TaskTally | undefined): boolean {
  return (
    task.kind === 'vote' &&
    task.status === 'done' &&
    tally?.state === 'shown' &&
    tally.ownVote !== null &&
    tally.round === tally.currentRound &&
    tally.body.status === 'open'
  );
}

/** Why a vote task lapsed, and what the body decided (null: not a lapsed vote task, or unknown). */
function lapsedNotice(ctx: WebContext, task: Task, tally: TaskTally | undefined): SafeHtml {
  if (task.kind !== 'vote' || task.status !== 'cancelled' || tally?.state !== 'shown') {
    return html``;
  }
  const { t } = ctx;
  const body = tally.body;
  const text =
    body.status === 'approved' || body.status === 'rejected' || body.status === 'no_quorum'
      ? t.taskLapsedDecided(body.name, decisionText(t, body, body.status))
      : body.status === 'cancelled'
        ? t.taskLapsedOtherBody(body.name)
        : tally.round < tally.currentRound
          ? t.taskLapsedNewRound(tally.currentRound)
          : null;
  return text ? notice(text, 'info') : html``;
}

/** The outcome of the body on a vote task the person completed, once the body decided. */
function resultNotice(ctx: WebContext, task: Task, tally: TaskTally | undefined): SafeHtml {
  if (task.kind !== 'vote' || task.status !== 'done' || tally?.state !== 'shown') return html``;
  const { t } = ctx;
  const body = tally.body;
  if (body.status !== 'approved' && body.status !== 'rejected' && body.status !== 'no_quorum') {
    return html``;
  }
  return notice(
    t.rs.decided(
      body.name,
      decisionText(t, body, body.status),
      tally.ownVote ? t.voteValue[tally.ownVote].toLowerCase() : null,
    ),
    'info',
  );
}

/**
 * The member's own body in a decision cycle's state (the budget, the support plan). `cyclePath`:
 * the cycle's page, which the body's chair reads.
 */
export function taskTally(
  status: Pick<BudgetCycleStatus, 'round' | 'bodies' | 'rounds'>,
  target: { round: number; bodyKey: string },
  personId: string,
  cyclePath: string,
): TaskTally {
  const bodies =
    target.round === status.round
      ? status.bodies
      : (status.rounds.find((r) => r.round === target.round)?.bodies ?? []);
  const body: (BodyRoundView & Partial<SecrecyFields>) | undefined = bodies.find(
    (b) => b.bodyKey === target.bodyKey,
  );
  if (!body) return { state: 'none' };
  const own = body.voted.find((v) => v.personId === personId);
  return {
    state: 'shown',
    body: { ...body, voted: [], notVoted: [], votedWithoutValue: [], comments: null },
    round: target.round,
    currentRound: status.round,
    ownVote: own?.value ?? null,
    ownComment: own?.comment ?? null,
    chairCyclePath: body.chair?.personId === personId ? `${cyclePath}#body-${body.bodyKey}` : null,
  };
}

export interface VoteFormState {
  stage: 'form' | 'confirm';
  value: string;
  comment: string;
  errors: FieldError[];
}

function proposalDetails(ctx: WebContext, info: VoteInfo, document: DocumentInfo | null): SafeHtml {
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
    ${info.proposalUrl ? html`<p>${proposalLink(ctx, info.proposalUrl, document)}</p>` : ''}
  </section>`;
}

function tallySection(ctx: WebContext, tally: TaskTally): SafeHtml {
  const { t, locale } = ctx;
  if (tally.state === 'none') return html``;
  const heading = html`<h2 id="tally-title">${t.tallyTitle}</h2>`;
  if (tally.state === 'unavailable') {
    return html`<section class="panel" aria-labelledby="tally-title">
      ${heading}
      <p class="notice notice--info">${t.tallyUnavailable}</p>
    </section>`;
  }
  const { body, ownVote } = tally;
  const counts = body.tally;
  const sealed = !counts && body.sealed && body.turnout && body.voteSecrecy ? body.turnout : null;
  return html`<section class="panel" aria-labelledby="tally-title">
    ${heading}
    ${
      tally.round < tally.currentRound
        ? html`<p class="notice notice--info">${t.tallyEarlierRound(tally.round)}</p>`
        : ''
    }
    <dl class="details">
      <dt>${t.bodyStatus}</dt>
      <dd>
        <span class="state state--${body.status}">${bodyStateText(t, body, new Map())}</span>
      </dd>
      ${
        ownVote
          ? html`<dt>${t.voteLegend}</dt>
              <dd><strong>${t.voteValue[ownVote]}</strong></dd>`
          : ''
      }
    </dl>
    ${
      counts
        ? html`${tallyTable(ctx, body, counts)}
            <p class="hint">${t.shareHint}</p>
            ${quorumBar(ctx, body, counts, body.votingRule)}
            ${
              quorumByWeight(body.votingRule)
                ? html`<p>
                    ${t.quorumMembers(
                      formatNumber(locale, counts.votedMembers),
                      formatNumber(locale, counts.totalMembers),
                    )}
                  </p>`
                : ''
            }`
        : sealed
          ? html`<p class="notice notice--info" data-testid="sealed-${body.bodyKey}">
                ${t.sealedNotice(t.voteSecrecyOption[body.voteSecrecy!])}
              </p>
              ${quorumBar(ctx, body, sealed, body.votingRule)}
              ${
                quorumByWeight(body.votingRule)
                  ? html`<p>
                      ${t.quorumMembers(
                        formatNumber(locale, sealed.votedMembers),
                        formatNumber(locale, sealed.totalMembers),
                      )}
                    </p>`
                  : ''
              }`
          : html`<p class="notice notice--info">${t.votingOpening}</p>`
    }
    <p class="hint">${t.tallyOwnBodyOnly}</p>
    ${
      tally.chairCyclePath
        ? html`<p><a href="${tally.chairCyclePath}">${t.chairCycleLink(body.name)}</a></p>`
        : ''
    }
  </section>`;
}

function voteForm(
  ctx: WebContext,
  task: Task,
  state: VoteFormState,
  changing = false,
  secrecy?: SecrecyFields['voteSecrecy'],
): SafeHtml {
  const { t } = ctx;
  const valueErrors = errorsFor(ctx, state.errors, 'value');
  // The review step opens at the review box (#stem-controleren), without script too.
  return html`<form method="post" action="/app/tasks/${task.id}/vote#${REVIEW_ID}" novalidate class="panel"${changing ? html` aria-labelledby="change-title"` : ''}>
  ${
    changing
      ? html`<h2 id="change-title">${t.voteChangeTitle}</h2>
          <p>${t.voteChangeIntro}</p>`
      : ''
  }
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
    // Who reads the comment, under the body's vote secrecy rule.
    hint: secrecy ? `${t.commentHint} ${t.commentReaders[secrecy]}` : t.commentHint,
    value: state.comment,
    errors: state.errors,
  })}
  <button type="submit" class="button">${t.voteNext}</button>
</form>`;
}

function voteConfirm(ctx: WebContext, task: Task, state: VoteFormState): SafeHtml {
  const { t } = ctx;
  const value = VOTE_VALUES.find((v) => v === state.value) ?? 'abstain';
  return html`<section
    aria-labelledby="confirm-title"
    class="panel panel--review"
    id="${REVIEW_ID}"
    tabindex="-1"
    data-focus-on-load
  >
    <h2 id="confirm-title">${t.confirmTitle}</h2>
    <div class="notice notice--warning" role="status"><p>${t.voteNotSentYet}</p></div>
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

/** The review box's id: the form posts to it, so the browser opens the page there. */
const REVIEW_ID = 'stem-controleren';

export interface TaskPageData {
  task: Task;
  now: Date;
  message: string | null;
  vote: VoteFormState;
  /** Vote tasks: the body's tally (left out: nothing shown). */
  tally?: TaskTally;
  /** The uploaded proposal the payload refers to, for its name and size. */
  document?: DocumentInfo | null;
}

export function taskPage(ctx: WebContext, data: TaskPageData): string {
  const { t } = ctx;
  const { task, now, vote } = data;
  const isOpenVote = task.kind === 'vote' && task.status === 'open';
  const changeable = canChangeVote(task, data.tally);
  const reviewing = (isOpenVote || changeable) && vote.stage === 'confirm';
  // The director adopts on the cycle's page, where the approvals it rests on are visible.
  const adoptYear = task.kind === 'adopt' ? budgetYearOfWorkflow(task.workflowId) : null;
  return page(ctx, {
    title: task.title,
    nav: 'tasks',
    hasErrors: vote.errors.length > 0,
    body: html`<p><a href="/app/tasks">${t.backToTasks}</a></p>
      <h1>${task.title}</h1>
      ${notice(data.message)} ${lapsedNotice(ctx, task, data.tally)}
      ${resultNotice(ctx, task, data.tally)}
      ${errorSummary(ctx, vote.errors, { value: t.voteLegend, comment: t.commentLabel })}
      ${reviewing ? voteConfirm(ctx, task, vote) : ''}
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
      ${task.kind === 'vote' || task.kind === 'adopt' ? proposalDetails(ctx, voteInfo(task.payload), data.document ?? null) : ''}
      ${task.kind === 'vote' ? tallySection(ctx, data.tally ?? { state: 'none' }) : ''}
      ${
        reviewing
          ? ''
          : isOpenVote || changeable
            ? voteForm(
                ctx,
                task,
                vote,
                changeable,
                data.tally?.state === 'shown' ? data.tally.body.voteSecrecy : undefined,
              )
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
