import type { Tally, VoteValue, VotingRule } from '@jaarcyclus/domain';
import type { BodyRoundView } from '@jaarcyclus/workflows';
import { html, type SafeHtml } from '../html';
import { formatNumber, formatPercent, type Messages } from '../i18n';
import type { WebContext } from '../layout';

/**
 * A body's tally and quorum, as the secretariat's cycle page and a member's vote task show them:
 * one rendering, so both read the same.
 */

export const VOTE_VALUES: readonly VoteValue[] = ['for', 'against', 'abstain'];

/** Whether the quorum counts vote weight (ALV: pupil counts) rather than members. */
export function quorumByWeight(rule: VotingRule | null): boolean {
  return rule?.quorum ? rule.quorum.basis === 'weight' : rule?.weighting === 'pupil_count';
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A body's decision in the reader's words: goedkeuring and instemming are different things. */
export function decisionText(t: Messages, body: BodyRoundView, result: string): string {
  if (result === 'no_quorum') return t.noQuorumResult;
  const kind = body.decisionKind ?? 'goedkeuring';
  return result === 'approved' || result === 'rejected' ? t.decided[kind][result] : result;
}

export function bodyStateText(
  t: Messages,
  body: BodyRoundView,
  names: Map<string, string>,
): string {
  const state =
    body.status === 'approved' || body.status === 'rejected'
      ? capitalise(decisionText(t, body, body.status))
      : t.bodyState[body.status];
  const closer = body.closedByPersonId ? names.get(body.closedByPersonId) : undefined;
  return closer ? `${state} (${t.closedBy(closer)})` : state;
}

/** For, against and abstain: counts, or weights where votes are weighted (ALV: pupil counts). */
export function tallyTable(ctx: WebContext, body: BodyRoundView, tally: Tally): SafeHtml {
  const { t, locale } = ctx;
  const weights = {
    for: tally.forWeight,
    against: tally.againstWeight,
    abstain: tally.abstainWeight,
  };
  const share = (w: number): string =>
    tally.votedWeight > 0 ? formatPercent(locale, w / tally.votedWeight) : '–';
  const weighted = body.votingRule?.weighting === 'pupil_count';
  return html`<table class="tally">
    <caption>
      ${t.tallyCaption(body.name)}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t.vote}</th>
        <th scope="col" class="num">${weighted ? t.weight : t.count}</th>
        <th scope="col" class="num">${t.share}</th>
      </tr>
    </thead>
    <tbody>
      ${VOTE_VALUES.map(
        (v) =>
          html`<tr>
            <th scope="row">${t.voteValue[v]}</th>
            <td class="num">${formatNumber(locale, weights[v])}</td>
            <td class="num">${share(weights[v])}</td>
          </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t.totalCast}</th>
        <td class="num">${formatNumber(locale, tally.votedWeight)}</td>
        <td class="num">${tally.votedWeight > 0 ? formatPercent(locale, 1) : '–'}</td>
      </tr>
    </tfoot>
  </table>`;
}

/**
 * How far the body is from its quorum, as a native <progress> (announced with its label and
 * the sentence under it) — no inline style needed, which the CSP forbids anyway.
 */
export function quorumBar(
  ctx: WebContext,
  body: BodyRoundView,
  tally: Pick<
    Tally,
    'votedMembers' | 'totalMembers' | 'votedWeight' | 'totalWeight' | 'quorumReached'
  >,
  rule: VotingRule | null,
): SafeHtml {
  const { t, locale } = ctx;
  const id = `quorum-${body.bodyKey}`;
  const byWeight = quorumByWeight(rule);
  const voted = byWeight ? tally.votedWeight : tally.votedMembers;
  const total = byWeight ? tally.totalWeight : tally.totalMembers;
  const progress = byWeight
    ? t.quorumWeight(formatNumber(locale, voted), formatNumber(locale, total))
    : t.quorumMembers(formatNumber(locale, voted), formatNumber(locale, total));
  const needed = rule?.quorum
    ? Math.ceil((rule.quorum.numerator * total) / rule.quorum.denominator)
    : null;
  const state = !rule?.quorum
    ? t.noQuorumRule
    : tally.quorumReached
      ? t.quorumReached
      : t.quorumNotReached;
  return html`<div class="quorum">
    <p id="${id}-label" class="quorum-label"><strong>${t.quorum}:</strong> ${state}</p>
    <progress
      id="${id}"
      max="${Math.max(total, 1)}"
      value="${voted}"
      aria-labelledby="${id}-label"
      aria-describedby="${id}-text"
    >
      ${total > 0 ? formatPercent(locale, voted / total) : ''}
    </progress>
    <p id="${id}-text" class="quorum-text">
      ${progress}${needed !== null ? html`; ${t.quorumNeeded(formatNumber(locale, needed))}` : ''}
    </p>
  </div>`;
}
