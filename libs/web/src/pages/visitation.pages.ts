import type { Schedule, ScheduleLock } from '@jaarcyclus/domain';
import { formatCalendarDate, formatCount, formatPercent } from '@jaarcyclus/i18n';
import type { OverviewRow, ProgrammeDetail, ProgrammeRecord } from '@jaarcyclus/persistence';
import { errorSummary, notice, tableRegion } from '../components';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { html, type SafeHtml } from '../html';
import { formatDateTime } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';

/** The proposal as the service answers it (VisitationService.proposalView). */
export interface ProposalView {
  id: string;
  status: 'optimal' | 'feasible' | 'infeasible' | 'no-solution';
  objective: number | null;
  gap: number | null;
  schedule: Schedule | null;
  binding: { message: string }[];
  infeasibility: { message: string }[];
  violations: { message: string }[];
}

export const VISITATIONS_PATH = '/app/visitations';

const day = (ctx: WebContext, date: string): string => formatCalendarDate(ctx.locale, date);

export function programmesPage(ctx: WebContext, programmes: ProgrammeRecord[]): string {
  const v = ctx.t.vis;
  return page(ctx, {
    title: v.listTitle,
    nav: 'cycles',
    body: html`<h1>${v.listTitle}</h1>
      <p class="lead">${v.listIntro}</p>
      ${
        programmes.length === 0
          ? html`<p class="panel">${v.none}</p>`
          : html`<ul class="cards">
              ${programmes.map(
                (p) =>
                  html`<li class="panel">
                    <h2><a href="${VISITATIONS_PATH}/${p.id}">${p.title}</a></h2>
                    <p>
                      ${v.kind[p.kind]} · ${v.schoolYear} ${p.schoolYear} · ${v.status[p.status]}
                    </p>
                  </li>`,
              )}
            </ul>`
      }`,
  });
}

export interface ProgrammePageData {
  programme: ProgrammeDetail;
  locks: ScheduleLock[];
  proposal: ProposalView | null;
  overview: (OverviewRow & { overdueLabels: string[] })[];
  message: string | null;
  errors: FieldError[];
}

/**
 * The secretariat's page of one programme: the proposal as a table and per month, its
 * explanations, the adjustments (lock, move, swap, re-solve) and publishing; once published,
 * the overview with its CSV export. Works without script: every action is a form.
 */
