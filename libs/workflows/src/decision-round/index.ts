export * from './decision-round';
export * from './decision-round.types';
export type * from './decision-round.activities';
export { validateProposal, parseInstant } from './decision-round.logic';
