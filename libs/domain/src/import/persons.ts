import { codedText } from '@jaarcyclus/i18n/core';
import { Cells, keyOf, yesNo } from './cells';
import type { CsvTable } from './csv';
import type { ExistingBoard } from './boards';
import { findBoard, type ExistingSchool } from './schools';
import { reportOf, type ImportReport, type ImportRowReport } from './report';
import { readSheet, type ColumnSpec } from './sheet';

/** The roles of an SWV (libs/persistence ROLES), as an import may give them. */
export type ImportedRole =
  'admin' | 'secretariat' | 'director' | 'body_member' | 'school_contact' | 'ect_member';

/** Dutch words first (what the "Rollen" column of a list says), then the codes themselves. */
const ROLE_WORDS: Record<string, ImportedRole> = {
  beheerder: 'admin',
  secretariaat: 'secretariat',
  directeur: 'director',
  'directeur-bestuurder': 'director',
  orgaanlid: 'body_member',
  lid: 'body_member',
  school: 'school_contact',
  contactpersoon: 'school_contact',
  zorgcoördinator: 'school_contact',
  ect: 'ect_member',
  "ect'er": 'ect_member',
  admin: 'admin',
  secretariat: 'secretariat',
  director: 'director',
  body_member: 'body_member',
  school_contact: 'school_contact',
  ect_member: 'ect_member',
};
const ROLE_OPTIONS = 'beheerder, secretariaat, directeur, orgaanlid, school, ect';

export interface ExistingPerson {
  id: string;
  name: string;
  email: string;
  locale: 'nl' | 'en';
  roles: ImportedRole[];
  boardId: string | null;
  schoolId: string | null;
  /** The bodies the person is a member of. */
  bodyIds: string[];
  /** The board whose bestuurder the person is, if any. */
  bestuurderOf: string | null;
}

export interface ExistingBody {
  id: string;
  key: string;
  name: string;
  /** Votes weigh by the represented board's pupil count: every member needs a board. */
  weighsByPupils: boolean;
  chairPersonId: string | null;
}

/** A person to insert (id null) or update, with the memberships and positions to add. */
export interface PersonWrite {
  id: string | null;
  name: string;
  email: string;
  locale: 'nl' | 'en';
  roles: ImportedRole[];
  boardId: string | null;
  schoolId: string | null;
  /** Memberships to add (never removed by an import), with the board represented. */
  addMemberships: { bodyId: string; boardId: string | null }[];
  /** Make the person the bestuurder of this board. */
  bestuurderOf: string | null;
  /** Make the person the chair of these bodies. */
  chairOf: string[];
}

type PersonColumn =
  | 'name'
  | 'email'
  | 'roles'
  | 'board'
  | 'school'
  | 'bodies'
  | 'chairOf'
  | 'bestuurder'
  | 'language';

export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
  { key: 'name', names: ['naam', 'name'], required: true },
  { key: 'email', names: ['e-mail', 'email', 'e-mailadres'], required: true },
  { key: 'roles', names: ['rollen', 'roles', 'rol'], required: false },
  { key: 'board', names: ['bestuur', 'board'], required: false },
  { key: 'school', names: ['school'], required: false },
  { key: 'bodies', names: ['organen', 'bodies', 'orgaan'], required: false },
  { key: 'chairOf', names: ['voorzitter van', 'voorzitter', 'chair'], required: false },
  { key: 'bestuurder', names: ['bestuurder'], required: false },
  { key: 'language', names: ['taal', 'language', 'locale'], required: false },
];

/** As the database checks it: lower case, one @, no spaces (and a dot in the domain). */
const EMAIL = /^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$/;

