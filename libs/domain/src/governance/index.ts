export { budgetBodies, type BudgetBody, type GoverningBody } from './budget-bodies';
