import { Foundation1764000000000 } from './1764000000000-foundation';
import { BudgetCycle1764000000001 } from './1764000000001-budget-cycle';

export { Foundation1764000000000, BudgetCycle1764000000001 };

/** In order. Landed migrations are never rewritten: add a new one. */
export const MIGRATIONS: Function[] = [Foundation1764000000000, BudgetCycle1764000000001];
