import { CHECKS } from '@jaarcyclus/i18n/core';
import { SCHOOL_REGIONS, SUPPORTED_SCHOOL_YEARS } from '../calendar/school-holidays';
import { parseLocalDate } from '../calendar/local-date';
import { type FieldError, type MessageLocale } from '../accountability/validation';
import { HOST_KINDS, VISITATION_KINDS, type VisitationInstance } from './types';

/** Upper limits that keep one programme within what the solver and the pages handle. */
export const VISITATION_LIMITS = { hosts: 5000, visitors: 20000, teamSize: 10, maxVisits: 20 };

function isDate(s: unknown): boolean {
  try {
    parseLocalDate(s as string);
    return true;
  } catch {
    return false;
  }
}

function isCount(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/**
 * Checks a programme's input as the secretariat entered it: every mistake with its field, in
 * the reader's language (libs/i18n, checks.visitation). It does not decide whether a schedule
 * exists (see `countingChecks`).
 */
export function validateInstance(
  instance: VisitationInstance,
  locale: MessageLocale = 'nl',
): FieldError[] {
  const m = CHECKS[locale].visitation;
  const errors: FieldError[] = [];
  const add = (field: string, rule: string, message: string): void => {
    errors.push({ field, rule, message });
  };
  const L = VISITATION_LIMITS;

  const yearKnown = SUPPORTED_SCHOOL_YEARS.includes(instance.schoolYear);
  if (!yearKnown)
    add(
      'schoolYear',
      'school_year',
      m.schoolYear(String(instance.schoolYear), SUPPORTED_SCHOOL_YEARS.join(', ')),
    );
  if (!VISITATION_KINDS.includes(instance.kind)) add('kind', 'kind', m.kind);
  if (typeof instance.playbook !== 'string' || instance.playbook.trim() === '') {
    add('playbook', 'required', m.playbook);
  }
  if (!isCount(instance.teamSize, 1, L.teamSize))
    add('teamSize', 'team_size', m.teamSize(L.teamSize));
  if (!isCount(instance.maxVisitsPerVisitor, 1, L.maxVisits)) {
    add('maxVisitsPerVisitor', 'max_visits', m.maxVisits(L.maxVisits));
  }

  if (!Array.isArray(instance.windows) || instance.windows.length === 0) {
    add('windows', 'required', m.windows);
  } else {
    const first = `${instance.schoolYear.slice(0, 4)}-08-01`;
    const last = `${instance.schoolYear.slice(5, 9)}-07-31`;
    instance.windows.forEach((w, i) => {
      const f = `windows[${i}]`;
      if (!isDate(w.start) || !isDate(w.end)) return add(f, 'date', m.windowDate);
      if (w.end < w.start) return add(f, 'window_order', m.windowOrder);
      if (yearKnown && (w.start < first || w.end > last)) {
        add(f, 'window_year', m.windowYear(instance.schoolYear));
      }
    });
  }

  if (
    !Array.isArray(instance.hosts) ||
    instance.hosts.length === 0 ||
    instance.hosts.length > L.hosts
  ) {
    add('hosts', 'hosts', m.hosts(L.hosts));
  }
  const hostIds = new Set<string>();
  (instance.hosts ?? []).forEach((h, i) => {
    const f = `hosts[${i}]`;
    if (typeof h.id !== 'string' || h.id === '') add(`${f}.id`, 'required', m.id);
    else if (hostIds.has(h.id)) add(`${f}.id`, 'duplicate', m.duplicate(h.id));
    hostIds.add(h.id);
    if (typeof h.name !== 'string' || h.name.trim() === '') add(`${f}.name`, 'required', m.name);
    if (!HOST_KINDS.includes(h.kind)) add(`${f}.kind`, 'kind', m.hostKind);
    if (!SCHOOL_REGIONS.includes(h.region))
      add(`${f}.region`, 'region', m.region(SCHOOL_REGIONS.join(', ')));
    (h.unavailable ?? []).forEach((d, j) => {
      if (!isDate(d)) add(`${f}.unavailable[${j}]`, 'date', m.date);
    });
  });

  if (!Array.isArray(instance.visitors) || instance.visitors.length > L.visitors) {
    add('visitors', 'visitors', m.visitors(L.visitors));
  }
  const visitorIds = new Set<string>();
  (instance.visitors ?? []).forEach((v, i) => {
    const f = `visitors[${i}]`;
    if (typeof v.id !== 'string' || v.id === '') add(`${f}.id`, 'required', m.id);
    else if (visitorIds.has(v.id)) add(`${f}.id`, 'duplicate', m.duplicate(v.id));
    visitorIds.add(v.id);
    if (typeof v.name !== 'string' || v.name.trim() === '') add(`${f}.name`, 'required', m.name);
    if (typeof v.trainedChair !== 'boolean') add(`${f}.trainedChair`, 'required', m.trained);
    if (v.maxVisits !== undefined && !isCount(v.maxVisits, 0, L.maxVisits)) {
      add(`${f}.maxVisits`, 'max_visits', m.visitorMax(L.maxVisits));
    }
    (v.unavailable ?? []).forEach((d, j) => {
      if (!isDate(d)) add(`${f}.unavailable[${j}]`, 'date', m.date);
    });
  });
  return errors;
}
