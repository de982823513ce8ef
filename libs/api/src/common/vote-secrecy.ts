import {
  effectiveVoteSecrecy,
  strictestVoteSecrecy,
  voteVisibility,
  type DecisionKind,
  type Tally,
  type VoteSecrecy,
  type VoteValue,
  type VoteVisibility,
} from '@jaarcyclus/domain';
import type {
  BodyRoundStatus,
  BodyRoundView,
  PersonRef,
  RoundView,
  TimelineEvent,
} from '@jaarcyclus/workflows';
import type { AuthenticatedPerson } from '../auth/authenticated-person';

/**
 * Vote secrecy applied to what leaves the api: a cycle's state (budget, support plan), the
 * answer to a vote, the audit trail. The rule itself is libs/domain `voteVisibility`; this file
 * only cuts the views along it, so the JSON, the pages (which use the same services) and the
 * audit export show the same.
 */

/** How many have voted: never how (see `voteVisibility`). */
export type Turnout = Pick<
  Tally,
  'votedMembers' | 'totalMembers' | 'votedWeight' | 'totalWeight' | 'quorumReached'
>;

/** A member's comment (Toelichting), by name or, under a secret vote, without one. */
export interface VoteCommentView {
  personId: string | null;
  name: string | null;
  value: VoteValue | null;
  comment: string;
}

export interface SecrecyFields {
  voteSecrecy: VoteSecrecy;
  /** True while totals and votes are hidden from everyone (the round is open under a sealed rule). */
  sealed: boolean;
  /** Always present once the round has opened (null before). */
  turnout: Turnout | null;
  /** Members who voted, without their vote, where the viewer may see who voted but not how. */
  votedWithoutValue: (PersonRef & { weight: number })[];
  /** The comments the viewer may read (null: none). */
  comments: VoteCommentView[] | null;
}

export type ShownBodyRoundView = BodyRoundView & SecrecyFields;

/** A body's round is closed once it decided, closed without quorum, or was cancelled. */
const OPEN_STATUSES: ReadonlySet<BodyRoundStatus> = new Set(['opening', 'open', 'escalated']);
export function bodyRoundClosed(status: BodyRoundStatus): boolean {
  return !OPEN_STATUSES.has(status);
}

/**
 * Each body's rule by key as the SWV states it now (absent: a body deleted since, the default
 * of its kind applies), and the rules the bodies had before each change.
 */
export interface SecrecySettings {
  current: ReadonlyMap<string, VoteSecrecy>;
  history: readonly { bodyKey: string; previous: VoteSecrecy; changedAt: Date }[];
}

export function secrecySettings(
  bodies: readonly { key: string; decisionKind: DecisionKind; voteSecrecy: VoteSecrecy | null }[],
  history: SecrecySettings['history'] = [],
): SecrecySettings {
  return {
    current: new Map(
      bodies.map((b) => [b.key, effectiveVoteSecrecy(b.voteSecrecy, b.decisionKind)]),
    ),
    history,
  };
}

/**
 * The rule that protects a body's round opened at `openedAt`: the strictest the body had since
 * then (unknown opening: every rule it ever had), so loosening the rule never reveals votes
 * cast under a stricter one.
 */
export function secrecyOf(
  settings: SecrecySettings,
  bodyKey: string,
  kind: DecisionKind | null,
  openedAt?: string,
): VoteSecrecy {
  const current = settings.current.get(bodyKey) ?? effectiveVoteSecrecy(null, kind);
  const since = openedAt ? Date.parse(openedAt) : Number.NaN;
  const earlier = settings.history
    .filter((h) => h.bodyKey === bodyKey && (Number.isNaN(since) || h.changedAt.getTime() > since))
    .map((h) => h.previous);
  return strictestVoteSecrecy(current, earlier);
}

/** Who may see every member's turnout (who has and has not voted): the office, and the chair of the body. */
function seesRoster(me: AuthenticatedPerson, chair: boolean): boolean {
  return chair || me.roles.some((r) => r === 'admin' || r === 'secretariat' || r === 'director');
}

export function visibilityFor(
  me: AuthenticatedPerson,
  body: Pick<BodyRoundView, 'bodyKey' | 'decisionKind' | 'status' | 'chair'>,
  settings: SecrecySettings,
  openedAt?: string,
): { secrecy: VoteSecrecy; visibility: VoteVisibility; chair: boolean; closed: boolean } {
  const secrecy = secrecyOf(settings, body.bodyKey, body.decisionKind, openedAt);
  const chair = body.chair?.personId === me.id;
  const closed = bodyRoundClosed(body.status);
  return {
    secrecy,
    visibility: voteVisibility(secrecy, { roles: me.roles, chair }, closed),
    chair,
    closed,
  };
}

/** Comments without names come sorted by text, never in the order they were cast. */
function anonymous(comments: VoteCommentView[]): VoteCommentView[] {
  return comments
    .map((c) => ({ ...c, personId: null, name: null }))
    .sort((a, b) => a.comment.localeCompare(b.comment, 'nl'));
}

