import type { Schedule, ScheduleLock } from '@jaarcyclus/domain';
import { formatCalendarDate, formatCount, formatPercent } from '@jaarcyclus/i18n';
import type { OverviewRow, ProgrammeDetail, ProgrammeRecord } from '@jaarcyclus/persistence';
import { MAX_DOCUMENT_BYTES } from '@jaarcyclus/api/documents/documents.service';
import {
  errorSummary,
  fileField,
  notice,
  selectField,
  tableRegion,
  textArea,
  textField,
} from '../components';
import { DOCUMENT_ACCEPT } from '../proposal-source';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { html, type SafeHtml } from '../html';
import { formatBytes, formatDateTime } from '../i18n';
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

/** The partner's side of joint programmes (VisitationService.partnershipsPage). */
export interface PartnerSide {
  people: { id: string; name: string }[];
  partnerships: {
    programmeId: string;
    title: string;
    schoolYear: string;
    hostName: string;
    accepted: boolean;
    schedule: { hostName: string; visitDate: string; status: string }[];
  }[];
}

export function programmesPage(
  ctx: WebContext,
  programmes: ProgrammeRecord[],
  partner: PartnerSide | null = null,
  message: string | null = null,
  errors: FieldError[] = [],
): string {
  const v = ctx.t.vis;
  return page(ctx, {
    title: v.listTitle,
    nav: 'cycles',
    hasErrors: errors.length > 0,
    body: html`<h1>${v.listTitle}</h1>
      ${notice(message)} ${errorSummary(ctx, errors, { personId: v.nominatePerson })}
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
      }
      ${partner && partner.partnerships.length > 0 ? partnerSection(ctx, partner, errors) : ''}`,
  });
}

function partnerSection(ctx: WebContext, partner: PartnerSide, errors: FieldError[]): SafeHtml {
  const v = ctx.t.vis;
  return html`<section aria-labelledby="invitations-title">
    <h2 id="invitations-title">${v.invitationsTitle}</h2>
    ${partner.partnerships.map((l, i) => {
      const action = `/app/visitation-partnerships/${l.programmeId}`;
      return html`<section class="panel" aria-labelledby="invitation-${i}">
        <h3 id="invitation-${i}">${l.title}</h3>
        <p>
          ${v.invitationFrom(l.hostName, l.schoolYear)} · ${l.accepted ? v.accepted : v.notAccepted}
        </p>
        ${
          l.accepted
            ? html`<form method="post" action="${action}" novalidate>
                  ${csrfField(ctx)}<input type="hidden" name="action" value="nominate" />
                  <h4>${v.nominateTitle}</h4>
                  ${selectField(ctx, {
                    name: i === 0 ? 'personId' : `personId-${i}`,
                    label: v.nominatePerson,
                    value: '',
                    errors: i === 0 ? errors : [],
                    options: partner.people.map((p) => ({ value: p.id, label: p.name })),
                  })}
                  <div class="field">
                    <input type="checkbox" id="trained-${i}" name="trainedChair" value="1" /><label
                      for="trained-${i}"
                      >${v.trainedChair}</label
                    >
                  </div>
                  <button type="submit" class="button">${v.nominate}</button>
                </form>
                <p>
                  <a href="${VISITATIONS_PATH}/${l.programmeId}/schedule">${v.publicSchedule}</a>
                </p>`
            : html`<form method="post" action="${action}">
                ${csrfField(ctx)}<input type="hidden" name="action" value="accept" />
                <button type="submit" class="button">${v.accept}</button>
              </form>`
        }
      </section>`;
    })}
  </section>`;
}