export function programmePage(ctx: WebContext, d: ProgrammePageData): string {
  const v = ctx.t.vis;
  const p = d.programme;
  const hostName = new Map(p.hosts.map((h) => [h.id, h.name]));
  const personName = new Map(p.visitors.map((x) => [x.personId, x.name]));
  const draft = p.status === 'draft';
  const action = `${VISITATIONS_PATH}/${p.id}`;
  const schedule = d.proposal?.schedule ?? null;
  const lockedHosts = new Set(d.locks.map((l) => l.hostId));
  const visits = schedule
    ? [...schedule.visits].sort(
        (a, b) =>
          a.date.localeCompare(b.date) ||
          (hostName.get(a.hostId) ?? '').localeCompare(hostName.get(b.hostId) ?? ''),
      )
    : [];
  const form = (name: string, label: string, extra: SafeHtml = html``, cls = 'button') =>
    html`<form method="post" action="${action}" class="inline-form">
      ${csrfField(ctx)}<input type="hidden" name="action" value="${name}" />${extra}
      <button type="submit" class="${cls}">${label}</button>
    </form>`;
  const explanations = (title: string, items: { message: string }[]) =>
    items.length === 0
      ? html``
      : html`<h3>${title}</h3>
          <ul>
            ${items.map((e) => html`<li>${e.message}</li>`)}
          </ul>`;
  const table = html`<table>
    <caption>
      ${v.tableTitle}
    </caption>
    <thead>
      <tr>
        <th scope="col">${v.host}</th>
        <th scope="col">${v.date}</th>
        <th scope="col">${v.chair}</th>
        <th scope="col">${v.members}</th>
        ${draft ? html`<th scope="col">${v.locked}</th>` : ''}
      </tr>
    </thead>
    <tbody>
      ${visits.map((visit) => {
        const chair = visit.team.find((s) => s.role === 'chair');
        const members = visit.team.filter((s) => s.role === 'member');
        const name = hostName.get(visit.hostId) ?? visit.hostId;
        return html`<tr>
          <th scope="row">${name}</th>
          <td>${day(ctx, visit.date)}</td>
          <td>${chair ? (personName.get(chair.visitorId) ?? '') : ''}</td>
          <td>${members.map((m) => personName.get(m.visitorId) ?? '').join(', ')}</td>
          ${
            draft
              ? html`<td>
                  ${
                    lockedHosts.has(visit.hostId)
                      ? v.locked
                      : form(
                          'lock',
                          v.lock,
                          html`<input type="hidden" name="hostId" value="${visit.hostId}" />`,
                          'button button--secondary',
                        )
                  }
                </td>`
              : ''
          }
        </tr>`;
      })}
    </tbody>
  </table>`;
  const months = new Map<string, typeof visits>();
  for (const visit of visits) {
    const key = visit.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), visit]);
  }
  const calendar = html`<section aria-labelledby="calendar-title">
    <h3 id="calendar-title">${v.calendarTitle}</h3>
    <div class="month-list">
      ${[...months.entries()].map(
        ([month, list]) =>
          html`<section class="panel">
            <h4>${day(ctx, `${month}-01`).replace(/^1 /, '')}</h4>
            <dl>
              ${list.map(
                (visit) =>
                  html`<dt>${day(ctx, visit.date)}</dt>
                    <dd>${hostName.get(visit.hostId) ?? ''}</dd>`,
              )}
            </dl>
          </section>`,
      )}
    </div>
  </section>`;
  const seatOptions = visits.flatMap((visit) =>
    visit.team.map((s) => ({
      value: `${visit.hostId}|${s.visitorId}`,
      label: `${personName.get(s.visitorId) ?? ''} – ${hostName.get(visit.hostId) ?? ''}`,
    })),
  );
  const adjust = html`<section class="panel" aria-labelledby="move-title">
      <h3 id="move-title">${v.moveTitle}</h3>
      <form method="post" action="${action}">
        ${csrfField(ctx)}<input type="hidden" name="action" value="move" />
        <div class="field">
          <label for="move-host">${v.host}</label>
          <select id="move-host" name="hostId">
            ${visits.map(
              (visit) =>
                html`<option value="${visit.hostId}">${hostName.get(visit.hostId) ?? ''}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="move-date">${v.moveTo}</label>
          <input id="move-date" name="date" type="date" required />
        </div>
        <button type="submit" class="button button--secondary">${v.move}</button>
      </form>
    </section>
    <section class="panel" aria-labelledby="swap-title">
      <h3 id="swap-title">${v.swapTitle}</h3>
      <form method="post" action="${action}">
        ${csrfField(ctx)}<input type="hidden" name="action" value="swap" />
        ${(['a', 'b'] as const).map(
          (k, i) =>
            html`<div class="field">
              <label for="swap-${k}">${k === 'a' ? v.swapA : v.swapB}</label>
              <select id="swap-${k}" name="${k}">
                ${seatOptions.map(
                  (o, j) =>
                    html`<option value="${o.value}" ${j === i ? html`selected` : ''}>
                      ${o.label}
                    </option>`,
                )}
              </select>
            </div>`,
        )}
        <button type="submit" class="button button--secondary">${v.swap}</button>
      </form>
    </section>`;
  const proposal = d.proposal;
  return page(ctx, {
    title: p.title,
    nav: 'cycles',
    hasErrors: d.errors.length > 0,
    body: html`<h1>${p.title}</h1>
      ${notice(d.message)} ${errorSummary(ctx, d.errors, {})}
      <p class="lead">
        ${v.kind[p.kind]} · ${v.schoolYear} ${p.schoolYear} · ${v.status[p.status]}
      </p>
      <ul>
        <li>${v.hosts}: ${p.hosts.length}</li>
        <li>
          ${v.visitors}: ${p.visitors.length}
          (${v.trainedChairs(p.visitors.filter((x) => x.trainedChair).length)})
        </li>
        <li>${v.teamSize(p.teamSize)}</li>
        <li>
          ${v.windows}:
          ${p.windows.map((w) => `${day(ctx, w.start)} – ${day(ctx, w.end)}`).join('; ')}
        </li>
      </ul>
      <section aria-labelledby="proposal-title">
        <h2 id="proposal-title">${v.proposalTitle}</h2>
        ${
          proposal
            ? html`<p>
                <strong>${v.proposalStatus[proposal.status]}</strong>
                ${
                  proposal.objective !== null
                    ? html` ·
                      ${v.objective(formatCount(ctx.locale, proposal.objective), formatPercent(ctx.locale, proposal.gap ?? 0))}`
                    : ''
                }
              </p>`
            : html`<p>${v.noProposal}</p>`
        }
        ${explanations(v.infeasible, proposal?.infeasibility ?? [])}
        ${explanations(v.violations, proposal?.violations ?? [])}
        ${explanations(v.binding, proposal?.binding ?? [])}
        ${
          draft
            ? html`<div class="actions">
                ${form('propose', proposal ? v.resolve : v.propose)}
                ${d.locks.length > 0 ? form('unlock', v.unlockAll, html``, 'button button--secondary') : ''}
              </div>`
            : ''
        }
        ${visits.length > 0 ? html`${tableRegion(v.tableTitle, table)} ${calendar}` : ''}
        ${draft && visits.length > 0 ? adjust : ''}
        ${
          draft && schedule && (proposal?.violations.length ?? 0) === 0
            ? html`<form method="post" action="${action}" data-confirm="${v.publishConfirm}">
                ${csrfField(ctx)}<input type="hidden" name="action" value="publish" />
                <button type="submit" class="button">${v.publish}</button>
              </form>`
            : ''
        }
      </section>
      ${
        draft
          ? ''
          : html`<section aria-labelledby="overview-title">
              <h2 id="overview-title">${v.overviewTitle}</h2>
              ${tableRegion(
                v.overviewTitle,
                html`<table>
                  <thead>
                    <tr>
                      <th scope="col">${v.host}</th>
                      <th scope="col">${v.date}</th>
                      <th scope="col">Status</th>
                      <th scope="col">${v.chair}</th>
                      <th scope="col">${v.overdue}</th>
                      <th scope="col">${v.openFollowUps}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${d.overview.map(
                      (r) =>
                        html`<tr>
                          <th scope="row">${r.hostName}</th>
                          <td>${day(ctx, r.visitDate)}</td>
                          <td>${v.visitStatus[r.status] ?? r.status}</td>
                          <td>${r.chairName ?? ''}</td>
                          <td>${r.overdueLabels.join(', ')}</td>
                          <td>${String(r.openFollowUps)}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>`,
              )}
              <p><a href="/api/visitation-programmes/${p.id}/overview.csv">${v.exportCsv}</a></p>
            </section>`
      }`,
  });
}

