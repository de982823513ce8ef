import {
  DomainError,
  type Schedule,
  type TeamRole,
  type VisitationExplanation,
  type VisitationInstance,
  checkSchedule,
} from '@jaarcyclus/domain';
import { eligible, facts } from './facts';
import { solve } from './highs';
import { LpModel } from './lp';

export interface SeatResolution {
  status: 'resolved' | 'infeasible';
  /** The schedule with only that seat changed (and, for a chair, perhaps who chairs). */
  schedule?: Schedule;
  replacement?: { visitorId: string; role: TeamRole };
  /** A trained member who took over the chair when the chair could not come. */
  newChair?: string;
  infeasibility: VisitationExplanation[];
  violations: VisitationExplanation[];
}

/**
 * A visitor who cannot come: a new person for that one seat, everything else as it was (the
 * date, the rest of the team, every other visit). A small MILP over the candidates: free on
 * the date, not yet visiting that day, under their maximum, from outside the host's school and
 * board, not reversing a direction between two schools the schedule already uses. When the
 * chair drops out, a trained newcomer chairs, or a trained member takes the chair and the
 * newcomer sits as member. The least-loaded candidate wins (the load cost L(L−1)/2 rises least);
 * promoting a member costs a little, so the team's roles change only when they must.
 */
export async function resolveSeat(
  schedule: Schedule,
  hostId: string,
  visitorId: string,
  instance: VisitationInstance,
  options: { timeLimitSeconds?: number } = {},
): Promise<SeatResolution> {
  const f = facts(instance);
  const h = f.hostIndex.get(hostId);
  const visit = schedule.visits.find((v) => v.hostId === hostId);
  if (h === undefined || !visit)
    throw new DomainError('NOT_FOUND', `No visit at host '${hostId}'`, 'hostId');
  const seat = visit.team.find((s) => s.visitorId === visitorId);
  if (!seat)
    throw new DomainError('NOT_FOUND', `${visitorId} is not in the team at ${hostId}`, 'visitorId');

  const rest: Schedule = {
    visits: schedule.visits.map((v) =>
      v.hostId === hostId ? { ...v, team: v.team.filter((s) => s.visitorId !== visitorId) } : v,
    ),
  };
  const load = new Map<string, number>();
  const busy = new Set<string>();
  const directions = new Set<string>();
  for (const v of rest.visits) {
    const hv = f.hostIndex.get(v.hostId);
    for (const s of v.team) {
      load.set(s.visitorId, (load.get(s.visitorId) ?? 0) + 1);
      if (v.date === visit.date) busy.add(s.visitorId);
      const vi = f.visitorIndex.get(s.visitorId);
      const from = vi === undefined ? undefined : f.visitorUnit[vi];
      if (from !== undefined && hv !== undefined) directions.add(`${from}\u0000${f.hostUnit[hv]!}`);
    }
  }
  const hostUnit = f.hostUnit[h]!;
  const candidates: number[] = [];
  instance.visitors.forEach((v, i) => {
    if (v.id === visitorId || busy.has(v.id)) return;
    if (!eligible(f, h, i) || f.unavailable[i]!.has(visit.date)) return;
    if ((load.get(v.id) ?? 0) >= f.cap[i]!) return;
    const unit = f.visitorUnit[i];
    if (unit !== undefined && unit !== hostUnit && directions.has(`${hostUnit}\u0000${unit}`))
      return;
    candidates.push(i);
  });

  const model = new LpModel();
  const chairSeat = seat.role === 'chair';
  const asMember = candidates.map((i) =>
    model.addVar('binary', (load.get(instance.visitors[i]!.id) ?? 0) + 0.01),
  );
  const asChair = candidates.map((i) =>
    chairSeat && f.trained[i]
      ? model.addVar('binary', load.get(instance.visitors[i]!.id) ?? 0)
      : -1,
  );
  const stayers = visit.team.filter((s) => s.visitorId !== visitorId);
  const promote = chairSeat
    ? stayers.map((s) => {
        const i = f.visitorIndex.get(s.visitorId);
        return i !== undefined && f.trained[i] ? model.addVar('binary', 0.5) : -1;
      })
    : [];
  const chairVars = asChair.filter((x) => x >= 0);
  const promoteVars = promote.filter((x) => x >= 0);
  // One newcomer; when the chair left, exactly one new chair (a trained newcomer or member).
  model.addRow('seats', [...asMember, ...chairVars], 1, '=', 1);
  if (chairSeat) model.addRow('chairs', [...chairVars, ...promoteVars], 1, '=', 1);
  const result = await solve(model, {
    timeLimitSeconds: options.timeLimitSeconds ?? 5,
    relativeGap: 0,
  });
  if (result.status !== 'optimal' && result.status !== 'feasible') {
    return {
      status: 'infeasible',
      infeasibility: [
        chairSeat && chairVars.length + promoteVars.length === 0 && candidates.length > 0
          ? { code: 'NO_ELIGIBLE_CHAIR', hostId, host: instance.hosts[h]!.name }
          : {
              code: 'TOO_FEW_ELIGIBLE',
              hostId,
              host: instance.hosts[h]!.name,
              eligible: stayers.length + candidates.length,
              teamSize: instance.teamSize,
            },
      ],
      violations: [],
    };
  }
  const on = (x: number): boolean => x >= 0 && result.values[x]! > 0.5;
  const chosen = candidates.findIndex((_, k) => on(asMember[k]!) || on(asChair[k]!));
  const newcomer = instance.visitors[candidates[chosen]!]!.id;
  const role: TeamRole = on(asChair[chosen]!) ? 'chair' : 'member';
  const promotedIndex = promote.findIndex((x) => on(x));
  const newChair = promotedIndex >= 0 ? stayers[promotedIndex]!.visitorId : undefined;
  const team = [
    ...(role === 'chair' ? [{ visitorId: newcomer, role }] : []),
    ...stayers.map((s) => ({
      visitorId: s.visitorId,
      role: (s.visitorId === newChair ? 'chair' : s.role) as TeamRole,
    })),
    ...(role === 'member' ? [{ visitorId: newcomer, role }] : []),
  ].sort((x, y) => (x.role === y.role ? 0 : x.role === 'chair' ? -1 : 1));
  const next: Schedule = {
    visits: schedule.visits.map((v) => (v.hostId === hostId ? { ...v, team } : v)),
  };
  // The person who cannot come is unavailable on that day from now on.
  const updated: VisitationInstance = {
    ...instance,
    visitors: instance.visitors.map((v) =>
      v.id === visitorId ? { ...v, unavailable: [...(v.unavailable ?? []), visit.date] } : v,
    ),
  };
  return {
    status: 'resolved',
    schedule: next,
    replacement: { visitorId: newcomer, role },
    ...(newChair !== undefined ? { newChair } : {}),
    infeasibility: [],
    violations: checkSchedule(updated, next),
  };
}
