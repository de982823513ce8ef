import type { DecisionKind } from '@jaarcyclus/domain';
import type { BodyRoundView, RoundView } from '@jaarcyclus/workflows';

/** A body as the SWV configured it (Beheer → Organen). */
export interface BodyMasterData {
  key: string;
  name: string;
  decisionKind: DecisionKind;
}

/**
 * Right after a start the cycle knows its bodies by key only ('alv', no decision kind) until the
 * round has snapshotted each body's roster. The page fills in what the SWV configured, so the
 * secretariat reads "Algemene Ledenvergadering", "Goedkeuring" from the first moment — on the
 * cards and in the lists of the actions ("Sluit ronde") alike.
 */
export function withBodyDetails<
  B extends BodyRoundView,
  S extends { bodies: B[]; rounds: (Omit<RoundView, 'bodies'> & { bodies: B[] })[] },
>(status: S, bodies: readonly BodyMasterData[]): S {
  const byKey = new Map(bodies.map((b) => [b.key, b]));
  const fill = (b: B): B => {
    const known = byKey.get(b.bodyKey);
    if (!known) return b;
    return {
      ...b,
      name: b.name && b.name !== b.bodyKey ? b.name : known.name,
      decisionKind: b.decisionKind ?? known.decisionKind,
    };
  };
  return {
    ...status,
    bodies: status.bodies.map(fill),
    rounds: status.rounds.map((r) => ({ ...r, bodies: r.bodies.map(fill) })),
  };
}
