import type { csvImport as nl, onboarding as nlOnboarding } from '../../nl/messages/csv-import';

/** The JSON api's own words for a CSV import's refusals (the report adds row and column). */
export const csvImport: typeof nl = {
  empty: (_) => 'The file is empty: its first line must hold the column names',
  encoding: (_) =>
    'The file is not UTF-8 text. In Excel choose "CSV UTF-8 (comma delimited)" when saving',
  separator: (p) =>
    `The columns are separated by ${p.found === 'tab' ? 'tabs' : 'commas'}; use semicolons (;), as Dutch Excel saves a CSV file`,
  missingColumns: (p) => `The first line lacks the column(s): ${p.columns}`,
  unknownColumns: (p) => `Unknown column(s) in the first line: ${p.columns}`,
  duplicateColumn: (p) => `The column ${p.column} appears twice in the first line`,
  unclosedQuote: (p) => `Line ${p.row} opens a quote (") that is never closed`,
  tooManyRows: (p) => `The file has more than ${p.max} lines; split it`,
  noRows: (_) => 'The file has column names only and no data',
  columnCount: (p) => `This line has ${p.got} columns, the first line ${p.expected}`,
  required: (_) => 'This column is required',
  tooLong: (p) => `At most ${p.max} characters`,
  brin: (p) => `${p.value} is not a BRIN code: two digits and two letters, e.g. 20AB`,
  location: (p) => `${p.value} is not a location code: two digits, e.g. 01`,
  boardNumber: (p) => `${p.value} is not a bestuursnummer: five digits, e.g. 41234`,
  count: (p) => `${p.value} is not a count: a whole number of 0 or more, e.g. 1.250`,
  positiveCount: (p) => `${p.value} is not a count: a whole number of 1 or more`,
  amount: (p) => `${p.value} is not an amount: euros with a decimal comma, e.g. 1.234,56`,
  kind: (p) => `${p.value} is not a kind of school: regulier (regular) or speciaal (special)`,
  specialFixedAmount: (_) => 'A special school receives no fixed amount: leave it empty or 0',
  email: (p) => `${p.value} is not an e-mail address`,
  emailElsewhere: (_) => 'This e-mail address belongs to a person of another SWV',
  role: (p) => `${p.value} is not a role: one of ${p.options}`,
  language: (p) => `${p.value} is not a language: nl or en`,
  yesNo: (p) => `${p.value}: ja or nee (yes or no)`,
  unknownBoard: (p) =>
    `No board ${p.value}: import the boards first, or write the name or bestuursnummer as the SWV has it`,
  unknownSchool: (p) =>
    `No school ${p.value}: import the schools first, or write its BRIN code with location, or its name`,
  unknownBody: (p) => `No body ${p.value}: use the key or the name of one of the SWV's bodies`,
  schoolOfOtherBoard: (p) => `The school ${p.value} does not belong to the board in column board`,
  bestuurderNeedsBoard: (_) => 'A bestuurder needs a board in column board',
  memberNeedsBoard: (p) =>
    `${p.value} weighs votes by pupil count: give the board this member represents`,
  duplicate: (p) => `Already on line ${p.first} of the file`,
  nameTaken: (p) => `Another board is already named ${p.value}`,
  numberTaken: (p) => `The bestuursnummer ${p.value} belongs to another board already`,
};

/** The JSON api's own words for onboarding a new SWV. */
export const onboarding: typeof nlOnboarding = {
  slug: (p) =>
    `${p.field} must be lower-case letters, digits and single dashes, e.g. vo-groningen-stad (at most 60 characters)`,
  noBodies: (p) => `${p.field} must list at least one body`,
  duplicateBodyKeys: (p) => `${p.field} must give every body its own key`,
};
