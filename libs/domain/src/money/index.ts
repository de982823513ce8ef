export { type RoundingMode, divCeil, mulDivRound, sumSafe } from './arithmetic';
export {
  type Cents,
  eurosToCents,
  formatBasisPoints,
  formatCount,
  formatEuro,
  formatEuroPlain,
  groupThousands,
} from './money';
export { type FteHundredths, MAX_FTE, formatFte, parseFte } from './fte';
export { DUTCH_MONTHS, formatDateNl, formatDateTimeNl } from './format-date';
