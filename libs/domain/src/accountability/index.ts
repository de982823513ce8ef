export { type FieldError, type ValidationResult } from './validation';
export {
  type AccountabilityAppendixRule,
  type AccountabilityExpenseLine,
  type AccountabilityFormat,
  type AccountabilityIncomeLine,
  type AppendixFteRule,
  APPENDIX_FTE_RULES,
  DEFAULT_ACCOUNTABILITY_FORMAT,
  EXTRA_SUPPORT_CATEGORY,
  validateFormat,
} from './format';
export {
  type AccountabilitySubmissionFigures,
  type MessageLocale,
  type RawAccountabilitySubmission,
  type SubmissionTotals,
  submissionTotals,
  validateSubmission,
} from './submission';
export {
  type UnderspendingInput,
  type UnderspendingResult,
  SWV_VARIABLE_INCOME_LINE_KEY,
  asksVariableAmount,
  computeUnderspending,
  deductionAllocationYear,
  underspendingDeductionReason,
  underspendingOfFigures,
} from './underspending';
export {
  type SchoolAccountabilityStatus,
  SCHOOL_ACCOUNTABILITY_STATUSES,
  SCHOOL_ACCOUNTABILITY_STATUS_LABELS,
  awaitsSchoolSubmission,
  daysLate,
  isFinalAccountabilityStatus,
} from './status';
export {
  type AccountabilityDates,
  ACCOUNTABILITY_OPEN_JANUARY_DAY,
  DEFAULT_ACCOUNTABILITY_REMINDER_POLICY,
  DEFAULT_MAX_OVERDUE_REMINDERS,
  assertAccountingYear,
  defaultAccountabilityDates,
} from './dates';
export {
  type AccountabilityOverviewRow,
  OVERVIEW_CSV_HEADER,
  toExcelCsv,
  textCell as csvTextCell,
  toOverviewCsv,
} from './overview-csv';
export {
  type AppendixRowChange,
  type FiguresComparison,
  type FiguresLineChange,
  compareFigures,
} from './compare';
