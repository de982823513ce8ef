import { formatBasisPoints as bp, formatEuro as euro } from '../../format';
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
  reserveCapYear: (p) => `${p.field} must be a year of four digits, or absent`,
  reserveAboveCap: (p) =>
    `Equity (${euro(p.equity)}) is above the maximum of ${euro(p.cap)} the SWV set itself for this year. Consider spending the extra funds on the schools.`,
  reserveRuleLine: (p) =>
    `Reserve rule applied: target ${bp(p.target)} of turnover, maximum ${bp(p.ceiling)}` +
    (p.cap === null ? '' : ` and at most ${euro(p.cap)}`) +
    `; a shortfall is made up over ${p.years === 1 ? '1 year' : `${p.years} years`}`,
};
