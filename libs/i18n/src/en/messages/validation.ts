import type { validation as nl } from '../../nl/messages/validation';

/** The JSON api's own words: a client reads which field is wrong and why. */
export const validation: typeof nl = {
  empty: (p) => `${p.field} must not be empty`,
  notAString: (p) => `${p.field} must be a string`,
  notText: (p) => `${p.field} must be text`,
  tooLong: (p) => `${p.field} must be at most ${p.max} characters`,
  notAllowed: (p) => `${p.field ?? 'A value'} is not allowed`,
  notNonNegativeInteger: (p) => `${p.field} must be a non-negative integer`,
  notPositiveInteger: (p) => `${p.field} must be a positive integer`,
  notAnInteger: (p) => `${p.field} must be an integer number`,
  notLessThan: (p) => `${p.field} must not be less than ${p.min}`,
  notAWholeNumber: (p) => `${p.field} must be a whole number, such as ${p.example}`,
  notBoolean: (p) => `${p.field} must be true or false`,
  notAnObject: (p) => `${p.field} must be an object`,
  notAnObjectOrNull: (p) => `${p.field} must be an object or null`,
  notAnArray: (p) => `${p.field} must be an array`,
  notNested: (p) => `nested property ${p.field} must be either object or array`,
  notNestedEach: (p) => `each value in nested property ${p.field} must be either object or array`,
  notUuid: (p) => `${p.field} must be a UUID`,
  notOneOf: (p) => `${p.field} must be one of: ${p.options}`,
  notEmail: (p) => `${p.field} must be an email address`,
  notHttpUrl: (p) => `${p.field} must be an http(s) URL`,
  notALocalDate: (p) => `${p.field} must be a date YYYY-MM-DD, such as 2027-03-01`,
  notDateTime: (p) => `${p.field} must be an ISO 8601 date-time`,
  notInstant: (p) => `${p.field} must be an ISO 8601 instant with offset`,
  notInstantExample: (p) =>
    `${p.field} must be an ISO 8601 instant with offset, e.g. 2027-02-01T23:59:59+01:00`,
  deadlineNotAnInstant: (p) =>
    `Deadline must be an ISO 8601 instant with offset, e.g. 2026-12-18T17:00:00+01:00; got '${p.value}'`,
  notAYear: (p) => `${p.field} must be a whole year`,
  yearTooEarly: (p) => `${p.field} must be ${p.min} or later`,
  yearTooLate: (p) => `${p.field} must be ${p.max} or earlier`,
  yearOutOfRange: (p) => `${p.field} must be a year between ${p.min} and ${p.max}`,
  notAnAmount: (p) => `'${p.value}' is not an amount`,
  amountAmbiguous: (p) => `'${p.value}' is ambiguous: write '${p.plain}' or '${p.grouped}'`,
  amountDecimals: (p) => `${quoted(p.value)} has more than two decimals`,
  amountTooLarge: (p) => `${quoted(p.value)} is too large`,
  notCents: (p) => `${p.field} must be an integer number of cents`,
  amountNegative: (p) => `${p.field} must be a non-negative integer`,
  amountNotPositive: (p) => `${p.field} must be a positive integer`,
  notAListOfNumbers: (p) => `${p.field} must be a list of numbers`,
  mustHoldWholeNumbers: (p) => `${p.field} must hold whole numbers`,
  mustContainWholeNumbers: (p) => `${p.field} must contain whole numbers`,
  numberTooSmall: (p) => `${p.field} must be at least ${p.min}`,
  numberTooLarge: (p) => `${p.field} must be at most ${p.max}`,
  tooManyOffsets: (p) => `${p.field} may hold at most ${p.max} offsets`,
  tooManyEntries: (p) => `${p.field} may have at most ${p.max} entries`,
  atMostEntries: (p) => `${p.field} must contain at most ${p.max} entries`,
  offsetsRange: (p) => `${p.field} must be an array of whole numbers from ${p.min} to ${p.max}`,
  duplicates: (p) => `${p.field} must not contain duplicates`,
  offsetsBusinessDays: (p) =>
    `Reminder offsets must be whole business days between ${p.min} and ${p.max}`,
  bodyKey: (p) => `${p.field} must be a body key such as alv`,
  bodyKeysList: (p) => `${p.field} must be a list of body keys`,
  bodyKeysEmpty: (p) => `${p.field} must name at least one body`,
  bodyKeysFormat: (p) => `${p.field} must hold body keys such as alv`,
  newBodyKey: (p) =>
    `${p.field} must be 1-40 lower-case letters, digits, - or _, starting with a letter`,
  voteValue: (p) => `${p.field} must be one of for, against, abstain`,
  numerator: (_) => 'numerator must be a positive integer not greater than the denominator',
  schoolIdsList: (p) => `${p.field} must be a list of school ids`,
  schoolIdsEmpty: (p) => `${p.field} must name at least one school`,
  schoolIdsTooMany: (p) => `${p.field} may name at most ${p.max} schools`,
  schoolIdsUuids: (p) => `${p.field} must contain UUIDs`,
  reviewDecision: (p) => `${p.field} must be 'accept' or 'return'`,
  statusList: (p) => `${p.field} must be a comma-separated list of statuses`,
  statusOneOf: (p) => `${p.field} must be one of ${p.options}`,
  roles: (p) => `${p.field} must only contain: ${p.options}`,
  duplicateRoles: (p) => `${p.field} must not contain duplicates`,
  brin: (p) =>
    `${p.field} must be a BRIN code: two digits and two letters, optionally a two-digit location number (e.g. 20AB or 20AB01)`,
};

/** A value as it was typed is quoted ('1,234'); a number as such (1.234). */
function quoted(value: string | number): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}
