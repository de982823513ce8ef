import { Foundation1764000000000 } from './1764000000000-foundation';
import { BudgetCycle1764000000001 } from './1764000000001-budget-cycle';
import { CalendarFeed1764000000002 } from './1764000000002-calendar-feed';
import { Accountability1764000000003 } from './1764000000003-accountability';
import { CycleState1764000000004 } from './1764000000004-cycle-state';
import { DocumentUse1764000000005 } from './1764000000005-document-use';
import { TaskKindAsData1764000000006 } from './1764000000006-task-kind-as-data';
import { PlatformRoles1764000000007 } from './1764000000007-platform-roles';
import { TenantOnboarding1764000000010 } from './1764000000010-tenant-onboarding';
import { ReserveRuleSetting1764000000020 } from './1764000000020-reserve-rule-setting';
import { EctEvaluation1764000000030 } from './1764000000030-ect-evaluation';
import { Visitation1764000000040 } from './1764000000040-visitation';
import { VisitationPartners1764000000041 } from './1764000000041-visitation-partners';
import { TransitionCases1764000000050 } from './1764000000050-transition-cases';
import { OutboxLastAttempt1764000000080 } from './1764000000080-outbox-last-attempt';
import { EmailUniquePerOrganisation1764000000081 } from './1764000000081-email-unique-per-organisation';
import { TransitionDocuments1764000000090 } from './1764000000090-transition-documents';
import { TransitionDocumentContentEncrypted1764000000100 } from './1764000000100-transition-document-content-encrypted';
import { VoteSecrecy1764000000120 } from './1764000000120-vote-secrecy';
import { AccountabilityComments1764000000140 } from './1764000000140-accountability-comments';
import { AllocationLetters1764000000150 } from './1764000000150-allocation-letters';
import { OutboxHandoff1764000000170 } from './1764000000170-outbox-handoff';
import { CalendarFeedKinds1764000000180 } from './1764000000180-calendar-feed-kinds';

export {
  Foundation1764000000000,
  BudgetCycle1764000000001,
  CalendarFeed1764000000002,
  Accountability1764000000003,
  CycleState1764000000004,
  DocumentUse1764000000005,
  TaskKindAsData1764000000006,
  PlatformRoles1764000000007,
  TenantOnboarding1764000000010,
  ReserveRuleSetting1764000000020,
  EctEvaluation1764000000030,
  Visitation1764000000040,
  VisitationPartners1764000000041,
  TransitionCases1764000000050,
  OutboxLastAttempt1764000000080,
  EmailUniquePerOrganisation1764000000081,
  TransitionDocuments1764000000090,
  TransitionDocumentContentEncrypted1764000000100,
  VoteSecrecy1764000000120,
  AccountabilityComments1764000000140,
  AllocationLetters1764000000150,
  OutboxHandoff1764000000170,
  CalendarFeedKinds1764000000180,
};

/** In order. Landed migrations are never rewritten: add a new one. */
export const MIGRATIONS: Function[] = [
  Foundation1764000000000,
  BudgetCycle1764000000001,
  CalendarFeed1764000000002,
  Accountability1764000000003,
  CycleState1764000000004,
  DocumentUse1764000000005,
  TaskKindAsData1764000000006,
  PlatformRoles1764000000007,
  TenantOnboarding1764000000010,
  ReserveRuleSetting1764000000020,
  EctEvaluation1764000000030,
  Visitation1764000000040,
  VisitationPartners1764000000041,
  TransitionCases1764000000050,
  OutboxLastAttempt1764000000080,
  EmailUniquePerOrganisation1764000000081,
  TransitionDocuments1764000000090,
  TransitionDocumentContentEncrypted1764000000100,
  VoteSecrecy1764000000120,
  AccountabilityComments1764000000140,
  AllocationLetters1764000000150,
  OutboxHandoff1764000000170,
  CalendarFeedKinds1764000000180,
];
