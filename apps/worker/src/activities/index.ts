import type { CycleKitDeps } from '@jaarcyclus/cycles';
import { createAccountabilityActivities } from './accountability.activities';
import { createBudgetActivities } from './budget.activities';
import { createEctEvaluationActivities } from './ect-evaluation.activities';
import { createHousekeepingActivities } from './housekeeping.activities';
import { createSupportPlanActivities } from './support-plan.activities';
import { createVisitationActivities } from './visitation.activities';
import { createTransitionActivities } from './transition.activities';

export interface ActivityDeps extends CycleKitDeps {
  /**
   * The worker's clock for what is decided when a cycle starts: the accountability fan-out
   * (benchmarks set it; see AccountabilityActivityDeps.now) and when a published visit counts
   * as planned (its invitation goes out at the first business moment from then).
   */
  now?: () => number;
  /** Hours a sent mail keeps its body (HousekeepingActivityDeps.outboxSentBodyHours). */
  outboxSentBodyHours?: number;
}

/**
 * Every activity the worker registers, by name: each cycle's activities, composed from the
 * cycle kit (libs/cycles). Names must be unique across cycles: the worker registers activities
 * in one map, so a second `updateTasks` would silently replace the first.
 */
export function createActivities(deps: ActivityDeps) {
  const cycles = [
    createBudgetActivities(deps),
    createAccountabilityActivities(deps),
    createSupportPlanActivities(deps),
    createEctEvaluationActivities(deps),
    // Not a cycle, but registered the same way: the daily housekeeping (a Temporal Schedule).
    createHousekeepingActivities(deps),
    createVisitationActivities(deps),
    createTransitionActivities(deps),
  ] as const;
  const names = cycles.flatMap((activities) => Object.keys(activities));
  const clash = names.filter((name, i) => names.indexOf(name) !== i);
  if (clash.length > 0) throw new Error(`activity names used twice: ${clash.join(', ')}`);
  const [budget, accountability, supportPlan, ectEvaluation, housekeeping, visitation, transition] =
    cycles;
  return {
    ...budget,
    ...accountability,
    ...supportPlan,
    ...ectEvaluation,
    ...housekeeping,
    ...visitation,
    ...transition,
  };
}
