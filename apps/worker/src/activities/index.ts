import type { OutboxService } from '@jaarcyclus/mail';
import type { DataSource } from 'typeorm';
import { createAccountabilityActivities } from './accountability.activities';
import { createBudgetActivities } from './budget.activities';
import { createHousekeepingActivities } from './housekeeping.activities';

export interface ActivityDeps {
  dataSource: DataSource;
  outbox: OutboxService;
  /** Base URL of the web app, for links in mails. */
  publicUrl: string;
  /** The accountability fan-out's clock (benchmarks set it; see AccountabilityActivityDeps.now). */
  now?: () => number;
}

/**
 * Every activity the worker registers, by name. Names must be unique across cycles: the worker
 * registers activities in one map, so a second `updateTasks` would silently replace the first.
 */
export function createActivities(deps: ActivityDeps) {
  const budget = createBudgetActivities(deps);
  const accountability = createAccountabilityActivities(deps);
  const clash = Object.keys(budget).filter((name) => name in accountability);
  if (clash.length > 0) throw new Error(`activity names used by two cycles: ${clash.join(', ')}`);
  const housekeeping = createHousekeepingActivities(deps);
  const taken = Object.keys(housekeeping).filter((n) => n in budget || n in accountability);
  if (taken.length > 0) throw new Error(`activity names used twice: ${taken.join(', ')}`);
  return { ...budget, ...accountability, ...housekeeping };
}
