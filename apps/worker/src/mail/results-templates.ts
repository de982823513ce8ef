/**
 * The mail with a body's outcome to its members (issue #16, results): words from the catalogue
 * (libs/i18n nl/mail, en/mail: results), laid out by `compose`.
 */
import type { DecisionKind, Tally, VoteValue } from '@jaarcyclus/domain';
import { catalogueFor, type Locale } from '@jaarcyclus/i18n';
import { compose, type RenderedMail } from './templates';

export interface RoundResultMailData {
  organisationName: string;
  recipientName: string;
  subject: string;
  round: number;
  bodyName: string;
  decisionKind: DecisionKind;
  /** 'cancelled': another body (`endedBy`) ended the round before this one decided. */
  result: 'approved' | 'rejected' | 'no_quorum' | 'cancelled';
  decidedBy: 'votes' | 'deadline' | 'secretariat';
  endedBy?: { name: string; decisionKind: DecisionKind; result: 'rejected' | 'no_quorum' };
  tally: Tally;
  /** The reader's own vote; null: did not vote. */
  vote: VoteValue | null;
  /** The reader's vote task, which shows the result; null: none (the link is left out). */
  taskUrl: string | null;
}

export function renderRoundResultMail(locale: Locale, d: RoundResultMailData): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.results;
  const a = { org: d.organisationName, subject: d.subject, body: d.bodyName, round: d.round };
  if (d.result === 'cancelled') return renderCancelled(locale, d, a);
  const outcome =
    d.result === 'no_quorum' ? t.outcome.no_quorum(a) : t.outcome[d.decisionKind][d.result](a);
  return compose(
    t.subject(a),
    [
      mail.greeting(d.recipientName),
      outcome,
      t.decidedBy[d.decidedBy],
      t.tally(
        d.tally.forWeight,
        d.tally.againstWeight,
        d.tally.abstainWeight,
        d.tally.votedMembers,
        d.tally.totalMembers,
      ),
      d.vote ? t.ownVote[d.vote] : t.notVoted,
      ...(d.taskUrl ? [{ link: d.taskUrl, label: t.open }] : []),
    ],
    mail.footer(d.organisationName),
  );
}

/** The round ended by another body: who ended it, that this body's vote is over, and one's own vote. */
function renderCancelled(
  locale: Locale,
  d: RoundResultMailData,
  a: { org: string; subject: string; body: string; round: number },
): RenderedMail {
  const mail = catalogueFor(locale).mail;
  const t = mail.results;
  const e = d.endedBy;
  const ender = e ? { ...a, body: e.name } : null;
  return compose(
    t.cancelled.subject(a),
    [
      mail.greeting(d.recipientName),
      ...(e && ender
        ? [
            e.result === 'no_quorum'
              ? t.outcome.no_quorum(ender)
              : t.outcome[e.decisionKind].rejected(ender),
          ]
        : []),
      t.cancelled.ended(a),
      d.vote ? t.ownVote[d.vote] : t.cancelled.notVoted,
      ...(d.taskUrl ? [{ link: d.taskUrl, label: t.cancelled.open }] : []),
    ],
    mail.footer(d.organisationName),
  );
}
