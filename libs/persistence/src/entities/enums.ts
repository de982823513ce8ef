import { SCHOOL_REGIONS, type DecisionKind, type SchoolRegion } from '@jaarcyclus/domain';

/**
 * Value sets stored in text columns. Each list is mirrored by a CHECK constraint in the
 * migrations, so the database refuses what the application would refuse; task kinds only by
 * their form, so that a new cycle's kinds need no migration.
 */

/** admin = administrator of its own SWV; director = the directeur-bestuurder (docs/domain.md glossary). */
export const ROLES = [
  'admin',
  'secretariat',
  'director',
  'body_member',
  'school_contact',
  'ect_member',
  /** A parent of a pupil in a schakeltraject: sees their own child's case only (migration 1764000000050). */
  'parent',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles over the whole platform, not one SWV: kept apart from `roles` (column
 * `person.platform_roles`, migration PlatformRoles1764000000007), so that an SWV's
 * administrator, who sets the roles of the SWV's people, can never grant one. Granted on the
 * server (`npm run operator -- grant <email>`).
 * operator = runs the service; may read decrypted workflow data of every SWV through the
 * Temporal Web UI's codec endpoint (which cannot tell a payload's SWV).
 * platform_admin = onboards new SWVs (POST /api/platform/organisations, `npm run platform --
 * onboard`); migration TenantOnboarding1764000000010.
 */
export const PLATFORM_ROLES = ['operator', 'platform_admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** School holiday regions (noord, midden, zuid): defined by the domain's calendar. */
export { SCHOOL_REGIONS, type SchoolRegion };

/** po = primary education, vo = secondary education. */
export const SECTORS = ['po', 'vo'] as const;
export type Sector = (typeof SECTORS)[number];

/** The languages a person reads Jaarcyclus in: the text catalogue's (libs/i18n). */
export { LOCALES, type Locale } from '@jaarcyclus/i18n/core';

/** goedkeuring / instemming / advies carry different legal weight and stay distinct (docs/domain.md glossary). */
export const DECISION_KINDS: readonly DecisionKind[] = ['goedkeuring', 'instemming', 'advies'];
export type { DecisionKind };

/** regular = regulier vo/po (receives a fixed amount per school); special = vso/so. */
export const SCHOOL_KINDS = ['regular', 'special'] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The kinds of task the cycles hand out (budget and support plan: vote, adopt; accountability:
 * submit, review; the autumn ECT evaluation: evaluate).
 * Not mirrored by a list in the database: the column only checks the form (TASK_KIND_PATTERN,
 * migration TaskKindAsData1764000000006), so a new cycle adds its kinds here, with no migration.
 */
export const TASK_KINDS = [
  'vote',
  'adopt',
  'submit',
  'review',
  'evaluate',
  // Collegial visitations and audits: confirm the date, hand in a report, a follow-up action,
  // the secretariat's check on the follow-up.
  'visit_confirm',
  'visit_report',
  'visit_follow_up',
  'visit_check',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
/** The form the database accepts for a task kind (CHECK task_kind_format_check). */
export const TASK_KIND_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The yearly cycles of docs/domain.md; the column is free text so a new cycle needs no migration. */
export type CycleKind = 'budget' | 'accountability' | 'visitation' | 'transition' | (string & {});
