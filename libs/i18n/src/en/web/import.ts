import type { csvImportPage as nl } from '../../nl/web/import';

export const csvImportPage: typeof nl = {
  importTitle: 'Import from Excel (CSV)',
  importLink: 'Import boards, schools or people from Excel (CSV)',
  importIntro:
    'Save the list in Excel as “CSV UTF-8”: semicolons between the columns, the first line with the column names (Dutch Excel does this; the Dutch and English column names both work). Import the boards first, then the schools, then the people. Importing the same file again changes nothing; a line with a mistake is skipped and explained in the report.',
  importKind: 'What are you importing?',
  importKinds: { boards: 'School boards', schools: 'Schools', persons: 'People' },
  importFile: 'CSV file',
  importFileHint: 'A .csv file of at most 2 MB.',
  importFileMissing: 'Choose a CSV file.',
  importButton: 'Import',
  importColumnsTitle: 'Columns',
  importColumnsRequired: 'required',
  importColumns: {
    boards: 'naam/name (required); bestuursnummer (five digits); leerlingen/pupils (required)',
    schools:
      'brin (required, e.g. 20AB); vestiging/location (e.g. 01); naam/name (required); bestuur/board (name or bestuursnummer, required); soort/kind (regular or special, required); leerlingen/pupils; vestigingen/locations (count); vast bedrag/fixed_amount (euros)',
    persons:
      'naam/name (required); e-mail (required); rollen/roles (beheerder, secretariaat, directeur, orgaanlid, school, ect; comma-separated); bestuur/board; school (BRIN code with location, or name); organen/bodies (key or name, comma-separated); voorzitter/chair (the bodies the person chairs); bestuurder (ja or nee); taal/language (nl or en)',
  },
  importReportTitle: (kind) => `Import report: ${kind.toLowerCase()}`,
  importCounts: (c) =>
    `${c.created} added, ${c.changed} changed, ${c.unchanged} unchanged, ${c.refused} refused.`,
  importRefusedNote:
    'Refused lines were not stored. Correct them in Excel and import the file again: the rest stays as it is.',
  importTableLabel: 'Lines of the file',
  importRow: 'Line',
  importWhat: 'Record',
  importOutcome: 'Outcome',
  importWhy: 'Explanation',
  importOutcomes: {
    created: 'Added',
    changed: 'Changed',
    unchanged: 'Unchanged',
    refused: 'Refused',
  },
  importColumn: (column) => `Column ${column}`,
  importAgain: 'Import another file',
};
