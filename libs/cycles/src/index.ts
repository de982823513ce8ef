/**
 * The cycle kit: what every governance cycle's activities need, written once. A cycle
 * declares itself (`defineCycle`: its kind and task kinds), gets a `CycleKit` (tasks, audit
 * trail, read model, mail through the outbox, active recipients, links), and keeps only its
 * own business steps. Worker-side (Node) code: workflows use the deterministic half in
 * libs/workflows (ids, StatePublisher, SideEffects) and libs/domain (schedule).
 */
export { type CycleDefinition, defineCycle } from './cycle';
export {
  type CycleKitDeps,
  type CycleStatusInput,
  type Delivery,
  type MailContent,
  type PublishStateInput,
  type Recipient,
  type StateWrite,
  type StoredMail,
  CycleKit,
  createCycleKit,
} from './kit';
export { asRefusal, refuse } from './refusal';
export { semaphore } from './semaphore';
