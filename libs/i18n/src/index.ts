export * from './locale';
export * from './format';
export { escapeHtml } from './html';
export { CATALOGUE, catalogueFor, type Catalogue, type WebTexts } from './catalogue';
export type { Decided, DecisionKindKey, ScheduleKind, TimelineArgs } from './web-types';
