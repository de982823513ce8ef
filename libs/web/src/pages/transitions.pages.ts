import {
  type TransitionMoveKind,
  type TransitionYearNumbers,
  TRANSITION_DECISIONS,
  TRANSITION_END_REASONS,
  TRANSITION_PHASES,
  movesFor,
} from '@jaarcyclus/domain';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import type { TransitionOverviewItem } from '@jaarcyclus/api/transitions/transitions.service';
import type { TransitionCaseView, TransitionDocument } from '@jaarcyclus/persistence';
import {
  errorSummary,
  fileField,
  notice,
  selectField,
  tableRegion,
  textArea,
  textField,
} from '../components';
import { html, type SafeHtml } from '../html';
import { DOCUMENT_ACCEPT } from '../proposal-source';
import { formatCalendarDate, formatCount } from '@jaarcyclus/i18n';
import { type WebContext, csrfField, page } from '../layout';

export const TRANSITIONS_PATH = '/app/transitions';

export interface OpenFormValues {
  vsoSchoolId: string;
  pupilName: string;
  pupilBirthDate: string;
  parentName: string;
  parentEmail: string;
}

function casesTable(
  ctx: WebContext,
  label: string,
  rows: TransitionOverviewItem[],
  /** The SWV's administrators: a link to each case's access log (for the FG). */
  accessLog = false,
): SafeHtml {
  const t = ctx.t;
  if (rows.length === 0) return html`<p>${t.trNone}</p>`;
  return tableRegion(
    label,
    html`<table>
      <thead>
        <tr>
          <th scope="col">${t.trVsoSchool}</th>
          <th scope="col">${t.trRegularSchool}</th>
          <th scope="col">${t.trPhaseLabel}</th>
          <th scope="col">${t.trDaysInPhase}</th>
          <th scope="col">${t.trDue}</th>
          <th scope="col">${t.trStatusLabel}</th>
          ${accessLog ? html`<th scope="col">${t.talLink}</th>` : ''}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <td><a href="${TRANSITIONS_PATH}/${r.id}">${r.vsoSchoolName}</a></td>
              <td>${r.regularSchoolName ?? t.trNoSchoolYet}</td>
              <td>${t.trPhase[r.phase]}</td>
              <td>${r.status === 'open' ? formatCount(ctx.locale, r.daysInPhase) : ''}</td>
              <td>${r.dueOn ? formatCalendarDate(ctx.locale, r.dueOn) : ''}</td>
              <td>
                ${
                  r.status === 'open'
                    ? r.overdue
                      ? html`<strong>${t.trOverdue}</strong>`
                      : t.trOnTime
                    : r.outcome
                      ? t.trOutcome[r.outcome as keyof typeof t.trOutcome]
                      : t.trStatus[r.status]
                }
              </td>
              ${
                accessLog
                  ? html`<td>
                      <a
                        href="${TRANSITIONS_PATH}/${r.id}/access-log"
                        aria-label="${t.talLinkLabel(r.vsoSchoolName)}"
                        >${t.talLink}</a
                      >
                    </td>`
                  : ''
              }
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function numbersTable(ctx: WebContext, n: TransitionYearNumbers): SafeHtml {
  const t = ctx.t;
  const count = (x: number) => formatCount(ctx.locale, x);
  const rows: [string, string][] = [
    [t.trStarted, count(n.started)],
    [t.trSucceeded, count(n.succeeded)],
    [t.trSymbiosis, count(n.symbiosis)],
    [t.trBackToVso, count(n.backToVso)],
    [t.trEnded, count(n.ended)],
    ...TRANSITION_PHASES.map((p): [string, string] => {
      const m = n.medianDaysPerPhase[p];
      return [t.trMedianDays(t.trPhase[p].toLowerCase()), m === null ? t.trNoMedian : count(m)];
    }),
  ];
  return html`<h2>${t.trNumbers(n.year)}</h2>
    <table>
      <tbody>
        ${rows.map(
          ([k, v]) =>
            html`<tr>
              <th scope="row">${k}</th>
              <td>${v}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

/** The list: the person's own cases, and for the office and the ECT all cases and the numbers. */
export function transitionsPage(
  ctx: WebContext,
  o: {
    mine: TransitionOverviewItem[] | null;
    all: TransitionOverviewItem[] | null;
    numbers: TransitionYearNumbers | null;
    canOpen: boolean;
    /** The SWV's administrators read each case's access log (for the FG). */
    accessLog?: boolean;
  },
): string {
  const t = ctx.t;
  return page(ctx, {
    title: t.trTitle,
    nav: 'transitions',
    body: html`<h1>${t.trTitle}</h1>
      ${o.canOpen ? html`<p><a class="button" href="${TRANSITIONS_PATH}/new">${t.trNew}</a></p>` : ''}
      ${
        o.mine
          ? html`<h2>${t.trMine}</h2>
              ${casesTable(ctx, t.trMine, o.mine)}`
          : ''
      }
      ${
        o.all
          ? html`<h2>${t.trOverview}</h2>
              <p class="hint">${t.trOverviewHint}</p>
              ${casesTable(ctx, t.trOverview, o.all, o.accessLog ?? false)}`
          : ''
      }
      ${o.numbers ? numbersTable(ctx, o.numbers) : ''}`,
  });
}

export function openTransitionPage(
  ctx: WebContext,
  o: { schools: { id: string; name: string }[]; values: OpenFormValues; errors: FieldError[] },
): string {
  const t = ctx.t;
  const labels = {
    vsoSchoolId: t.trVsoSchool,
    pupilName: t.trPupilName,
    pupilBirthDate: t.trPupilBirthDate,
    parentName: t.trParentName,
    parentEmail: t.trParentEmail,
  };
  return page(ctx, {
    title: t.trNew,
    nav: 'transitions',
    hasErrors: o.errors.length > 0,
    body: html`<h1>${t.trNew}</h1>
      <p>${t.trNewIntro}</p>
      ${errorSummary(ctx, o.errors, labels)}
      <form method="post" action="${TRANSITIONS_PATH}/new" novalidate>
        ${csrfField(ctx)}
        ${selectField(ctx, {
          name: 'vsoSchoolId',
          label: labels.vsoSchoolId,
          value: o.values.vsoSchoolId,
          errors: o.errors,
          options: o.schools.map((s) => ({ value: s.id, label: s.name })),
        })}
        ${textField(ctx, { name: 'pupilName', label: labels.pupilName, value: o.values.pupilName, errors: o.errors, required: true })}
        ${textField(ctx, {
          name: 'pupilBirthDate',
          label: labels.pupilBirthDate,
          hint: t.trDateHint,
          value: o.values.pupilBirthDate,
          errors: o.errors,
          width: 'short',
          required: true,
        })}
        ${textField(ctx, { name: 'parentName', label: labels.parentName, value: o.values.parentName, errors: o.errors, required: true })}
        ${textField(ctx, {
          name: 'parentEmail',
          label: labels.parentEmail,
          hint: t.trParentEmailHint,
          type: 'email',
          value: o.values.parentEmail,
          errors: o.errors,
          required: true,
        })}
        <button type="submit">${t.trOpen}</button>
      </form>`,
  });
}

function dateField(
  ctx: WebContext,
  name: keyof WebContext['t']['trField'],
  errors: FieldError[],
  value = '',
) {
  return textField(ctx, {
    name,
    label: ctx.t.trField[name],
    hint: ctx.t.trDateHint,
    value,
    errors,
    width: 'short',
  });
}

/** The form of one move: its own fields, a note, and the button. */
function moveForm(
  ctx: WebContext,
  view: TransitionCaseView,
  kind: TransitionMoveKind,
  o: {
    today: string;
    regularSchools: { id: string; name: string }[];
    errors: FieldError[];
    errorKind: string | null;
  },
): SafeHtml {
  const t = ctx.t;
  const errors = o.errorKind === kind ? o.errors : [];
  const select = (name: string, options: { value: string; label: string }[]) =>
    selectField(ctx, {
      name,
      label: t.trField[name as keyof typeof t.trField],
      value: options[0]?.value ?? '',
      errors,
      options,
    });
  const fields: SafeHtml[] = [];
  switch (kind) {
    case 'chooseSchool':
      fields.push(
        select(
          'schoolId',
          o.regularSchools
            .filter((s) => !view.state.declinedSchoolIds.includes(s.id))
            .map((s) => ({ value: s.id, label: s.name })),
        ),
        dateField(ctx, 'priorConsultationOn', errors, o.today),
      );
      break;
    case 'recordConsent':
      fields.push(
        html`<input type="hidden" name="schoolId" value="${view.regularSchoolId ?? ''}" />
          <p>${view.regularSchoolName ?? ''}</p>`,
      );
      break;
    case 'completeOrientation':
      fields.push(dateField(ctx, 'parentsMetOn', errors, o.today));
      break;
    case 'recordConsultation':
      fields.push(
        dateField(ctx, 'meetingOn', errors, o.today),
        dateField(ctx, 'researchDueOn', errors),
      );
      break;
    case 'decide':
      fields.push(
        select(
          'decision',
          TRANSITION_DECISIONS.map((d) => ({ value: d, label: t.trDecision[d] })),
        ),
      );
      break;
    case 'recordHandover':
      fields.push(dateField(ctx, 'startOn', errors, o.today));
      break;
    case 'recordEvaluation':
      fields.push(dateField(ctx, 'heldOn', errors, o.today));
      break;
    case 'close':
      fields.push(
        select(
          'result',
          (['succeeded', 'back_to_vso'] as const).map((r) => ({ value: r, label: t.trResult[r] })),
        ),
      );
      break;
    case 'end':
      fields.push(
        select(
          'reason',
          TRANSITION_END_REASONS.map((r) => ({ value: r, label: t.trReason[r] })),
        ),
      );
      break;
    case 'completeResearch':
      break;
  }
  const id = `move-${kind}`;
  return html`<section aria-labelledby="${id}">
    <h3 id="${id}">${t.trMove[kind]}</h3>
    ${o.errorKind === kind ? errorSummary(ctx, errors, t.trField as unknown as Record<string, string>) : ''}
    <form method="post" action="${TRANSITIONS_PATH}/${view.id}/steps" novalidate>
      ${csrfField(ctx)}
      <input type="hidden" name="kind" value="${kind}" />
      ${fields}
      ${
        kind === 'recordConsent'
          ? ''
          : textArea(ctx, {
              name: 'note',
              label: t.trNote,
              hint: t.trNoteHint,
              value: '',
              errors: [],
            })
      }
      <button type="submit">${kind === 'recordConsent' ? t.trMove.recordConsent : t.trSave}</button>
    </form>
  </section>`;
}

/**
 * The case's documents with their download links, and (the vso school or the ECT at the handover)
 * a form to attach one: multipart, the checks of every upload.
 */
function documentsSection(
  ctx: WebContext,
  view: TransitionCaseView & { documents?: TransitionDocument[] },
  errors: FieldError[],
): SafeHtml {
  const t = ctx.t;
  const docs = view.documents ?? [];
  const mayAttach =
    view.status === 'open' &&
    view.state.phase === 'handover' &&
    (view.viewer === 'vso' || view.viewer === 'ect');
  if (docs.length === 0 && !mayAttach) return html``;
  return html`<section aria-labelledby="documents">
    <h2 id="documents">${t.trDocuments}</h2>
    ${
      docs.length === 0
        ? html`<p>${t.trNoDocuments}</p>`
        : html`<ul class="documents">
            ${docs.map(
              (d) =>
                html`<li>
                  <a href="${TRANSITIONS_PATH}/${view.id}/documents/${d.id}" download
                    >${d.filename}</a
                  >
                </li>`,
            )}
          </ul>`
    }
    ${
      mayAttach
        ? html`<form
            method="post"
            action="${TRANSITIONS_PATH}/${view.id}/documents"
            enctype="multipart/form-data"
            novalidate
          >
            ${csrfField(ctx)}
            ${fileField(ctx, {
              name: 'file',
              label: t.trFile,
              hint: t.trAttachHint,
              accept: DOCUMENT_ACCEPT,
              errors,
            })}
            <button type="submit">${t.trAttach}</button>
          </form>`
        : ''
    }
  </section>`;
}

/** One case, as the person on it sees it: the pupil, where it stands, its history, what they can do. */
export function transitionCasePage(
  ctx: WebContext,
  view: TransitionCaseView,
  o: {
    message: string | null;
    today: string;
    regularSchools: { id: string; name: string }[];
    errors: FieldError[];
    errorKind: string | null;
  },
): string {
  const t = ctx.t;
  const s = view.state;
  const moves = movesFor(s, view.viewer);
  const date = (d: string) => formatCalendarDate(ctx.locale, d);
  const title = view.pupil ? `${t.trCase}: ${view.pupil.name}` : t.trCase;
  return page(ctx, {
    title,
    nav: 'transitions',
    hasErrors: o.errors.length > 0,
    body: html`<h1>${title}</h1>
      ${notice(o.message)}
      ${
        view.pupil
          ? html`<p>${t.trPupil}: ${view.pupil.name}, ${t.trBorn} ${date(view.pupil.birthDate)}</p>`
          : html`<p>${t.trErased}</p>`
      }
      <dl class="facts">
        <dt>${t.trYou}</dt>
        <dd>${t.trActor[view.viewer]}</dd>
        <dt>${t.trVsoSchool}</dt>
        <dd>${view.vsoSchoolName}</dd>
        <dt>${t.trRegularSchool}</dt>
        <dd>${view.regularSchoolName ?? t.trNoSchoolYet}</dd>
        <dt>${t.trPhaseLabel}</dt>
        <dd>${t.trPhase[s.phase]}</dd>
        <dt>${t.trStatusLabel}</dt>
        <dd>${s.outcome ? t.trOutcome[s.outcome] : t.trStatus[view.status]}</dd>
      </dl>
      ${documentsSection(ctx, view, o.errorKind === 'document' ? o.errors : [])}
      ${moves.map((k) => moveForm(ctx, view, k, o))}
      ${
        view.viewer === 'parent'
          ? html`<section aria-labelledby="parent-view">
                <h3 id="parent-view">${t.trParentView}</h3>
                <form method="post" action="${TRANSITIONS_PATH}/${view.id}/parent-view" novalidate>
                  ${csrfField(ctx)}
                  ${textArea(ctx, { name: 'view', label: t.trParentView, value: '', errors: o.errorKind === 'view' ? o.errors : [] })}
                  <button type="submit">${t.trAddView}</button>
                </form>
              </section>
              <p><a href="${TRANSITIONS_PATH}/${view.id}/export" download>${t.trExport}</a></p>`
          : ''
      }
      <h2>${t.trSteps}</h2>
      <ol>
        ${view.steps.map(
          (st) =>
            html`<li>
              ${date(st.occurredOn)}: ${t.trMove[st.kind as keyof typeof t.trMove] ?? st.kind}
              ${st.actorName ? html` (${st.actorName})` : ''}
            </li>`,
        )}
      </ol>
      <h2>${t.trNotes}</h2>
      ${
        view.notes.length === 0
          ? html`<p>${t.trNone}</p>`
          : html`<ul>
              ${view.notes.map(
                (n) =>
                  html`<li>
                    <p>${n.body}</p>
                    <p class="hint">${n.authorName ?? ''}</p>
                  </li>`,
              )}
            </ul>`
      }
      <h2>${t.trParticipants}</h2>
      <ul>
        ${view.participants.map((p) => html`<li>${p.name} (${t.trParticipantRole[p.role]})</li>`)}
      </ul>`,
  });
}
