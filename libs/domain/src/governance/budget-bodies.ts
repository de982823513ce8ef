import { DomainError } from '../errors';
import type { DecisionKind } from '../voting';

/** A body of the SWV as the budget start sees it: its key, name, decision kind and active members. */
export interface GoverningBody {
  key: string;
  name: string;
  decisionKind: DecisionKind;
  activeMembers: number;
}

/** A body the budget is put to, in the order the form, the preview and the workflow show them. */
export interface BudgetBody {
  key: string;
  name: string;
  decisionKind: DecisionKind;
}

/** Approval first, then consent, then advice: the order in which the law names them. */
const KIND_ORDER: Readonly<Record<DecisionKind, number>> = {
  goedkeuring: 0,
  instemming: 1,
  advies: 2,
};

/**
 * The bodies a budget is put to (docs/domain.md §1, source 001 §7, §1.1): by default every body
 * of the SWV that approves (goedkeuring: an ALV or Algemeen Bestuur, an RvT) or consents
 * (instemming: the OPR), whatever their keys are, so an SWV governed by an Algemeen Bestuur runs
 * the same cycle as one with an ALV. Given keys choose among the SWV's bodies instead.
 *
 * Refused before anything starts: an unknown key, no approving body (nobody could approve the
 * budget the directeur-bestuurder adopts), a body without active members (nobody could vote).
 */
export function budgetBodies(
  bodies: readonly GoverningBody[],
  requestedKeys?: readonly string[],
): BudgetBody[] {
  let chosen: GoverningBody[];
  if (requestedKeys && requestedKeys.length > 0) {
    chosen = [];
    for (const key of requestedKeys) {
      const body = bodies.find((b) => b.key === key);
      if (!body)
        throw DomainError.of('VALIDATION', 'bodyKeys', 'governance.budgetBodyUnknown', { key });
      chosen.push(body);
    }
  } else {
    chosen = bodies.filter((b) => b.decisionKind !== 'advies');
  }
  chosen = [...chosen].sort(
    (a, b) =>
      KIND_ORDER[a.decisionKind] - KIND_ORDER[b.decisionKind] || a.name.localeCompare(b.name, 'nl'),
  );
  if (!chosen.some((b) => b.decisionKind === 'goedkeuring')) {
    throw DomainError.of('RULE_VIOLATION', 'bodyKeys', 'governance.budgetNoApprovingBody');
  }
  const empty = chosen.find((b) => b.activeMembers === 0);
  if (empty) {
    throw DomainError.of('RULE_VIOLATION', 'bodyKeys', 'governance.budgetBodyWithoutMembers', {
      body: empty.name,
    });
  }
  return chosen.map((b) => ({ key: b.key, name: b.name, decisionKind: b.decisionKind }));
}
