import { effectiveVoteSecrecy, VOTE_SECRECY_VALUES } from '@jaarcyclus/domain';
import { DECISION_KINDS, type Body, type Person, type SchoolBoard } from '@jaarcyclus/persistence';
import type { MemberWithPerson } from '@jaarcyclus/api/bodies/bodies.service';
import type { FieldError } from '@jaarcyclus/api/common/api-errors';
import { errorSummary, notice, selectField, textField } from '../components';
import { html, type SafeHtml } from '../html';
import { csrfField, page, type WebContext } from '../layout';
import { describeVotingRule } from '../voting-rule-text';
import { personPicker } from './person-picker';
import { listPager, listSearch, type ListPage, type ListQueries } from './list-query';
import { deleteLink } from './shared.pages';

/** The bodies on the administration page: decision, voting rule, chair and members. */
export function bodiesSection(
  ctx: WebContext,
  data: { list: ListPage<{ body: Body; members: MemberWithPerson[] }>; queries: ListQueries },
  names: Map<string, string>,
  boardNames: Map<string, string>,
): SafeHtml {
  const { t } = ctx;
  const link = (body: Body) => html`<a href="/app/admin/bodies/${body.id}">${body.name}</a>`;
  return html`<section aria-labelledby="organen">
    <h2 id="organen">${t.bodies}</h2>
    ${listSearch(ctx, data.list, data.queries)}
    ${data.list.rows.map(
      ({ body, members }) =>
        html`<div class="panel">
          <h3>${link(body)} <span class="muted">(${body.key})</span></h3>
          <dl class="details">
            <dt>${t.decisionKindLabel}</dt>
            <dd>${t.decisionKind[body.decisionKind]}</dd>
            <dt>${t.votingRule}</dt>
            <dd>${describeVotingRule(body.votingRule, ctx.locale)}</dd>
            <dt>${t.voteSecrecyLabel}</dt>
            <dd>${secrecyText(ctx, body)}</dd>
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
    ${listPager(ctx, data.list, data.queries)}
  </section>`;
}

/** The body's vote secrecy rule, and whether it is the default of its decision kind. */
function secrecyText(ctx: WebContext, body: Body): string {
  const { t } = ctx;
  const rule = t.voteSecrecyOption[effectiveVoteSecrecy(body.voteSecrecy, body.decisionKind)];
  return body.voteSecrecy === null ? `${rule} (${t.voteSecrecyDefaultNote})` : rule;
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
  'voteSecrecy',
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
    voteSecrecy: t.voteSecrecyLabel,
  };
}

function bodyForm(ctx: WebContext, data: BodyPageData): SafeHtml {
  const { t } = ctx;
  const { values: v, errors: e } = data.form;
  const number = (name: BodyField, label: string, hint?: string) =>
    textField(ctx, {
      name,
      label,
      ...(hint === undefined ? {} : { hint }),
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
    ${selectField(ctx, {
      name: 'voteSecrecy',
      label: t.voteSecrecyLabel,
      hint: t.voteSecrecyHint,
      value: v.voteSecrecy,
      errors: e,
      options: [
        {
          value: 'default',
          label: t.voteSecrecyDefaultOption(
            t.voteSecrecyOption[effectiveVoteSecrecy(null, data.body.decisionKind)],
          ),
        },
        ...VOTE_SECRECY_VALUES.map((k) => ({ value: k, label: t.voteSecrecyOption[k] })),
      ],
    })}
    <div class="actions">
      <button type="submit" class="button">${t.save}</button>
      <a href="/app/admin#organen">${t.cancel}</a>
    </div>
  </form>`;
}

/** Who can still be added to a body: its active people that are not a member yet. */
export function memberCandidates(
  persons: readonly Person[],
  members: MemberWithPerson[],
): Person[] {
  const memberIds = new Set(members.map((m) => m.member.personId));
  return persons.filter((p) => p.active && !memberIds.has(p.id));
}

function membersSection(ctx: WebContext, data: BodyPageData): SafeHtml {
  const { t } = ctx;
  const boardNames = new Map(data.boards.map((b) => [b.id, b.name]));
  const weighted = data.body.votingRule.weighting === 'pupil_count';
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
        ${personPicker(ctx, {
          name: 'personId',
          label: t.memberPerson,
          value: mf.personId,
          errors: mf.errors,
          required: true,
          candidates: memberCandidates(data.persons, data.members),
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
          <dt>${t.voteSecrecyLabel}</dt>
          <dd data-testid="vote-secrecy">${secrecyText(ctx, body)}</dd>
          <dt>${t.chair}</dt>
          <dd>${body.chairPersonId ? (names.get(body.chairPersonId) ?? '') : t.none}</dd>
        </dl>
        ${data.canEdit ? bodyForm(ctx, data) : html`<p class="notice notice--info">${t.readOnlyNote}</p>`}
        ${membersSection(ctx, data)} ${data.canEdit ? deleteLink(ctx, 'bodies', body.id) : ''}
      </div>`,
  });
}
