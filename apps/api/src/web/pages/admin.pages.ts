import type { Body, Person, School, SchoolBoard } from '@jaarcyclus/persistence';
import type { MemberWithPerson } from '../../bodies/bodies.service';
import type { FieldError } from '../../common/api-errors';
import { errorSummary, notice, selectField, tableRegion, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { formatAmount, formatNumber } from '../i18n';
import { csrfField, page, type WebContext } from '../layout';
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
                  ${s.name}${s.brin ? html` <span class="muted">(${s.brin})</span>` : ''}
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
                  ${p.name}${p.active ? '' : html` <span class="tag">${t.inactive}</span>`}
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
          <h3>${body.name} <span class="muted">(${body.key})</span></h3>
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
      </div>`,
  });
}
