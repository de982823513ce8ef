/**
 * Input that does not have the expected shape (the api's DTOs, the domain's parsing of amounts
 * and years). A Dutch text never needs the field's name: a form shows it next to the field.
 * `field` is the path of the input, as the English text (the JSON api's) names it.
 */
type F = { field: string };

const FILL_IN = 'Vul dit veld in.';
const CHOOSE = 'Kies een waarde uit de lijst.';
const AMOUNT = 'Vul een bedrag in euro’s in, zoals 1.234,56.';
const DATE_TIME = 'Vul een datum en tijd in, zoals 11-12-2026 17:00.';
const NOT_A_SHAPE = 'Dit onderdeel ontbreekt of heeft niet de verwachte vorm.';

export const validation = {
  empty: (_: F) => FILL_IN,
  notAString: (_: F) => FILL_IN,
  notText: (_: F) => FILL_IN,
  tooLong: (p: F & { max: number }) => `Gebruik hoogstens ${p.max} tekens.`,
  notAllowed: (_: { field?: string }) => 'Dit veld hoort niet bij dit formulier.',
  notNonNegativeInteger: (_: F) => 'Vul een heel getal in van 0 of meer.',
  notPositiveInteger: (_: F) => 'Vul een heel getal in van 1 of meer.',
  notAnInteger: (_: F) => 'Vul een heel getal in.',
  notLessThan: (p: F & { min: number }) => `Vul een getal in van ${p.min} of meer.`,
  notAWholeNumber: (p: F & { example: string }) => `Vul een heel getal in, zoals ${p.example}.`,
  notBoolean: (_: F) => 'Kies ja of nee.',
  notAnObject: (_: F) => NOT_A_SHAPE,
  notAnObjectOrNull: (_: F) => NOT_A_SHAPE,
  notAnArray: (_: F) => NOT_A_SHAPE,
  notNested: (_: F) => NOT_A_SHAPE,
  notNestedEach: (_: F) => NOT_A_SHAPE,
  notUuid: (_: F) => CHOOSE,
  notOneOf: (_: F & { options: string }) => 'Kies een van de mogelijkheden.',
  notEmail: (_: F) => 'Vul een geldig e-mailadres in, zoals naam@school.nl.',
  notHttpUrl: (_: F) => 'Vul een webadres in dat begint met https://.',
  notALocalDate: (_: F) => 'Vul een datum in, zoals 2027-03-01.',
  notDateTime: (_: F) => DATE_TIME,
  notInstant: (_: F) => DATE_TIME,
  notInstantExample: (_: F) => DATE_TIME,
  deadlineNotAnInstant: (_: { value: string }) => DATE_TIME,
  notAYear: (p: F & { example: number }) => `Vul een jaartal in, zoals ${p.example}.`,
  yearTooEarly: (p: F & { min: number }) => `Vul een jaartal in van ${p.min} of later.`,
  yearTooLate: (p: F & { max: number }) => `Vul een jaartal in van ${p.max} of eerder.`,
  yearOutOfRange: (_: F & { min: number; max: number }) => 'Vul een geldig jaartal in.',
  // Amounts: typed in euros (eurosToCents), checked in cents (DTOs).
  notAnAmount: (_: F & { value: string }) => AMOUNT,
  amountAmbiguous: (p: F & { value: string; plain: string; grouped: string }) =>
    `Bedoelt u ${p.plain} of ${p.grouped}? Schrijf het bedrag zonder twijfel.`,
  amountDecimals: (_: F & { value: string | number }) =>
    'Gebruik hoogstens twee cijfers achter de komma.',
  amountTooLarge: (_: F & { value: string | number }) => 'Dit bedrag is te groot.',
  notCents: (_: F) => AMOUNT,
  amountNegative: (_: F) => 'Vul een bedrag in van € 0,00 of meer.',
  amountNotPositive: (_: F) => 'Vul een bedrag in dat groter is dan € 0,00.',
  // Lists of numbers: reminder offsets in business days.
  notAListOfNumbers: (_: F) => 'Vul hele getallen in, gescheiden door komma’s.',
  mustHoldWholeNumbers: (p: F & { example: string }) =>
    `Vul hele getallen in, gescheiden door komma’s, zoals ${p.example}.`,
  mustContainWholeNumbers: (p: F & { example: string }) =>
    `Vul hele getallen in, gescheiden door komma’s, zoals ${p.example}.`,
  numberTooSmall: (p: F & { min: number }) => `Gebruik getallen van ${p.min} of meer.`,
  numberTooLarge: (p: F & { max: number }) => `Gebruik getallen van hoogstens ${p.max}.`,
  tooManyOffsets: (p: F & { max: number }) => `Vul hoogstens ${p.max} getallen in.`,
  tooManyEntries: (p: F & { max: number }) => `Vul hoogstens ${p.max} getallen in.`,
  atMostEntries: (p: F & { max: number }) => `Vul hoogstens ${p.max} getallen in.`,
  offsetsRange: (p: F & { min: number; max: number }) =>
    `Vul hele getallen van ${p.min} tot en met ${p.max} in, gescheiden door komma’s.`,
  duplicates: (_: F) => 'Noem elk getal maar één keer.',
  offsetsBusinessDays: (_: { min: number; max: number }) => 'Vul hele aantallen werkdagen in.',
  // Bodies, votes, schools, people.
  bodyKey: (_: F) => 'Kies een orgaan uit de lijst.',
  bodyKeysList: (_: F) => 'Kies de organen uit de lijst.',
  bodyKeysEmpty: (_: F) => 'Kies minstens één orgaan.',
  bodyKeysFormat: (_: F) => 'Kies de organen uit de lijst.',
  newBodyKey: (_: F) =>
    'Gebruik 1 tot 40 kleine letters, cijfers, - of _, beginnend met een letter.',
  voteValue: (_: F) => 'Kies voor, tegen of onthouding.',
  numerator: (_: F) => 'Vul een teller in van 1 of meer die niet groter is dan de noemer.',
  schoolIdsList: (_: F) => 'Kies scholen uit de lijst.',
  schoolIdsEmpty: (_: F) => 'Kies minstens één school.',
  schoolIdsTooMany: (p: F & { max: number }) => `Kies hoogstens ${p.max} scholen.`,
  schoolIdsUuids: (_: F) => 'Kies scholen uit de lijst.',
  reviewDecision: (_: F) => 'Kies accepteren of terugsturen.',
  statusList: (_: F) => 'Kies een status uit de lijst.',
  statusOneOf: (_: F & { options: string }) => 'Kies een status uit de lijst.',
  roles: (_: F & { options: string }) => 'Kies rollen uit de lijst.',
  duplicateRoles: (_: F) => 'Kies elke rol maar één keer.',
  brin: (_: F) =>
    'Vul een BRIN-code in: twee cijfers en twee letters, eventueel met een vestigingsnummer van twee cijfers, zoals 20AB of 20AB01.',
};