/** A programme's public schedule: hosts and dates, no people (host office and partners). */
export function publicSchedulePage(
  ctx: WebContext,
  rows: { hostName: string; visitDate: string; status: string }[],
): string {
  const v = ctx.t.vis;
  return page(ctx, {
    title: v.publicSchedule,
    nav: 'cycles',
    body: html`<h1>${v.publicSchedule}</h1>
      ${
        rows.length === 0
          ? html`<p>${v.noVisitsYet}</p>`
          : tableRegion(
              v.publicSchedule,
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">${v.host}</th>
                    <th scope="col">${v.date}</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr>
                        <th scope="row">${r.hostName}</th>
                        <td>${day(ctx, r.visitDate)}</td>
                        <td>${v.visitStatus[r.status] ?? r.status}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
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
  const partners = draft
    ? html`<section class="panel" aria-labelledby="partners-title">
        <h2 id="partners-title">${v.partnersTitle}</h2>
        <p>${v.partnersIntro}</p>
        <form method="post" action="${action}" novalidate>
          ${csrfField(ctx)}<input type="hidden" name="action" value="partner" />
          ${textField(ctx, {
            name: 'partner',
            label: v.partnerCode,
            value: '',
            errors: d.errors,
            width: 'short',
          })}
          <button type="submit" class="button button--secondary">${v.linkPartner}</button>
        </form>
      </section>`
    : html``;
  return page(ctx, {
    title: p.title,
    nav: 'cycles',
    hasErrors: d.errors.length > 0,
    body: html`<h1>${p.title}</h1>
      ${notice(d.message)} ${errorSummary(ctx, d.errors, { partner: v.partnerCode })}
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
      ${partners}
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
  programmeId: string;
  maySeeSchedule: boolean;
  hostName: string;
  visitDate: string;
  team: { name: string; role: 'chair' | 'member' }[];
  /** The reader's own answer; null when they are not asked (the office). */
  myAnswer: 'pending' | 'confirmed' | 'declined' | null;
  steps: { label: string; dueAt: string; done: boolean; key: string; open: boolean }[];
  status: string;
  message: string | null;
  errors: FieldError[];
  /** What the form that failed was sent with, to fill it in again. */
  values: Record<string, string>;
  reports: {
    step: string;
    version: number;
    documentId: string;
    filename: string;
    sizeBytes: number;
    submittedAt: string;
    submittedBy: string;
  }[];
  uploadSteps: string[];
  followUps: {
    key: string;
    description: string;
    ownerName: string;
    dueDate: string;
    status: 'open' | 'done';
    mayComplete: boolean;
  }[];
  mayAddFollowUp: boolean;
  ownerOptions: { id: string; name: string }[];
  /** The host SWV's secretariat: reschedule, cancel, the check. */
  office: boolean;
  /** Open steps the secretariat may remind of now ("herinner nu"). */
  remindSteps?: { key: string; label: string }[];
}

/**
 * A visit's page for the host contacts, the team and the host SWV's office: the date to
 * confirm or decline, the team, the steps, the reports (every version, to download; a form
 * for whoever owes one now), the follow-up actions, and for the secretariat reschedule,
 * cancel and the check. Every action is a form without script.
 */
export function visitPage(ctx: WebContext, d: VisitPageData): string {
  const v = ctx.t.vis;
  const base = `/app/visits/${d.visitId}`;
  const errors = d.errors;
  const answerForm = (answer: 'confirm' | 'decline', label: string, cls: string) =>
    html`<form method="post" action="${base}/answer" class="inline-form">
      ${csrfField(ctx)}<input type="hidden" name="answer" value="${answer}" />
      <button type="submit" class="${cls}">${label}</button>
    </form>`;
  const closed = d.status === 'cancelled' || d.status === 'closed';
  const checkOpen = d.steps.some((s) => s.key === 'follow_up_check' && s.open && !s.done);
  const reports = html`<section aria-labelledby="reports-title">
    <h2 id="reports-title">${v.reportsTitle}</h2>
    ${
      d.reports.length === 0
        ? html`<p>${v.noReports}</p>`
        : tableRegion(
            v.reportsTitle,
            html`<table>
              <thead>
                <tr>
                  <th scope="col">${v.reportStep}</th>
                  <th scope="col">${v.reportFile}</th>
                  <th scope="col">${v.reportSubmitted}</th>
                </tr>
              </thead>
              <tbody>
                ${d.reports.map(
                  (r) =>
                    html`<tr>
                      <th scope="row">
                        ${v.reportSteps[r.step] ?? r.step} (${v.reportVersion(r.version)})
                      </th>
                      <td>
                        <a href="${base}/reports/${r.documentId}"
                          >${r.filename}, ${formatBytes(ctx.locale, r.sizeBytes)}</a
                        >
                      </td>
                      <td>
                        ${v.reportBy(r.submittedBy, formatDateTime(ctx.locale, new Date(r.submittedAt)))}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }
    ${
      d.uploadSteps.length === 0
        ? ''
        : html`<section class="panel" aria-labelledby="upload-title">
            <h3 id="upload-title">${v.uploadTitle}</h3>
            <form method="post" action="${base}/reports" enctype="multipart/form-data" novalidate>
              ${csrfField(ctx)}
              ${selectField(ctx, {
                name: 'step',
                label: v.reportStep,
                value: d.values.step ?? d.uploadSteps[0] ?? '',
                errors,
                options: d.uploadSteps.map((s) => ({ value: s, label: v.reportSteps[s] ?? s })),
              })}
              ${fileField(ctx, {
                name: 'file',
                label: v.reportFile,
                hint: v.reportFileHint(formatBytes(ctx.locale, MAX_DOCUMENT_BYTES)),
                accept: DOCUMENT_ACCEPT,
                errors,
              })}
              <button type="submit" class="button">${v.upload}</button>
            </form>
          </section>`
    }
  </section>`;
  const followUps = html`<section aria-labelledby="follow-ups-title">
    <h2 id="follow-ups-title">${v.followUpsTitle}</h2>
    ${
      d.followUps.length === 0
        ? html`<p>${v.noFollowUps}</p>`
        : tableRegion(
            v.followUpsTitle,
            html`<table>
              <thead>
                <tr>
                  <th scope="col">${v.followUpAction}</th>
                  <th scope="col">${v.followUpOwner}</th>
                  <th scope="col">${v.followUpDue}</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                ${d.followUps.map(
                  (f) =>
                    html`<tr>
                      <th scope="row">${f.description}</th>
                      <td>${f.ownerName}</td>
                      <td>${day(ctx, f.dueDate)}</td>
                      <td>
                        ${
                          f.mayComplete
                            ? html`<form
                                method="post"
                                action="${base}/follow-ups/${f.key}/done"
                                class="inline-form"
                              >
                                ${csrfField(ctx)}
                                <button
                                  type="submit"
                                  class="button button--secondary"
                                  aria-label="${v.markDone}: ${f.description}"
                                >
                                  ${v.markDone}
                                </button>
                              </form>`
                            : (v.followUpStatus[f.status] ?? f.status)
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`,
          )
    }
    ${
      d.mayAddFollowUp
        ? html`<section class="panel" aria-labelledby="add-follow-up-title">
            <h3 id="add-follow-up-title">${v.addFollowUpTitle}</h3>
            <form method="post" action="${base}/follow-ups" novalidate>
              ${csrfField(ctx)}
              ${textArea(ctx, {
                name: 'description',
                label: v.followUpDescription,
                value: d.values.description ?? '',
                errors,
                maxLength: 1000,
              })}
              ${selectField(ctx, {
                name: 'ownerPersonId',
                label: v.followUpOwner,
                value: d.values.ownerPersonId ?? '',
                errors,
                options: d.ownerOptions.map((o) => ({ value: o.id, label: o.name })),
              })}
              ${textField(ctx, {
                name: 'dueDate',
                label: v.followUpDue,
                hint: v.dateHint,
                value: d.values.dueDate ?? '',
                errors,
                width: 'short',
              })}
              <button type="submit" class="button">${v.addFollowUp}</button>
            </form>
          </section>`
        : ''
    }
  </section>`;
  const office =
    d.office && !closed
      ? html`${
            checkOpen
              ? html`<section class="panel" aria-labelledby="check-title">
                  <h2 id="check-title">${v.checkTitle}</h2>
                  <p>${v.checkIntro}</p>
                  <form method="post" action="${base}/check">
                    ${csrfField(ctx)}<button type="submit" class="button">
                      ${v.completeCheck}
                    </button>
                  </form>
                </section>`
              : ''
          }
          ${
            (d.remindSteps ?? []).length > 0
              ? html`<section class="panel" aria-labelledby="remind-title">
                  <h2 id="remind-title">${v.remindTitle}</h2>
                  <p>${v.remindIntro}</p>
                  ${(d.remindSteps ?? []).map(
                    (s) =>
                      html`<form method="post" action="${base}/remind" class="inline-form">
                        ${csrfField(ctx)}<input type="hidden" name="step" value="${s.key}" />
                        <button type="submit" class="button button--secondary">
                          ${v.remindNow(s.label)}
                        </button>
                      </form>`,
                  )}
                </section>`
              : ''
          }
          <section class="panel" aria-labelledby="reschedule-title">
            <h2 id="reschedule-title">${v.rescheduleTitle}</h2>
            <form method="post" action="${base}/reschedule" novalidate>
              ${csrfField(ctx)}
              ${textField(ctx, {
                name: 'visitDate',
                label: v.newVisitDate,
                hint: v.dateHint,
                value: d.values.visitDate ?? '',
                errors,
                width: 'short',
              })}
              <button type="submit" class="button button--secondary">${v.reschedule}</button>
            </form>
          </section>
          <section class="panel" aria-labelledby="cancel-title">
            <h2 id="cancel-title">${v.cancelTitle}</h2>
            <form
              method="post"
              action="${base}/cancel"
              data-confirm="${v.cancelConfirm}"
              novalidate
            >
              ${csrfField(ctx)}
              ${textField(ctx, {
                name: 'reason',
                label: v.cancelReason,
                value: d.values.reason ?? '',
                errors,
              })}
              <button type="submit" class="button button--warning">${v.cancel}</button>
            </form>
          </section>`
      : '';
  return page(ctx, {
    title: v.visitTitle(d.hostName),
    nav: 'tasks',
    hasErrors: errors.length > 0,
    body: html`<h1>${v.visitTitle(d.hostName)}</h1>
      ${notice(d.message)}
      ${errorSummary(ctx, errors, {
        step: v.reportStep,
        file: v.reportFile,
        description: v.followUpDescription,
        ownerPersonId: v.followUpOwner,
        dueDate: v.followUpDue,
        visitDate: v.newVisitDate,
        reason: v.cancelReason,
      })}
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
      )}
      ${
        d.maySeeSchedule
          ? html`<p>
              <a href="${VISITATIONS_PATH}/${d.programmeId}/schedule">${v.publicSchedule}</a>
            </p>`
          : ''
      }
      ${reports} ${followUps} ${office}`,
  });
}
