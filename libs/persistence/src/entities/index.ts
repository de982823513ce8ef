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
];
