import {
  DECISION_KINDS,
  LOCALES,
  ROLES,
  SCHOOL_KINDS,
  type Body,
  type Person,
  type School,
  type SchoolBoard,
} from '@jaarcyclus/persistence';
import type { MemberWithPerson } from '@jaarcyclus/api/bodies/bodies.service';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import {
  checkboxesField,
  errorSummary,
  fieldId,
  notice,
  selectField,
  tableRegion,
  textField,
} from '../components';
import { attrs, html, type SafeHtml } from '../html';
import { formatAmount, formatNumber } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
import type { SettingsField, SettingsValues } from '../settings-form';
import { describeVotingRule } from '../voting-rule-text';

export interface AdminData {
  boards: SchoolBoard[];
  schools: School[];
  persons: Person[];
  bodies: { body: Body; members: MemberWithPerson[] }[];
  canEdit: boolean;
  message: string | null;
}

function boardsSection(ctx: WebContext, data: AdminData, names: Map<string, string>): SafeHtml {
  const { t } = ctx;
  const total = data.boards.reduce((sum, b) => sum + b.pupilCount, 0);
  return html`<section aria-labelledby="besturen">
    <h2 id="besturen">${t.boards}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/boards/new">${t.addBoard}</a></p>` : ''}
    ${tableRegion(
      t.boards,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col" class="num">${t.pupilCount}</th>
            <th scope="col">${t.bestuurder}</th>
          </tr>
        </thead>
        <tbody>
          ${data.boards.map(
            (b) =>
              html`<tr>
                <th scope="row"><a href="/app/admin/boards/${b.id}">${b.name}</a></th>
                <td class="num">${formatNumber(ctx.locale, b.pupilCount)}</td>
                <td>${b.bestuurderPersonId ? (names.get(b.bestuurderPersonId) ?? '') : t.none}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t.totalPupils}</th>
            <td class="num">${formatNumber(ctx.locale, total)}</td>
            <td></td>
          </tr>
        </tfoot>
      </table>`,
    )}
  </section>`;
}

function schoolsSection(
  ctx: WebContext,
  data: AdminData,
  names: Map<string, string>,
  boardNames: Map<string, string>,
): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="scholen">
    <h2 id="scholen">${t.schools}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/schools/new">${t.addSchool}</a></p>` : ''}
    ${tableRegion(
      t.schools,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.board}</th>
            <th scope="col">${t.kind}</th>
            <th scope="col" class="num">${t.locations}</th>
            <th scope="col" class="num">${t.fixedAmount}</th>
            <th scope="col">${t.ectMember}</th>
          </tr>
        </thead>
        <tbody>
          ${data.schools.map(
            (s) =>
              html`<tr>
                <th scope="row">
                  <a href="/app/admin/schools/${s.id}">${s.name}</a>${s.brin ? html` <span class="muted">(${s.brin})</span>` : ''}
                </th>
                <td>${boardNames.get(s.boardId) ?? ''}</td>
                <td>${t.schoolKind[s.kind]}</td>
                <td class="num">${formatNumber(ctx.locale, s.locationCount)}</td>
                <td class="num">${formatAmount(s.fixedAmountCents)}</td>
                <td>${s.ectMemberPersonId ? (names.get(s.ectMemberPersonId) ?? '') : t.none}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </section>`;
}

function peopleSection(ctx: WebContext, data: AdminData): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="personen">
    <h2 id="personen">${t.people}</h2>
    ${data.canEdit ? html`<p><a class="button" href="/app/admin/persons/new">${t.addPerson}</a></p>` : ''}
    ${tableRegion(
      t.people,
      html`<table>
        <thead>
          <tr>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.email}</th>
            <th scope="col">${t.roles}</th>
            <th scope="col">${t.language}</th>
          </tr>
        </thead>
        <tbody>
          ${data.persons.map(
            (p) =>
              html`<tr>
                <th scope="row">
                  <a href="/app/admin/persons/${p.id}">${p.name}</a>${p.active ? '' : html` <span class="tag">${t.inactive}</span>`}
                </th>
                <td>${p.email}</td>
                <td>${p.roles.map((r) => t.role[r]).join(', ') || t.none}</td>
                <td>${t.localeName[p.locale]}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </section>`;
}

function bodiesSection(
  ctx: WebContext,
  data: AdminData,
  names: Map<string, string>,
  boardNames: Map<string, string>,
): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="organen">
    <h2 id="organen">${t.bodies}</h2>
    ${data.bodies.map(
      ({ body, members }) =>
        html`<div class="panel">
          <h3><a href="/app/admin/bodies/${body.id}">${body.name}</a> <span class="muted">(${body.key})</span></h3>
          <dl class="details">
            <dt>${t.decisionKindLabel}</dt>
            <dd>${t.decisionKind[body.decisionKind]}</dd>
            <dt>${t.votingRule}</dt>
            <dd>${describeVotingRule(body.votingRule, ctx.locale)}</dd>
            <dt>${t.chair}</dt>
            <dd>${body.chairPersonId ? (names.get(body.chairPersonId) ?? '') : t.none}</dd>
            <dt>${t.members} (${members.length})</dt>
            <dd>
              ${
                members.length === 0
                  ? t.noMembers
                  : html`<ul class="member-list">
                      ${members.map(
                        (m) =>
                          html`<li>
                            ${m.person.name}${m.member.boardId && boardNames.get(m.member.boardId) ? html` – ${t.onBehalfOf(boardNames.get(m.member.boardId)!)}` : ''}
                          </li>`,
                      )}
                    </ul>`
              }
            </dd>
          </dl>
        </div>`,
    )}
  </section>`;
}

export function adminPage(ctx: WebContext, data: AdminData): string {
  const { t } = ctx;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  return page(ctx, {
    title: t.adminTitle,
    nav: 'admin',
    body: html`<h1>${t.adminTitle}</h1>
      ${notice(data.message)}
      ${data.canEdit ? '' : html`<p class="notice notice--info">${t.readOnlyNote}</p>`}
      <p><a href="/app/admin/settings">${t.settingsTitle}</a></p>
      <nav class="sub-nav" aria-label="${t.adminSections}">
        <ul>
          <li><a href="#besturen">${t.boards}</a></li>
          <li><a href="#scholen">${t.schools}</a></li>
          <li><a href="#personen">${t.people}</a></li>
          <li><a href="#organen">${t.bodies}</a></li>
        </ul>
      </nav>
      ${boardsSection(ctx, data, names)} ${schoolsSection(ctx, data, names, boardNames)}
      ${peopleSection(ctx, data)} ${bodiesSection(ctx, data, names, boardNames)}`,
  });
}

export interface BoardFormState {
  name: string;
  pupilCount: string;
  bestuurderPersonId: string;
  errors: FieldError[];
}

/** Add (board null) or edit a school board; read-only for who may only look. */
export function boardPage(
  ctx: WebContext,
  data: { board: SchoolBoard | null; persons: Person[]; canEdit: boolean; form: BoardFormState },
): string {
  const { t } = ctx;
  const { board, form } = data;
  const title = board ? (data.canEdit ? t.editBoard : board.name) : t.addBoard;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const labels = { name: t.name, pupilCount: t.pupilCount, bestuurderPersonId: t.bestuurder };
  const body = data.canEdit
    ? html`<form
        method="post"
        action="${board ? `/app/admin/boards/${board.id}` : '/app/admin/boards'}"
        novalidate
        class="panel"
      >
        ${csrfField(ctx)}
        ${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: form.errors, required: true, autocomplete: 'organization' })}
        ${textField(ctx, {
          name: 'pupilCount',
          label: t.pupilCount,
          hint: t.pupilCountHint,
          value: form.pupilCount,
          errors: form.errors,
          inputmode: 'numeric',
          width: 'short',
          required: true,
        })}
        ${selectField(ctx, {
          name: 'bestuurderPersonId',
          label: t.bestuurder,
          value: form.bestuurderPersonId,
          errors: form.errors,
          options: [
            { value: '', label: t.none },
            ...data.persons
              .filter((p) => p.active)
              .map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
          ],
        })}
        <div class="actions">
          <button type="submit" class="button">${t.save}</button>
          <a href="/app/admin#besturen">${t.cancel}</a>
        </div>
      </form>`
    : html`<dl class="details panel">
          <dt>${t.name}</dt>
          <dd>${board?.name ?? ''}</dd>
          <dt>${t.pupilCount}</dt>
          <dd>${board ? formatNumber(ctx.locale, board.pupilCount) : ''}</dd>
          <dt>${t.bestuurder}</dt>
          <dd>
            ${board?.bestuurderPersonId ? (names.get(board.bestuurderPersonId) ?? '') : t.none}
          </dd>
        </dl>
        <p class="notice notice--info">${t.readOnlyNote}</p>`;
  return page(ctx, {
    title,
    nav: 'admin',
    hasErrors: form.errors.length > 0,
    body: html`<p><a href="/app/admin#besturen">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${title}</h1>
        ${errorSummary(ctx, form.errors, labels)} ${body}
        ${board && data.canEdit ? deleteLink(ctx, 'boards', board.id) : ''}
      </div>`,
  });
}

export interface SchoolFormState {
  name: string;
  boardId: string;
  brin: string;
  kind: string;
  locationCount: string;
  fixedAmount: string;
  ectMemberPersonId: string;
  errors: FieldError[];
}

/** Add (school null) or edit a school; read-only for who may only look. */
export function schoolPage(
  ctx: WebContext,
  data: {
    school: School | null;
    boards: SchoolBoard[];
    persons: Person[];
    canEdit: boolean;
    form: SchoolFormState;
  },
): string {
  const { t } = ctx;
  const { school, form } = data;
  const e = form.errors;
  const title = school ? (data.canEdit ? t.editSchool : school.name) : t.addSchool;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  const labels = {
    name: t.name,
    boardId: t.board,
    brin: t.brin,
    kind: t.kind,
    locationCount: t.locations,
    fixedAmount: t.fixedAmount,
    ectMemberPersonId: t.ectMember,
  };
  const body = data.canEdit
    ? html`<form
        method="post"
        action="${school ? `/app/admin/schools/${school.id}` : '/app/admin/schools'}"
        novalidate
        class="panel"
      >
        ${csrfField(ctx)}
        ${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: e, required: true, autocomplete: 'organization' })}
        ${selectField(ctx, {
          name: 'boardId',
          label: t.board,
          value: form.boardId,
          errors: e,
          required: true,
          options: [
            { value: '', label: t.chooseBoard },
            ...data.boards.map((b) => ({ value: b.id, label: b.name })),
          ],
        })}
        ${textField(ctx, { name: 'brin', label: t.brin, hint: t.brinHint, value: form.brin, errors: e, width: 'short' })}
        ${selectField(ctx, {
          name: 'kind',
          label: t.kind,
          value: form.kind,
          errors: e,
          required: true,
          options: SCHOOL_KINDS.map((k) => ({ value: k, label: t.schoolKind[k] })),
        })}
        ${textField(ctx, { name: 'locationCount', label: t.locations, hint: t.locationsHint, value: form.locationCount, errors: e, inputmode: 'numeric', width: 'short', required: true })}
        ${textField(ctx, { name: 'fixedAmount', label: t.fixedAmount, hint: t.fixedAmountHint, value: form.fixedAmount, errors: e, inputmode: 'decimal', width: 'short' })}
        ${selectField(ctx, {
          name: 'ectMemberPersonId',
          label: t.ectMember,
          hint: t.ectMemberHint,
          value: form.ectMemberPersonId,
          errors: e,
          options: [
            { value: '', label: t.none },
            ...data.persons
              .filter((p) => p.active && p.roles.includes('ect_member'))
              .map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
          ],
        })}
        <div class="actions">
          <button type="submit" class="button">${t.save}</button>
          <a href="/app/admin#scholen">${t.cancel}</a>
        </div>
      </form>`
    : html`<dl class="details panel">
          <dt>${t.name}</dt>
          <dd>${school?.name ?? ''}</dd>
          <dt>${t.board}</dt>
          <dd>${school ? (boardNames.get(school.boardId) ?? '') : ''}</dd>
          <dt>${t.brin}</dt>
          <dd>${school?.brin ?? t.none}</dd>
          <dt>${t.kind}</dt>
          <dd>${school ? t.schoolKind[school.kind] : ''}</dd>
          <dt>${t.locations}</dt>
          <dd>${school ? formatNumber(ctx.locale, school.locationCount) : ''}</dd>
          <dt>${t.fixedAmount}</dt>
          <dd>${school ? formatAmount(school.fixedAmountCents) : ''}</dd>
          <dt>${t.ectMember}</dt>
          <dd>
            ${school?.ectMemberPersonId ? (names.get(school.ectMemberPersonId) ?? '') : t.none}
          </dd>
        </dl>
        <p class="notice notice--info">${t.readOnlyNote}</p>`;
  return page(ctx, {
    title,
    nav: 'admin',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/admin#scholen">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${title}</h1>
        ${errorSummary(ctx, e, labels)} ${body}
        ${school && data.canEdit ? deleteLink(ctx, 'schools', school.id) : ''}
      </div>`,
  });
}

export interface PersonFormState {
  name: string;
  email: string;
  roles: string[];
  locale: string;
  schoolId: string;
  boardId: string;
  active: boolean;
  errors: FieldError[];
}

/** The roles as checkboxes in a fieldset. */
function rolesField(ctx: WebContext, form: PersonFormState): SafeHtml {
  const { t } = ctx;
  return checkboxesField(ctx, {
    name: 'roles',
    legend: t.roles,
    hint: t.rolesHint,
    options: ROLES.map((role) => ({ value: role, label: t.role[role] })),
    checked: form.roles,
    errors: form.errors,
  });
}

/** Add (person null) or edit a person; read-only for who may only look. */
export function personPage(
  ctx: WebContext,
  data: {
    person: Person | null;
    boards: SchoolBoard[];
    schools: School[];
    canEdit: boolean;
    form: PersonFormState;
  },
): string {
  const { t } = ctx;
  const { person, form } = data;
  const e = form.errors;
  const title = person ? (data.canEdit ? t.editPerson : person.name) : t.addPerson;
  const labels = {
    name: t.name,
    email: t.email,
    roles: t.roles,
    locale: t.language,
    schoolId: t.schoolOfPerson,
    boardId: t.boardOfPerson,
    active: t.active,
  };
  const body = data.canEdit
    ? html`<form
        method="post"
        action="${person ? `/app/admin/persons/${person.id}` : '/app/admin/persons'}"
        novalidate
        class="panel"
      >
        ${csrfField(ctx)}
        ${textField(ctx, { name: 'name', label: t.name, value: form.name, errors: e, required: true, autocomplete: 'name' })}
        ${textField(ctx, { name: 'email', label: t.email, value: form.email, errors: e, type: 'email', inputmode: 'email', required: true, autocomplete: 'email' })}
        ${rolesField(ctx, form)}
        ${selectField(ctx, {
          name: 'locale',
          label: t.language,
          value: form.locale,
          errors: e,
          options: LOCALES.map((l) => ({ value: l, label: t.localeName[l] })),
        })}
        ${selectField(ctx, {
          name: 'schoolId',
          label: t.schoolOfPerson,
          value: form.schoolId,
          errors: e,
          options: [
            { value: '', label: t.none },
            ...data.schools.map((s) => ({ value: s.id, label: s.name })),
          ],
        })}
        ${selectField(ctx, {
          name: 'boardId',
          label: t.boardOfPerson,
          value: form.boardId,
          errors: e,
          options: [
            { value: '', label: t.none },
            ...data.boards.map((b) => ({ value: b.id, label: b.name })),
          ],
        })}
        <div class="field checkbox">
          <input${attrs({ id: fieldId('active'), type: 'checkbox', name: 'active', value: 'true', checked: form.active, 'aria-describedby': `${fieldId('active')}-hint` })} />
          <label for="${fieldId('active')}">${t.active}</label>
          <p class="hint" id="${fieldId('active')}-hint">${t.activeHint}</p>
        </div>
        <div class="actions">
          <button type="submit" class="button">${t.save}</button>
          <a href="/app/admin#personen">${t.cancel}</a>
        </div>
      </form>`
    : html`<dl class="details panel">
          <dt>${t.name}</dt>
          <dd>${person?.name ?? ''}</dd>
          <dt>${t.email}</dt>
          <dd>${person?.email ?? ''}</dd>
          <dt>${t.roles}</dt>
          <dd>${person ? person.roles.map((r) => t.role[r]).join(', ') || t.none : ''}</dd>
          <dt>${t.language}</dt>
          <dd>${person ? t.localeName[person.locale] : ''}</dd>
        </dl>
        <p class="notice notice--info">${t.readOnlyNote}</p>`;
  return page(ctx, {
    title,
    nav: 'admin',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/admin#personen">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${title}</h1>
        ${errorSummary(ctx, e, labels)} ${body}
        ${person && data.canEdit ? deleteLink(ctx, 'persons', person.id) : ''}
      </div>`,
  });
}

/** The fields of the body form, named as the api's UpdateBodyDto paths so refusals land on them. */
export const BODY_FIELDS = [
  'name',
  'decisionKind',
  'votingRule.weighting',
  'votingRule.quorum.basis',
  'votingRule.quorum.numerator',
  'votingRule.quorum.denominator',
  'votingRule.majority.basis',
  'votingRule.majority.strict',
  'votingRule.majority.numerator',
  'votingRule.majority.denominator',
  'votingRule.abstentions',
] as const;
export type BodyField = (typeof BODY_FIELDS)[number];

export interface BodyFormState {
  values: Record<BodyField, string>;
  errors: FieldError[];
}

export interface MemberFormState {
  personId: string;
  boardId: string;
  errors: FieldError[];
}

export interface BodyPageData {
  body: Body;
  members: MemberWithPerson[];
  persons: Person[];
  boards: SchoolBoard[];
  canEdit: boolean;
  form: BodyFormState;
  memberForm: MemberFormState;
  message: string | null;
}

function bodyLabels(ctx: WebContext): Record<BodyField, string> {
  const { t } = ctx;
  return {
    name: t.name,
    decisionKind: t.decisionKindLabel,
    'votingRule.weighting': t.weighting,
    'votingRule.quorum.basis': t.quorumBasis,
    'votingRule.quorum.numerator': t.quorumNumerator,
    'votingRule.quorum.denominator': t.quorumDenominator,
    'votingRule.majority.basis': t.majorityBasis,
    'votingRule.majority.strict': t.majorityStrict,
    'votingRule.majority.numerator': t.majorityNumerator,
    'votingRule.majority.denominator': t.majorityDenominator,
    'votingRule.abstentions': t.abstentions,
  };
}

function bodyForm(ctx: WebContext, data: BodyPageData): SafeHtml {
  const { t } = ctx;
  const { values: v, errors: e } = data.form;
  const number = (name: BodyField, label: string, hint?: string) =>
    textField(ctx, {
      name,
      label,
      hint,
      value: v[name],
      errors: e,
      inputmode: 'numeric',
      width: 'short',
    });
  return html`<form
    method="post"
    action="/app/admin/bodies/${data.body.id}"
    novalidate
    class="panel"
    aria-labelledby="orgaan-wijzigen"
  >
    <h2 id="orgaan-wijzigen">${t.editBody}</h2>
    ${csrfField(ctx)}
    ${textField(ctx, { name: 'name', label: t.name, value: v.name, errors: e, required: true, autocomplete: 'organization' })}
    ${selectField(ctx, {
      name: 'decisionKind',
      label: t.decisionKindLabel,
      value: v.decisionKind,
      errors: e,
      options: DECISION_KINDS.map((k) => ({ value: k, label: t.decisionKind[k] })),
    })}
    <fieldset>
      <legend>${t.votingRule}</legend>
      ${selectField(ctx, {
        name: 'votingRule.weighting',
        label: t.weighting,
        value: v['votingRule.weighting'],
        errors: e,
        options: (['one_member_one_vote', 'pupil_count'] as const).map((w) => ({
          value: w,
          label: t.weightingOption[w],
        })),
      })}
      ${selectField(ctx, {
        name: 'votingRule.quorum.basis',
        label: t.quorumBasis,
        value: v['votingRule.quorum.basis'],
        errors: e,
        options: (['none', 'members', 'weight'] as const).map((q) => ({
          value: q,
          label: t.quorumOption[q],
        })),
      })}
      ${number('votingRule.quorum.numerator', t.quorumNumerator, t.quorumFractionHint)}
      ${number('votingRule.quorum.denominator', t.quorumDenominator)}
      ${selectField(ctx, {
        name: 'votingRule.majority.basis',
        label: t.majorityBasis,
        value: v['votingRule.majority.basis'],
        errors: e,
        options: (['votes_cast', 'all_members'] as const).map((b) => ({
          value: b,
          label: t.majorityOption[b],
        })),
      })}
      ${selectField(ctx, {
        name: 'votingRule.majority.strict',
        label: t.majorityStrict,
        value: v['votingRule.majority.strict'],
        errors: e,
        options: (['true', 'false'] as const).map((s) => ({ value: s, label: t.strictOption[s] })),
      })}
      ${number('votingRule.majority.numerator', t.majorityNumerator, t.majorityFractionHint)}
      ${number('votingRule.majority.denominator', t.majorityDenominator)}
      ${selectField(ctx, {
        name: 'votingRule.abstentions',
        label: t.abstentions,
        value: v['votingRule.abstentions'],
        errors: e,
        options: (['excluded', 'count_against'] as const).map((a) => ({
          value: a,
          label: t.abstentionsOption[a],
        })),
      })}
    </fieldset>
    <div class="actions">
      <button type="submit" class="button">${t.save}</button>
      <a href="/app/admin#organen">${t.cancel}</a>
    </div>
  </form>`;
}

function membersSection(ctx: WebContext, data: BodyPageData): SafeHtml {
  const { t } = ctx;
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  const weighted = data.body.votingRule.weighting === 'pupil_count';
  const memberIds = new Set(data.members.map((m) => m.member.personId));
  const mf = data.memberForm;
  const list =
    data.members.length === 0
      ? html`<p>${t.noMembers}</p>`
      : html`<ul class="member-list">
          ${data.members.map(
            (m) =>
              html`<li>
                ${m.person.name}${m.member.boardId && boardNames.get(m.member.boardId) ? html` – ${t.onBehalfOf(boardNames.get(m.member.boardId)!)}` : ''}
                ${
                  data.canEdit
                    ? html`<form
                        method="post"
                        action="/app/admin/bodies/${data.body.id}/members/${m.member.id}/remove"
                        data-confirm="${t.confirmRemoveMember(m.person.name)}"
                        class="inline-form"
                      >
                        ${csrfField(ctx)}
                        <button
                          type="submit"
                          class="button button--warning"
                          aria-label="${t.removeMemberLabel(m.person.name)}"
                        >
                          ${t.removeMember}
                        </button>
                      </form>`
                    : ''
                }
              </li>`,
          )}
        </ul>`;
  const add = data.canEdit
    ? html`<form
        method="post"
        action="/app/admin/bodies/${data.body.id}/members"
        novalidate
        class="panel"
        aria-labelledby="lid-toevoegen"
      >
        <h3 id="lid-toevoegen">${t.addMember}</h3>
        ${csrfField(ctx)}
        ${selectField(ctx, {
          name: 'personId',
          label: t.memberPerson,
          value: mf.personId,
          errors: mf.errors,
          required: true,
          options: [
            { value: '', label: t.choosePerson },
            ...data.persons
              .filter((p) => p.active && !memberIds.has(p.id))
              .map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
          ],
        })}
        ${
          weighted
            ? selectField(ctx, {
                name: 'boardId',
                label: t.memberBoard,
                hint: t.memberBoardHint,
                value: mf.boardId,
                errors: mf.errors,
                required: true,
                options: [
                  { value: '', label: t.chooseBoard },
                  ...data.boards.map((b) => ({ value: b.id, label: b.name })),
                ],
              })
            : ''
        }
        <div class="actions">
          <button type="submit" class="button">${t.addMember}</button>
        </div>
      </form>`
    : '';
  return html`<section aria-labelledby="leden">
    <h2 id="leden">${t.members} (${data.members.length})</h2>
    ${list} ${add}
  </section>`;
}

/** One body: its rule as a reader says it and its members; admins change the rule and members. */
export function bodyPage(ctx: WebContext, data: BodyPageData): string {
  const { t } = ctx;
  const { body } = data;
  const names = new Map(data.persons.map((p) => [p.id, p.name]));
  const errors = [...data.form.errors, ...data.memberForm.errors];
  const labels: Record<string, string> = {
    ...bodyLabels(ctx),
    personId: t.memberPerson,
    boardId: t.memberBoard,
  };
  return page(ctx, {
    title: body.name,
    nav: 'admin',
    hasErrors: errors.length > 0,
    body: html`<p><a href="/app/admin#organen">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${body.name}</h1>
        ${notice(data.message)} ${errorSummary(ctx, errors, labels)}
        <dl class="details panel">
          <dt>${t.bodyKey}</dt>
          <dd>${body.key}</dd>
          <dt>${t.decisionKindLabel}</dt>
          <dd>${t.decisionKind[body.decisionKind]}</dd>
          <dt>${t.votingRule}</dt>
          <dd data-testid="voting-rule">${describeVotingRule(body.votingRule, ctx.locale)}</dd>
          <dt>${t.chair}</dt>
          <dd>${body.chairPersonId ? (names.get(body.chairPersonId) ?? '') : t.none}</dd>
        </dl>
        ${data.canEdit ? bodyForm(ctx, data) : html`<p class="notice notice--info">${t.readOnlyNote}</p>`}
        ${membersSection(ctx, data)} ${data.canEdit ? deleteLink(ctx, 'bodies', body.id) : ''}
      </div>`,
  });
}

/**
 * The SWV's settings: reminder days of the budget votes and of the accountability, and after
 * how many rounds without consent the OPR dispute starts. Read-only for who may only look.
 */
export function settingsPage(
  ctx: WebContext,
  data: {
    values: SettingsValues;
    errors: FieldError[];
    canEdit: boolean;
    message: string | null;
    defaults: { budget: number[]; accountability: number[]; oprDisputeAfterRounds: number };
  },
): string {
  const { t } = ctx;
  const v = data.values;
  const e = data.errors;
  const labels: Record<SettingsField, string> = {
    reminderOffsetsBusinessDays: t.budgetReminderDays,
    accountabilityReminderOffsetsBusinessDays: t.accountabilityReminderDays,
    opRDisputeAfterRounds: t.oprDisputeRounds,
  };
  const shown = (value: string, fallback: string): string => value || fallback;
  const budgetDefault = data.defaults.budget.join(', ');
  const accountabilityDefault = data.defaults.accountability.join(', ');
  return page(ctx, {
    title: t.settingsTitle,
    nav: 'admin',
    hasErrors: e.length > 0,
    body: html`<p><a href="/app/admin">${t.adminTitle}</a></p>
      <div class="narrow">
        <h1>${t.settingsTitle}</h1>
        ${notice(data.message)}
        <p>${t.settingsIntro}</p>
        ${
          data.canEdit
            ? html`${errorSummary(ctx, e, labels)}
                <form method="post" action="/app/admin/settings" novalidate>
                  ${csrfField(ctx)}
                  <div class="panel form-section">
                    ${textField(ctx, { name: 'reminderOffsetsBusinessDays', label: labels.reminderOffsetsBusinessDays, hint: t.reminderDaysHint(budgetDefault), value: v.reminderOffsetsBusinessDays, errors: e, width: 'short' })}
                    ${textField(ctx, { name: 'accountabilityReminderOffsetsBusinessDays', label: labels.accountabilityReminderOffsetsBusinessDays, hint: t.reminderDaysHint(accountabilityDefault), value: v.accountabilityReminderOffsetsBusinessDays, errors: e, width: 'short' })}
                    ${textField(ctx, { name: 'opRDisputeAfterRounds', label: labels.opRDisputeAfterRounds, hint: t.oprDisputeRoundsHint(data.defaults.oprDisputeAfterRounds), value: v.opRDisputeAfterRounds, errors: e, inputmode: 'numeric', width: 'short' })}
                  </div>
                  <div class="actions">
                    <button type="submit" class="button">${t.save}</button>
                    <a href="/app/admin">${t.cancel}</a>
                  </div>
                </form>`
            : html`<dl class="details">
                <dt>${labels.reminderOffsetsBusinessDays}</dt>
                <dd>${shown(v.reminderOffsetsBusinessDays, budgetDefault)}</dd>
                <dt>${labels.accountabilityReminderOffsetsBusinessDays}</dt>
                <dd>${shown(v.accountabilityReminderOffsetsBusinessDays, accountabilityDefault)}</dd>
                <dt>${labels.opRDisputeAfterRounds}</dt>
                <dd>${shown(v.opRDisputeAfterRounds, String(data.defaults.oprDisputeAfterRounds))}</dd>
              </dl>`
        }
      </div>`,
  });
}

// ---- deleting ----

/** What can be deleted from the administration pages: the path segment of each kind. */
export type AdminKind = 'boards' | 'schools' | 'persons' | 'bodies';

/** The section of the administration page each kind is listed in. */
export const ADMIN_SECTIONS: Record<AdminKind, string> = {
  boards: 'besturen',
  schools: 'scholen',
  persons: 'personen',
  bodies: 'organen',
};

/** At the foot of a detail page, for administrators: the way to the confirmation page. */
function deleteLink(ctx: WebContext, kind: AdminKind, id: string): SafeHtml {
  return html`<p class="delete-link">
    <a href="/app/admin/${kind}/${id}/delete">${ctx.t.del.link[kind]}</a>
  </p>`;
}

/**
 * "Are you sure?": what deleting means for this kind, and the button that does it (a POST:
 * the link to this page changes nothing). A refusal (still in use) is shown here, 409.
 */
export function deletePage(
  ctx: WebContext,
  data: { kind: AdminKind; id: string; name: string; refusal: string | null },
): string {
  const { t } = ctx;
  const back = `/app/admin/${data.kind}/${data.id}`;
  return page(ctx, {
    title: t.del.title(data.name),
    nav: 'admin',
    hasErrors: data.refusal !== null,
    body: html`<p><a href="${back}">${data.name}</a></p>
      <div class="narrow">
        <h1>${t.del.title(data.name)}</h1>
        ${
          data.refusal
            ? html`<div class="error-summary" role="alert" tabindex="-1" data-error-summary>
                <h2>${t.del.refusedTitle}</h2>
                <p>${data.refusal}</p>
                ${data.kind === 'persons' ? html`<p>${t.del.personInstead}</p>` : ''}
              </div>`
            : ''
        }
        <p>${t.del.intro[data.kind]}</p>
        <form method="post" action="/app/admin/${data.kind}/${data.id}/delete">
          ${csrfField(ctx)}
          <div class="actions">
            <button type="submit" class="button button--warning">${t.del.confirm}</button>
            <a href="${back}">${t.cancel}</a>
          </div>
        </form>
      </div>`,
  });
}
