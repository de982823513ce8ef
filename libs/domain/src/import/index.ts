export { type CsvRecord, type CsvTable, MAX_IMPORT_ROWS, parseCsv } from './csv';
export { type ImportProblem } from './sheet';
export {
  type ImportKind,
  type ImportOutcome,
  type ImportReport,
  type ImportRowReport,
  IMPORT_KINDS,
} from './report';
export { type BoardWrite, type ExistingBoard, BOARD_COLUMNS, planBoardImport } from './boards';
export {
  type ExistingSchool,
  type ImportedSchoolKind,
  type SchoolWrite,
  SCHOOL_COLUMNS,
  findBoard,
  planSchoolImport,
} from './schools';
export {
  type ExistingBody,
  type ExistingPerson,
  type ImportedRole,
  type PersonWrite,
  PERSON_COLUMNS,
  planPersonImport,
} from './persons';
