export * from './core';
export { escapeHtml } from './html';
export { CATALOGUE, catalogueFor, type Catalogue, type WebTexts } from './catalogue';
export type { Decided, DecisionKindKey, ScheduleKind, TimelineArgs } from './web-types';
export { dutchArticle } from './nl/mail/budget';
export type { EscalationMailArgs, SchoolMailArgs, VoteMailArgs } from './mail-types';
export type { EctMailArgs } from './nl/mail/cycles';
export type { VisitMailArgs } from './nl/mail/visitation';
export type { TransitionMailArgs } from './nl/mail/transition';
