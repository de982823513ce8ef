import type {
  BodyRoundView,
  BudgetCycleStatus,
  BudgetPhase,
  TimelineEvent,
} from '@jaarcyclus/workflows';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { SecrecyFields } from '@jaarcyclus/api/common/vote-secrecy';
import type { DocumentInfo } from '@jaarcyclus/api/documents/documents.service';
import { errorSummary, notice, selectField, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { formatDateTime, formatNumber, type Messages } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
import { phaseText, proposalSourceFields } from './cycles.pages';
import { bodyStateText, decisionText, quorumBar, tallyTable } from './tally';
import { voteInfo } from './tasks.pages';

/** The secretariat's action forms on the cycle page; their values survive a refused post. */
export const CYCLE_ACTION_FIELDS = [
  'remindBody',
  'extendBody',
  'extendDeadline',
  'closeBody',
  'revisionDocumentId',
  'revisionUrl',
  'revisionVersion',
  'revisionDeadline',
] as const;
export type CycleActionField = (typeof CYCLE_ACTION_FIELDS)[number];
/** The revision's file input and its "do not use this file" box (not text values). */
export const REVISION_FILE_FIELD = 'revisionFile';
export const REVISION_FILE_REMOVE_FIELD = 'revisionFileRemove';

export interface CyclePageData {
  status: BudgetCycleStatus;
  /** personId → name: actors in the timeline, who closed a body, who adopted. */
  names: Map<string, string>;
  /** Secretariat: remind, extend, close, revise. */
  canManage: boolean;
  /** The signed-in person is this cycle's directeur-bestuurder. */
  isCycleDirector: boolean;
  /** Signed in with the director role (but perhaps not this cycle's director). */
  isDirector: boolean;
  message: string | null;
  /** A refusal of the action just posted; `field` is an action field or ''. */
  errors: FieldError[];
  values: Partial<Record<CycleActionField, string>>;
  /** The revised proposal uploaded by a refused post (`values.revisionDocumentId`). */
  revisionDocument?: DocumentInfo | null;
}

const LIVE: readonly string[] = ['open', 'escalated'];

function at(ctx: WebContext, iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDateTime(ctx.locale, new Date(iso))}</time>`;
}

/** One body of the current round: state, deadline, tally, quorum, who voted (the support plan's too). */
export function bodyCard(
  ctx: WebContext,
  body: BodyRoundView & Partial<SecrecyFields>,
  names: Map<string, string>,
  invitationsAt: string | null = null,
): SafeHtml {
  const { t, locale } = ctx;
  const titleId = `body-${body.bodyKey}`;
  const tally = body.tally;
  const turnout = tally ?? (body.sealed ? body.turnout : null) ?? null;
  const hiddenVoters = body.votedWithoutValue ?? [];
  return html`<section class="panel body-card" aria-labelledby="${titleId}">
    <h3 id="${titleId}">${body.name} <span class="muted">(${body.bodyKey.toUpperCase()})</span></h3>
    <div class="body-card-grid">
      <div>
        <dl class="details">
          <dt>${t.decisionKindLabel}</dt>
          <dd>${body.decisionKind ? t.decisionKind[body.decisionKind] : t.none}</dd>
          <dt>${t.bodyStatus}</dt>
          <dd><span class="state state--${body.status}">${bodyStateText(t, body, names)}</span></dd>
          <dt>${t.deadline}</dt>
          <dd>${at(ctx, body.deadline)}</dd>
          ${
            body.voteSecrecy
              ? html`<dt>${t.voteSecrecyLabel}</dt>
                  <dd>${t.voteSecrecyOption[body.voteSecrecy]}</dd>`
              : ''
          }
          ${
            body.status === 'open' && body.nextReminderAt
              ? html`<dt>${t.nextReminder}</dt>
                  <dd>${at(ctx, body.nextReminderAt)}</dd>`
              : ''
          }
          ${
            body.remindersSent > 0
              ? html`<dt>${t.remindersTitle}</dt>
                  <dd>${t.remindersSent(body.remindersSent)}</dd>`
              : ''
          }
        </dl>
        ${
          tally
            ? html`${tallyTable(ctx, body, tally)}
                <p class="hint">${t.shareHint}</p>`
            : turnout && body.voteSecrecy
              ? html`<p class="notice notice--info" data-testid="sealed-${body.bodyKey}">
                  ${t.sealedNotice(t.voteSecrecyOption[body.voteSecrecy])}
                </p>`
              : html`<p class="notice notice--info" data-auto-refresh>
                  ${
                    invitationsAt
                      ? t.invitationsWaiting(formatDateTime(ctx.locale, new Date(invitationsAt)))
                      : t.votingOpeningAuto
                  }
                  <a href="${ctx.path}">${t.refreshNow}</a>
                </p>`
        }
      </div>
      <div>
        ${turnout ? quorumBar(ctx, body, turnout, body.votingRule) : ''}
        ${
          body.status === 'opening'
            ? ''
            : html`<h4>${t.notVoted} <span class="muted">(${body.notVoted.length})</span></h4>
                ${
                  body.notVoted.length === 0
                    ? html`<p>${t.everyoneVoted}</p>`
                    : html`<ul class="member-list">
                        ${body.notVoted.map(
                          (m) =>
                            html`<li>
                              ${m.name}${body.votingRule?.weighting === 'pupil_count' ? html` <span class="muted">(${t.weightOf(formatNumber(locale, m.weight))})</span>` : ''}
                            </li>`,
                        )}
                      </ul>`
                }
                <h4>
                  ${t.voted}
                  <span class="muted">(${body.voted.length + hiddenVoters.length})</span>
                </h4>
                ${
                  body.voteSecrecy === 'secret' && hiddenVoters.length > 0
                    ? html`<p class="hint">${t.secretVotesNote}</p>`
                    : ''
                }
                ${
                  body.voted.length + hiddenVoters.length === 0
                    ? html`<p>${t.nobodyVoted}</p>`
                    : html`<ul class="member-list" data-testid="voted-${body.bodyKey}">
                        ${hiddenVoters.map(
                          (m) =>
                            html`<li>
                              ${m.name}: <span class="muted">${t.votedValueHidden}</span>
                            </li>`,
                        )}
                        ${body.voted.map(
                          (m) =>
                            html`<li>
                              ${m.name}:
                              ${
                                body.votingRule?.weighting === 'pupil_count'
                                  ? t.voteWithWeight(
                                      t.voteValue[m.value].toLowerCase(),
                                      formatNumber(locale, m.weight),
                                    )
                                  : t.voteValue[m.value].toLowerCase()
                              }
                            </li>`,
                        )}
                      </ul>`
                }`
        }
      </div>
    </div>
    ${
      // Only when there is something to read (the page also prints on a few A4 pages).
      body.comments && body.comments.length > 0
        ? commentsSection(ctx, body.bodyKey, body.comments)
        : ''
    }
  </section>`;
}

/** The members' comments (Toelichting) the reader may read: by name, or without names under a secret vote. */
function commentsSection(
  ctx: WebContext,
  bodyKey: string,
  comments: NonNullable<SecrecyFields['comments']>,
): SafeHtml {
  const { t } = ctx;
  const id = `toelichtingen-${bodyKey}`;
  const anonymous = comments.some((c) => c.name === null);
  const value = (v: string | null): string =>
    v && v in t.voteValue ? t.voteValue[v as 'for'].toLowerCase() : '';
  return html`<section class="comments" aria-labelledby="${id}">
    <h4 id="${id}">${t.commentsTitle} <span class="muted">(${comments.length})</span></h4>
    ${anonymous ? html`<p class="hint">${t.commentsAnonymous}</p>` : ''}
    <ul class="comment-list" data-testid="comments-${bodyKey}">
      ${comments.map(
        (c) =>
          html`<li>
            <p class="muted">
              ${c.name ? t.commentBy(c.name, value(c.value)) : t.commentAnonymousValue(value(c.value))}
            </p>
            <blockquote>${c.comment}</blockquote>
          </li>`,
      )}
    </ul>
  </section>`;
}

function timelineText(
  ctx: WebContext,
  event: TimelineEvent,
  status: Pick<BudgetCycleStatus, 'rounds'>,
  names: Map<string, string>,
): string {
  const { t, locale } = ctx;
  const data = event.data ?? {};
  const body = event.bodyKey
    ? (status.rounds.flatMap((r) => r.bodies).find((b) => b.bodyKey === event.bodyKey) ?? null)
    : null;
  const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const value = str(data.value);
  const weight = num(data.weight);
  const when = str(data.to) ?? str(data.at);
  const result = str(data.result);
  return t.timeline[event.code]({
    round: event.round ?? null,
    body: body?.name ?? event.bodyKey?.toUpperCase() ?? null,
    actor: event.actorPersonId ? (names.get(event.actorPersonId) ?? null) : null,
    value: value && value in t.voteValue ? t.voteValue[value as 'for'].toLowerCase() : null,
    // A weight says something only where votes are weighted (ALV: pupil counts, docs/domain.md, source 001 §1.1).
    weight:
      weight !== null && body?.votingRule?.weighting === 'pupil_count'
        ? formatNumber(locale, weight)
        : null,
    when: when && Number.isFinite(Date.parse(when)) ? formatDateTime(locale, new Date(when)) : null,
    count: num(data.members) ?? num(data.recipients) ?? num(data.lettersSent),
    result: result && body ? decisionText(t, body, result) : result,
  });
}

/** The cycle's timeline, oldest first (the support plan's too). */
export function timelineSection(
  ctx: WebContext,
  data: { status: Pick<BudgetCycleStatus, 'rounds' | 'timeline'>; names: Map<string, string> },
): SafeHtml {
  const { t } = ctx;
  const events = data.status.timeline;
  return html`<section aria-labelledby="verloop">
    <h2 id="verloop">${t.timelineTitle}</h2>
    ${
      events.length === 0
        ? html`<p class="muted">${t.timelineEmpty}</p>`
        : html`<ol class="timeline">
            ${events.map(
              (e) =>
                html`<li>
                  ${at(ctx, e.at)}
                  <span>${timelineText(ctx, e, data.status, data.names)}</span>
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}

function actionsSection(ctx: WebContext, data: CyclePageData, year: number): SafeHtml {
  const { t } = ctx;
  const { status, errors, values } = data;
  const options = (first: string, bodies: BodyRoundView[]) => [
    { value: '', label: first },
    ...bodies.map((b) => ({ value: b.bodyKey, label: b.name })),
  ];
  const live = status.bodies.filter((b) => LIVE.includes(b.status));
  const action = `/app/cycles/budget/${year}`;
  return html`<section aria-labelledby="acties">
    <h2 id="acties">${t.actionsTitle}</h2>
    <div class="action-grid">
      <form method="post" action="${action}/remind" class="panel" novalidate>
        ${csrfField(ctx)}
        <h3>${t.remindNow}</h3>
        <p class="hint">${t.remindHint}</p>
        ${selectField(ctx, {
          name: 'remindBody',
          label: t.body,
          value: values.remindBody ?? '',
          errors,
          options: options(
            t.anyBody,
            status.bodies.filter((b) => b.status === 'open'),
          ),
        })}
        <button type="submit" class="button">${t.remindNow}</button>
      </form>
      <form method="post" action="${action}/deadline" class="panel" novalidate>
        ${csrfField(ctx)}
        <h3>${t.extendDeadline}</h3>
        ${selectField(ctx, { name: 'extendBody', label: t.body, value: values.extendBody ?? '', errors, options: options(t.anyBody, live) })}
        ${textField(ctx, { name: 'extendDeadline', label: t.newDeadline, hint: t.newDeadlineHint, value: values.extendDeadline ?? '', errors, type: 'datetime-local', required: true })}
        <button type="submit" class="button">${t.extendDeadline}</button>
      </form>
      <form
        method="post"
        action="${action}/close"
        class="panel"
        novalidate
        data-confirm="${t.confirmClose}"
      >
        ${csrfField(ctx)}
        <h3>${t.closeRound}</h3>
        <p class="hint">${t.closeRoundHint}</p>
        ${selectField(ctx, { name: 'closeBody', label: t.body, value: values.closeBody ?? '', errors, options: options(t.escalatedBodies, status.bodies) })}
        <button type="submit" class="button button--warning">${t.closeRound}</button>
      </form>
    </div>
  </section>`;
}

function revisionSection(ctx: WebContext, data: CyclePageData, year: number): SafeHtml {
  const { t } = ctx;
  const { errors, values } = data;
  return html`<section class="panel" aria-labelledby="herziening">
    <h2 id="herziening">${t.revisionTitle}</h2>
    <p>${t.revisionIntro}</p>
    <form
      method="post"
      action="/app/cycles/budget/${year}/revision"
      enctype="multipart/form-data"
      novalidate
    >
      ${csrfField(ctx)}
      ${proposalSourceFields(ctx, {
        document: data.revisionDocument ?? null,
        fields: {
          file: REVISION_FILE_FIELD,
          url: 'revisionUrl',
          documentId: 'revisionDocumentId',
          remove: REVISION_FILE_REMOVE_FIELD,
        },
        url: values.revisionUrl ?? '',
        errors,
      })}
      ${textField(ctx, { name: 'revisionVersion', label: t.versionLabel, hint: t.versionLabelHint, value: values.revisionVersion ?? `Concept v${data.status.round + 1}`, errors, required: true })}
      ${textField(ctx, { name: 'revisionDeadline', label: t.revisionDeadline, hint: t.revisionDeadlineHint, value: values.revisionDeadline ?? '', errors, type: 'datetime-local' })}
      <button type="submit" class="button">${t.uploadRevision}</button>
    </form>
  </section>`;
}

function adoptSection(ctx: WebContext, data: CyclePageData, year: number): SafeHtml {
  const { t } = ctx;
  return html`<section class="panel panel--action" aria-labelledby="vaststellen">
    <h2 id="vaststellen">${t.adoptTitle}</h2>
    ${
      data.isCycleDirector
        ? html`<p>${t.adoptIntro}</p>
            <form
              method="post"
              action="/app/cycles/budget/${year}/adopt"
              data-confirm="${t.confirmAdopt}"
            >
              ${csrfField(ctx)}
              <button type="submit" class="button">${t.adoptButton}</button>
            </form>`
        : html`<p>${t.adoptOtherDirector}</p>`
    }
  </section>`;
}

/**
 * The phase as the reader should see it. An Update (adopt, revise) returns before the workflow
 * records the phase that follows it, so a page loaded right after would still offer the action
 * just taken: once adopted the cycle waits for the letters; once a newer round opened, it votes.
 */
export function shownPhase(status: BudgetCycleStatus): BudgetPhase {
  if (status.phase === 'awaiting_adoption' && status.adoption.adoptedAt) return 'awaiting_letters';
  const latest = status.rounds.at(-1);
  if (
    (status.phase === 'rejected_awaiting_revision' || status.phase === 'dispute') &&
    latest &&
    latest.round === status.round &&
    latest.status !== 'rejected'
  ) {
    return 'voting';
  }
  return status.phase;
}

function summary(ctx: WebContext, data: CyclePageData, phase: BudgetPhase): SafeHtml {
  const { t } = ctx;
  const { status, names } = data;
  const proposal = voteInfo({ proposal: status.proposal });
  const rows: [string, SafeHtml | string][] = [
    [t.phase, html`<strong>${phaseText(t, phase)}</strong>`],
    [t.currentRound, t.roundNumber(status.round)],
    [
      t.proposal,
      html`${proposal.versionLabel ?? ''}${proposal.proposalUrl ? html` – <a href="${proposal.proposalUrl}" rel="noopener noreferrer">${t.openProposal}</a>` : ''}`,
    ],
  ];
  if (status.adoption.adoptedAt) {
    rows.push([
      t.adoptTitle,
      t.adoptedOn(
        formatDateTime(ctx.locale, new Date(status.adoption.adoptedAt)),
        names.get(status.adoption.adoptedByPersonId ?? '') ?? '',
      ),
    ]);
  }
  if (status.letters.sentAt) {
    rows.push([
      t.lettersDate,
      t.lettersSentOn(
        formatDateTime(ctx.locale, new Date(status.letters.sentAt)),
        status.letters.result?.lettersSent ?? 0,
      ),
    ]);
  } else {
    rows.push([t.lettersDate, at(ctx, status.letters.scheduledFor ?? status.lettersDate)]);
  }
  return html`<dl class="details panel">
    ${rows.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

/** Labels of the action fields, for the error summary's links. */
function actionLabels(t: Messages): Record<string, string> {
  return {
    remindBody: t.body,
    extendBody: t.body,
    extendDeadline: t.newDeadline,
    closeBody: t.body,
    [REVISION_FILE_FIELD]: t.proposalFile,
    revisionUrl: t.proposalUrl,
    revisionVersion: t.versionLabel,
    revisionDeadline: t.revisionDeadline,
  };
}

/**
 * One budget cycle: phase and round, per body the weighted tally, quorum and who has not voted,
 * the history; the secretariat's actions while voting, the revision after a rejection, and
 * the directeur-bestuurder's adoption.
 */
export function budgetCyclePage(ctx: WebContext, data: CyclePageData): string {
  const { t } = ctx;
  const { status } = data;
  const year = status.budgetYear;
  const phase = shownPhase(status);
  const awaitingRevision = phase === 'rejected_awaiting_revision' || phase === 'dispute';
  return page(ctx, {
    title: status.title,
    nav: 'cycles',
    hasErrors: data.errors.length > 0,
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <h1>${status.title}</h1>
      ${notice(data.message)} ${errorSummary(ctx, data.errors, actionLabels(t))}
      ${summary(ctx, data, phase)}
      ${
        // The letters as sent, readable and printable (each reader sees the ones theirs to read).
        phase === 'letters_sent' ? html`<p><a href="/app/letters">${t.letters.title}</a></p>` : ''
      }
      ${
        status.dispute
          ? html`<p class="notice notice--info">
              ${t.disputeNote(
                status.bodies.find((b) => b.bodyKey === status.dispute?.bodyKey)?.name ??
                  status.dispute.bodyKey.toUpperCase(),
                status.dispute.rounds.join(', '),
              )}
            </p>`
          : ''
      }
      ${phase === 'awaiting_adoption' && data.isDirector ? adoptSection(ctx, data, year) : ''}
      ${awaitingRevision && data.canManage ? revisionSection(ctx, data, year) : ''}
      <section aria-labelledby="organen">
        <h2 id="organen">${t.bodiesTitle} – ${t.roundNumber(status.round)}</h2>
        <div class="body-cards">
          ${status.bodies.map((b) => bodyCard(ctx, b, data.names, status.invitationsAt ?? null))}
        </div>
      </section>
      ${phase === 'voting' && data.canManage ? actionsSection(ctx, data, year) : ''}
      ${timelineSection(ctx, data)}`,
  });
}

/** The page when the cycle cannot be reached (Temporal down): say so, no stack trace. */
export function cycleUnavailablePage(ctx: WebContext): string {
  const { t } = ctx;
  return page(ctx, {
    title: t.errorTitle,
    nav: 'cycles',
    body: html`<p><a href="/app/cycles">${t.backToCycles}</a></p>
      <div class="narrow">
        <h1>${t.errorTitle}</h1>
        <p class="lead">${t.cycleUnreachable}</p>
      </div>`,
  });
}
