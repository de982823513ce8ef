/**
 * @jaarcyclus/scheduling — the schedule solver of collegial visitations and audits
 * (docs/domain.md §3): the HiGHS MILP solver (npm `highs`, WebAssembly) behind the domain's
 * types. Pure rules, the checker and the explanations are in libs/domain/src/visitation.
 */
export {
  type ProposeOptions,
  type ScheduleProposal,
  type StageReport,
  FULL_PAIRS,
  MAX_FULL_PAIRS,
  proposeSchedule,
} from './propose';
export { type SeatResolution, resolveSeat } from './resolve-seat';
export { type SolveStatus } from './highs';
export { type SyntheticOptions, syntheticInstance, mulberry32 } from './synthetic';
