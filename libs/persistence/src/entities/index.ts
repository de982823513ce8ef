import { AccountabilityCycle } from './accountability-cycle.entity';
import { AccountabilityDeduction } from './accountability-deduction.entity';
import { AccountabilityFormatVersion } from './accountability-format.entity';
import { SchoolAccountability } from './accountability-school-status.entity';
import { AccountabilitySubmission } from './accountability-submission.entity';
import { AuditEvent } from './audit-event.entity';
import { Body } from './body.entity';
import { BodyMember } from './body-member.entity';
import { CalendarFeed } from './calendar-feed.entity';
import { Cycle } from './cycle.entity';
import { Document } from './document.entity';
import { LoginToken } from './login-token.entity';
import { Organisation } from './organisation.entity';
import { OutboxMessage } from './outbox-message.entity';
import { Person } from './person.entity';
import { School } from './school.entity';
import { SchoolBoard } from './school-board.entity';
import { Session } from './session.entity';
import { Task } from './task.entity';

export * from './enums';
export * from './column-types';
export {
  AccountabilityCycle,
  AccountabilityDeduction,
  AccountabilityFormatVersion,
  AccountabilitySubmission,
  SchoolAccountability,
  AuditEvent,
  Body,
  BodyMember,
  CalendarFeed,
  Cycle,
  Document,
  LoginToken,
  Organisation,
  OutboxMessage,
  Person,
  School,
  SchoolBoard,
  Session,
  Task,
};
export type { OrganisationSettings } from './organisation.entity';
export { CALENDAR_FEED_KINDS, type CalendarFeedKind } from './calendar-feed.entity';
export {
  ensureDefaultAccountabilityFormat,
  toAccountabilityFormat,
} from './accountability-format.entity';
export {
  ACCOUNTABILITY_SUBMISSION_STATUSES,
  type AccountabilitySubmissionStatus,
} from './accountability-submission.entity';

export const ENTITIES: Function[] = [
  Organisation,
  SchoolBoard,
  School,
  Person,
  Body,
  BodyMember,
  LoginToken,
  Session,
  OutboxMessage,
  AuditEvent,
  Cycle,
  Task,
  Document,
  CalendarFeed,
  AccountabilityFormatVersion,
  AccountabilityCycle,
  AccountabilitySubmission,
  SchoolAccountability,
  AccountabilityDeduction,
];