export interface VisitPageData {
  visitId: string;
  hostName: string;
  visitDate: string;
  team: { name: string; role: 'chair' | 'member' }[];
  /** The reader's own answer; null when they are not asked (the office). */
  myAnswer: 'pending' | 'confirmed' | 'declined' | null;
  steps: { label: string; dueAt: string; done: boolean }[];
  status: string;
  message: string | null;
}

/** A host contact's or visitor's page of one visit: the date to confirm or decline, the team, the steps. */
export function visitPage(ctx: WebContext, d: VisitPageData): string {
  const v = ctx.t.vis;
  const answerForm = (answer: 'confirm' | 'decline', label: string, cls: string) =>
    html`<form method="post" action="/app/visits/${d.visitId}/answer" class="inline-form">
      ${csrfField(ctx)}<input type="hidden" name="answer" value="${answer}" />
      <button type="submit" class="${cls}">${label}</button>
    </form>`;
  return page(ctx, {
    title: v.visitTitle(d.hostName),
    nav: 'tasks',
    body: html`<h1>${v.visitTitle(d.hostName)}</h1>
      ${notice(d.message)}
      <p class="lead">
        ${v.visitIntro(day(ctx, d.visitDate))} (${v.visitStatus[d.status] ?? d.status})
      </p>
      ${
        d.myAnswer === null
          ? ''
          : html`<section class="panel" aria-labelledby="answer-title">
              <h2 id="answer-title">${v.yourAnswer}</h2>
              <p>${v.answer[d.myAnswer]}</p>
              ${
                d.myAnswer === 'pending'
                  ? html`<p class="muted">${v.declineHint}</p>
                      <div class="actions">
                        ${answerForm('confirm', v.confirm, 'button')}
                        ${answerForm('decline', v.decline, 'button button--warning')}
                      </div>`
                  : ''
              }
            </section>`
      }
      <h2>${v.team}</h2>
      <ul>
        ${d.team.map((m) => html`<li>${m.name}${m.role === 'chair' ? ` (${v.chair})` : ''}</li>`)}
      </ul>
      <h2>${v.steps}</h2>
      ${tableRegion(
        v.steps,
        html`<table>
          <tbody>
            ${d.steps.map(
              (s) =>
                html`<tr>
                  <th scope="row">${s.label}</th>
                  <td>${v.due} ${formatDateTime(ctx.locale, new Date(s.dueAt))}</td>
                  <td>${s.done ? v.done : v.open}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
      )}`,
  });
}
