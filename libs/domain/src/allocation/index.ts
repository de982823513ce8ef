export {
  type AllocationInput,
  type AllocationResult,
  type BoardAllocation,
  type ReserveRule,
  DEFAULT_RESERVE_RULE,
  computeAllocation,
} from './allocation';
export {
  type ReserveRuleSetting,
  RESERVE_LIMITS,
  reserveRuleForYear,
  reserveRuleText,
  validateReserveRuleSetting,
} from './reserve-rule';
