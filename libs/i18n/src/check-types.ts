/**
 * The checks of a school's figures and of an accountability format, field by field: every
 * message names the field (`where`: section, line and the format's own label, which stays as
 * the tenant wrote it), so that it can be shown on its own.
 */
/**
 * Every validation message, per language. `where` names the field (section, line and the
 * format's own label, which stays as the tenant wrote it).
 */
export interface SubmissionMessages {
  notAnObject: string;
  section: { income: string; expenses: string; appendix: string };
  line: (section: string, n: number) => string;
  lineLabelled: (section: string, n: number, label: string) => string;
  description: (where: string) => string;
  targetGroup: (where: string) => string;
  notAList: (what: string) => string;
  tooMany: (what: string, max: number) => string;
  notALine: (where: string) => string;
  unknownLine: (where: string, key: string, version: number) => string;
  duplicateLine: (where: string) => string;
  requiredLine: (what: string, label: string) => string;
  amountRequired: (where: string) => string;
  amountNotANumber: (where: string) => string;
  amountDecimals: (where: string, value: string) => string;
  amountAmbiguous: (where: string, value: string, int: string, frac: string) => string;
  amountFormat: (where: string, value: string) => string;
  amountNegative: (where: string) => string;
  fteRequired: (where: string) => string;
  fteRange: (where: string, max: number) => string;
  fteDecimals: (where: string, value: string) => string;
  fteNotANumber: (where: string) => string;
  fteFormat: (where: string, value: string) => string;
  textRequired: (what: string) => string;
  textTooLong: (what: string, max: number) => string;
  appendixNotEqual: (appendix: string, extra: string) => string;
  appendixExceeds: (appendix: string, extra: string) => string;
}

export interface FormatMessages {
  notAnObject: string;
  version: string;
  section: { income: string; expenses: string; appendix: string };
  line: (section: string, n: number) => string;
  keyFormat: (where: string) => string;
  duplicateKey: (where: string, key: string) => string;
  labelRequired: (where: string) => string;
  labelTooLong: (where: string, max: number) => string;
  requiredFlag: (where: string) => string;
  noLines: (what: string) => string;
  tooMany: (what: string, max: number) => string;
  notALine: (where: string) => string;
  categoryFormat: (where: string) => string;
  appendixMissing: string;
  fteRule: (rules: string) => string;
  extraSupportRequired: string;
  unknownCategory: (category: string) => string;
}

/**
 * The checks of a visitation programme as the secretariat entered it (validateInstance): `max`
 * is the domain's limit, `supported` and `regions` its school years and holiday regions, listed.
 */
export interface VisitationInputMessages {
  schoolYear: (year: string, supported: string) => string;
  kind: string;
  playbook: string;
  teamSize: (max: number) => string;
  maxVisits: (max: number) => string;
  windows: string;
  windowDate: string;
  windowOrder: string;
  windowYear: (year: string) => string;
  hosts: (max: number) => string;
  visitors: (max: number) => string;
  id: string;
  duplicate: (id: string) => string;
  name: string;
  hostKind: string;
  region: (regions: string) => string;
  date: string;
  visitorMax: (max: number) => string;
  trained: string;
}
