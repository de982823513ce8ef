export {
  type AllocationInput,
  type AllocationResult,
  type BoardAllocation,
  type ReserveRule,
  DEFAULT_RESERVE_RULE,
  computeAllocation,
} from './allocation';