export function showBody(
  me: AuthenticatedPerson,
  body: BodyRoundView,
  settings: SecrecySettings,
  openedAt?: string,
): ShownBodyRoundView {
  const { secrecy, visibility, chair } = visibilityFor(me, body, settings, openedAt);
  const roster = seesRoster(me, chair);
  const own = body.voted.filter((v) => v.personId === me.id);
  const others = body.voted.filter((v) => v.personId !== me.id);
  const written: VoteCommentView[] = body.voted
    .filter((v) => v.comment)
    .map((v) => ({ personId: v.personId, name: v.name, value: v.value, comment: v.comment! }));
  const tally = body.tally;
  return {
    ...body,
    tally: visibility.totals ? tally : null,
    voteSecrecy: secrecy,
    sealed: !visibility.totals,
    turnout: tally
      ? {
          votedMembers: tally.votedMembers,
          totalMembers: tally.totalMembers,
          votedWeight: tally.votedWeight,
          totalWeight: tally.totalWeight,
          quorumReached: tally.quorumReached,
        }
      : null,
    voted: visibility.perMember
      ? body.voted.map((v) => (visibility.comments === 'named' ? v : { ...v, comment: null }))
      : own,
    votedWithoutValue:
      !visibility.perMember && roster
        ? others.map((v) => ({ personId: v.personId, name: v.name, weight: v.weight }))
        : [],
    notVoted: roster ? body.notVoted : body.notVoted.filter((p) => p.personId === me.id),
    comments:
      visibility.comments === 'named'
        ? written
        : visibility.comments === 'anonymous'
          ? anonymous(written)
          : null,
  };
}

interface WithRounds {
  round: number;
  bodies: BodyRoundView[];
  rounds: RoundView[];
  timeline: TimelineEvent[];
}

export type Shown<S extends WithRounds> = Omit<S, 'bodies' | 'rounds'> & {
  bodies: ShownBodyRoundView[];
  rounds: (Omit<RoundView, 'bodies'> & { bodies: ShownBodyRoundView[] })[];
};

/**
 * A cycle's state as `me` may see it under each body's secrecy rule: every round, the current
 * bodies, and the timeline (a vote event keeps who voted where the viewer may see that, and
 * loses its value and weight where the viewer may not see how).
 */
export function showVotes<S extends WithRounds>(
  status: S,
  me: AuthenticatedPerson,
  settings: SecrecySettings,
): Shown<S> {
  const openedAt = (round: number | undefined): string | undefined =>
    status.rounds.find((r) => r.round === round)?.openedAt;
  const rounds = status.rounds.map((r) => ({
    ...r,
    bodies: r.bodies.map((b) => showBody(me, b, settings, r.openedAt)),
  }));
  const bodyIn = (round: number | undefined, key: string | undefined): BodyRoundView | undefined =>
    (round === undefined
      ? status.bodies
      : (status.rounds.find((r) => r.round === round)?.bodies ?? status.bodies)
    ).find((b) => b.bodyKey === key);
  const timeline = status.timeline.flatMap((e): TimelineEvent[] => {
    if (e.code !== 'vote_cast' && e.code !== 'vote_changed') return [e];
    if (e.actorPersonId === me.id) return [e];
    const body = bodyIn(e.round, e.bodyKey);
    if (!body) return [];
    const { visibility, chair } = visibilityFor(me, body, settings, openedAt(e.round));
    if (visibility.perMember) return [e];
    if (!seesRoster(me, chair)) return [];
    const { value: _value, weight: _weight, ...rest } = e.data ?? {};
    return [{ ...e, data: rest }];
  });
  return {
    ...status,
    bodies: status.bodies.map((b) => showBody(me, b, settings, openedAt(status.round))),
    rounds,
    timeline,
  };
}

/**
 * The answer to a vote: the body's tally only where the voter may see totals now (under a
 * sealed rule the answer says the vote counted, not where the count stands).
 */
export function showVoteResult<
  R extends { bodyKey: string; status: BodyRoundStatus; tally: Tally },
>(
  result: R,
  decisionKind: DecisionKind | null,
  settings: SecrecySettings,
  openedAt?: string,
): Omit<R, 'tally'> & { tally: Tally | null; voteSecrecy: VoteSecrecy } {
  // Without the round's opening (unknown): every rule the body ever had counts.
  const secrecy = secrecyOf(settings, result.bodyKey, decisionKind, openedAt);
  const totals = voteVisibility(
    secrecy,
    { roles: [], chair: false },
    bodyRoundClosed(result.status),
  ).totals;
  return { ...result, tally: totals ? result.tally : null, voteSecrecy: secrecy };
}

/** A row of the audit trail as the export shows it. */
export interface AuditRowLike {
  round: number | null;
  actorPersonId: string | null;
  action: string;
  bodyKey: string | null;
  weight: number | null;
  value: string | null;
  comment: string | null;
}

/**
 * The audit export under the secrecy rule: a vote row keeps who voted and when (the trail of
 * participation), and loses the value, weight and comment where the reader may not see how that
 * member voted. A comment readable only without a name is left out of the trail (the cycle page
 * lists those comments, unnamed).
 */
export function showAudit<R extends AuditRowLike>(
  rows: R[],
  me: AuthenticatedPerson,
  status: WithRounds,
  settings: SecrecySettings,
): R[] {
  return rows.map((row) => {
    if (!row.bodyKey || row.value === null || row.actorPersonId === me.id) return row;
    const round = status.rounds.find((r) => r.round === row.round);
    const body = (round?.bodies ?? status.bodies).find((b) => b.bodyKey === row.bodyKey);
    const visibility = body
      ? visibilityFor(me, body, settings, round?.openedAt).visibility
      : voteVisibility('secret', { roles: me.roles, chair: false }, false);
    if (visibility.perMember) {
      return visibility.comments === 'named' ? row : { ...row, comment: null };
    }
    return { ...row, value: null, weight: null, comment: null };
  });
}
