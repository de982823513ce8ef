import type { DecisionKind } from './voting';

/**
 * Vote secrecy: a rule of the body (data, like its voting rule), not of the viewer's curiosity.
 *
 * - `open`: whoever follows the cycle for the office (administrator, secretariat,
 *   directeur-bestuurder) and the body's chair see each member's vote and comment while the
 *   round runs; the totals are live.
 * - `totals_after_close`: while the body's round is open nobody (not the administrator, not the
 *   director, not the secretariat) sees a member's vote, a comment or the live totals; only how
 *   many have voted. Once the body has decided: the totals, and each member's vote and comment
 *   for the same readers as `open`.
 * - `secret`: never a member's vote; the totals once the body has decided; the comments after
 *   closing for the secretariat and the chair, without names.
 *
 * A member always sees their own vote and comment.
 */
export type VoteSecrecy = 'open' | 'totals_after_close' | 'secret';

export const VOTE_SECRECY_VALUES: readonly VoteSecrecy[] = ['open', 'totals_after_close', 'secret'];

/**
 * The default when a body has no setting of its own, per decision kind (README, "Vote secrecy"):
 *
 * - goedkeuring (ALV, RvT, Algemeen Bestuur): `totals_after_close`. The members answer for
 *   their vote (an ALV member for the board it represents, docs/domain.md, source 001 §1.1), so
 *   the record names them once the body has decided; but a live count steers the members who
 *   have not voted yet, and under pupil-count weighting one board's vote is read off two page
 *   loads (a board of 4,000 pupils moves the totals by exactly its weight).
 * - instemming (OPR, MR-p): `secret`. The OPR consents to the directeur-bestuurder's own budget
 *   and support plan; its members are staff and parents of the SWV's schools (docs/domain.md
 *   glossary), and the medezeggenschap law protects them from any disadvantage for how they act
 *   as members. The director, who proposes and adopts, never learns who withheld consent: only
 *   the body's decision and totals (which are what a dispute is about, source 001 §1.5).
 * - advies: `open`. Advice carries no vote that binds; its value is in who said what, so the
 *   office reads it as it comes in.
 */
export function defaultVoteSecrecy(kind: DecisionKind | null): VoteSecrecy {
  switch (kind) {
    case 'advies':
      return 'open';
    case 'goedkeuring':
      return 'totals_after_close';
    default:
      // instemming, and a body whose kind is unknown: the strictest.
      return 'secret';
  }
}

/** The body's own setting, else the default of its decision kind. */
export function effectiveVoteSecrecy(
  setting: VoteSecrecy | null | undefined,
  kind: DecisionKind | null,
): VoteSecrecy {
  return setting ?? defaultVoteSecrecy(kind);
}

const STRICTNESS: Readonly<Record<VoteSecrecy, number>> = {
  open: 0,
  totals_after_close: 1,
  secret: 2,
};

/**
 * The rule that protects a round: the strictest of every rule the body had while the round ran.
 * Votes cast under a promise of secrecy stay secret when the body's rule is loosened later.
 */
export function strictestVoteSecrecy(
  current: VoteSecrecy,
  earlier: readonly VoteSecrecy[],
): VoteSecrecy {
  return earlier.reduce((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a), current);
}

export function isVoteSecrecy(value: unknown): value is VoteSecrecy {
  return typeof value === 'string' && (VOTE_SECRECY_VALUES as readonly string[]).includes(value);
}

/** Who is looking at a body's votes. */
export interface VoteViewer {
  /** Roles in the SWV: admin, secretariat, director, body_member, … */
  roles: readonly string[];
  /** Chairs this body (the chair of the round's roster). */
  chair: boolean;
}

export interface VoteVisibility {
  /** For, against and abstain (counts or weights) and the outcome so far. */
  totals: boolean;
  /** Each member's vote (value and weight) by name. */
  perMember: boolean;
  /** The members' comments (Toelichting): by name, without names, or not at all. */
  comments: 'named' | 'anonymous' | 'none';
  /** How many have voted (members, and weight where votes are weighted): always safe, see README. */
  turnout: true;
}

const PER_MEMBER_ROLES: readonly string[] = ['admin', 'secretariat', 'director'];

/**
 * What `viewer` sees of another member's vote in a body whose round is `closed` (decided,
 * closed without quorum, or cancelled) or not (opening, open, escalated), under `secrecy`.
 * The one place this rule lives: the api, the pages, the audit export and the mails follow it.
 *
 * Turnout is always shown: it says who took part, never how (the secretariat needs it to
 * remind, the quorum depends on it). Under pupil-count weighting it shows the weight that has
 * voted, which tells which boards took part — as the list of who has not voted does anyway —
 * but nothing of the direction, since for, against and abstain stay hidden until the close.
 */
export function voteVisibility(
  secrecy: VoteSecrecy,
  viewer: VoteViewer,
  closed: boolean,
): VoteVisibility {
  const reader = viewer.chair || viewer.roles.some((r) => PER_MEMBER_ROLES.includes(r));
  const commentReader = viewer.chair || viewer.roles.includes('secretariat');
  const revealed = secrecy === 'open' || (secrecy === 'totals_after_close' && closed);
  if (revealed) {
    return {
      totals: true,
      perMember: reader,
      comments: reader ? 'named' : 'none',
      turnout: true,
    };
  }
  return {
    totals: closed,
    perMember: false,
    comments: secrecy === 'secret' && closed && commentReader ? 'anonymous' : 'none',
    turnout: true,
  };
}
