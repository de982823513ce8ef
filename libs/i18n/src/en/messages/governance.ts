import type { governance as nl } from '../../nl/messages/governance';

export const governance: typeof nl = {
  budgetBodyUnknown: (p) => `bodyKeys: this organisation has no body with the key '${p.key}'`,
  budgetNoApprovingBody: () =>
    'No body of this organisation approves (goedkeuring) the budget, such as an ALV, an Algemeen Bestuur or an RvT: an administrator must add one first',
  budgetBodyWithoutMembers: (p) =>
    `${p.body} has no active members, so nobody can vote: an administrator must add members first`,
  reserveCeilingBelowTarget: (p) => `${p.field} must be at least the target percentage`,
  reservePercentage: (p) =>
    `${p.field} must be a percentage from 0 to 100 in hundredths of a percent`,
  reserveRecoveryYears: (p) => `${p.field} must be a whole number of years from 1 to 10`,
  reserveCap: (p) => `${p.field} must be a non-negative amount in cents, or absent`,
};