const list = (value: string): string[] =>
  value
    .split(/[,|/]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * The people import (issue #15): a person is the same person when the e-mail address matches
 * (sign-in is by address, unique over all SWVs: an address of another SWV's person is refused).
 * Roles and body memberships in the file are added, never taken away (that stays a deliberate
 * act under Beheer, so that no import can leave an SWV without its administrator); name, board,
 * school and language are set as the file says when it has those columns.
 */
export function planPersonImport(
  table: CsvTable,
  context: {
    boards: readonly ExistingBoard[];
    schools: readonly ExistingSchool[];
    bodies: readonly ExistingBody[];
    persons: readonly ExistingPerson[];
    /** Addresses (lower case) of persons of other SWVs. */
    emailsElsewhere: ReadonlySet<string>;
  },
): { report: ImportReport; writes: PersonWrite[] } {
  const rows: ImportRowReport[] = [];
  const writes: PersonWrite[] = [];
  const seen = new Map<string, number>();
  for (const r of readSheet(table, PERSON_COLUMNS)) {
    const c = new Cells(r);
    const name = c.text('name');
    const rawEmail = c.raw('email').toLowerCase();
    let email: string | undefined;
    if (rawEmail === '') c.text('email');
    else if (!EMAIL.test(rawEmail) || rawEmail.length > 254)
      c.refuse('email', (column) =>
        codedText('csvImport.email', { column, value: c.raw('email') }),
      );
    else if (context.emailsElsewhere.has(rawEmail))
      c.refuse('email', (column) => codedText('csvImport.emailElsewhere', { column }));
    else email = rawEmail;
    if (email !== undefined) {
      const first = seen.get(email);
      if (first !== undefined)
        c.refuse('email', (column) => codedText('csvImport.duplicate', { column, first }));
      else seen.set(email, r.row);
    }
    const match = email !== undefined ? context.persons.find((p) => p.email === email) : undefined;

    const roles = new Set<ImportedRole>(match?.roles ?? []);
    for (const word of list(c.raw('roles'))) {
      const role = ROLE_WORDS[word.toLowerCase()];
      if (role) roles.add(role);
      else
        c.refuse('roles', (column) =>
          codedText('csvImport.role', { column, value: word, options: ROLE_OPTIONS }),
        );
    }

    let boardId = match?.boardId ?? null;
    if (c.has('board')) {
      const value = c.raw('board');
      const board = value ? findBoard(context.boards, value) : undefined;
      if (value && !board)
        c.refuse('board', (column) => codedText('csvImport.unknownBoard', { column, value }));
      boardId = board?.id ?? null;
    }
    let schoolId = match?.schoolId ?? null;
    if (c.has('school')) {
      const value = c.raw('school');
      const code = value.toUpperCase().replace(/\s/g, '');
      const school = value
        ? (context.schools.find((s) => s.brin === code) ??
          context.schools.find((s) => keyOf(s.name) === keyOf(value)))
        : undefined;
      if (value && !school)
        c.refuse('school', (column) => codedText('csvImport.unknownSchool', { column, value }));
      else if (school && c.has('board') && boardId !== null && school.boardId !== boardId)
        c.refuse('school', (column) =>
          codedText('csvImport.schoolOfOtherBoard', { column, value }),
        );
      schoolId = school?.id ?? null;
      if (school && boardId === null) boardId = school.boardId;
      if (school) roles.add('school_contact');
    }

    const bestuurder = c.coded('bestuurder', yesNo, (column, value) =>
      codedText('csvImport.yesNo', { column, value }),
    );
    if (bestuurder && boardId === null)
      c.refuse('bestuurder', (column) => codedText('csvImport.bestuurderNeedsBoard', { column }));

    const addMemberships: PersonWrite['addMemberships'] = [];
    for (const value of list(c.raw('bodies'))) {
      const body =
        context.bodies.find((b) => keyOf(b.key) === keyOf(value)) ??
        context.bodies.find((b) => keyOf(b.name) === keyOf(value));
      if (!body) {
        c.refuse('bodies', (column) => codedText('csvImport.unknownBody', { column, value }));
        continue;
      }
      if (body.weighsByPupils && boardId === null) {
        c.refuse('bodies', (column) => codedText('csvImport.memberNeedsBoard', { column, value }));
        continue;
      }
      roles.add('body_member');
      if (!match?.bodyIds.includes(body.id) && !addMemberships.some((m) => m.bodyId === body.id))
        addMemberships.push({ bodyId: body.id, boardId: body.weighsByPupils ? boardId : null });
    }

    const chairOf: string[] = [];
    for (const value of list(c.raw('chairOf'))) {
      const body =
        context.bodies.find((b) => keyOf(b.key) === keyOf(value)) ??
        context.bodies.find((b) => keyOf(b.name) === keyOf(value));
      if (!body) {
        c.refuse('chairOf', (column) => codedText('csvImport.unknownBody', { column, value }));
      } else if (match === undefined || body.chairPersonId !== match.id) chairOf.push(body.id);
    }

    const locale = c.has('language')
      ? c.coded(
          'language',
          (v) => (['nl', 'en'].includes(v.toLowerCase()) ? (v.toLowerCase() as 'nl' | 'en') : null),
          (column, value) => codedText('csvImport.language', { column, value }),
        )
      : undefined;

    const label = email ?? c.raw('email');
    if (
      r.problems.length > 0 ||
      name === undefined ||
      email === undefined ||
      (locale === undefined && c.has('language'))
    ) {
      rows.push({ row: r.row, label, outcome: 'refused', problems: r.problems });
      continue;
    }
    const write: PersonWrite = {
      id: match?.id ?? null,
      name,
      email,
      locale: locale ?? match?.locale ?? 'nl',
      roles: [...roles].sort(),
      boardId,
      schoolId,
      addMemberships,
      chairOf,
      bestuurderOf:
        bestuurder && boardId !== null && match?.bestuurderOf !== boardId ? boardId : null,
    };
    const same =
      match !== undefined &&
      match.name === name &&
      match.locale === write.locale &&
      [...match.roles].sort().join() === write.roles.join() &&
      match.boardId === boardId &&
      match.schoolId === schoolId &&
      addMemberships.length === 0 &&
      chairOf.length === 0 &&
      write.bestuurderOf === null;
    rows.push({
      row: r.row,
      label,
      outcome: !match ? 'created' : same ? 'unchanged' : 'changed',
      problems: [],
    });
    if (!same) writes.push(write);
  }
  return { report: reportOf('persons', rows), writes };
}
