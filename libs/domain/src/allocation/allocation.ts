import { codedText, renderText, type CodedText } from '@jaarcyclus/i18n/core';
import { DomainError } from '../errors';
import { divCeil, mulDivRound, sumSafe } from '../money/arithmetic';
import type { Cents } from '../money/money';

/**
 * Allocation of the SWV's funds to schools and boards for a calendar year (docs/domain.md, source 001 §7.1–7.2):
 * - every regular school gets a fixed amount based on its support profile;
 * - every board gets a variable amount: its pupil count × the amount per pupil;
 * - the reserve rule: equity is steered towards 2% of turnover (OCW signal value 3.5%); when
 *   equity falls below 2% the shortfall is recovered in the following year(s) "door het
 *   variabel bedrag voor de schoolbesturen aan te passen" (§7.2);
 * - underspending reported in the 1 February accountability is deducted from the school's
 *   total receipts (§7.4), i.e. from its board's letter.
 * All arithmetic is on integer cents.
 */

export interface ReserveRule {
  /** Target equity as basis points of turnover: 200 = 2%. */
  targetBasisPoints: number;
  /** OCW signal value for excessive equity: 350 = 3.5%. */
  ceilingBasisPoints: number;
  /** A shortfall is recovered over this many years (default 1). */
  recoveryYears: number;
  /**
   * The most the reserve may hold this year, in cents, whatever the percentages say (Midden
   * Kennemerland: at most EUR 300,000 in 2025, docs/domain.md, source 004). Absent: no cap.
   */
  capCents?: number;
}

export const DEFAULT_RESERVE_RULE: ReserveRule = Object.freeze({
  targetBasisPoints: 200,
  ceilingBasisPoints: 350,
  recoveryYears: 1,
});

export interface AllocationInput {
  boards: { boardId: string; name: string; pupilCount: number }[];
  /** Regular schools: fixed amount per school based on its support profile. */
  schools: { schoolId: string; boardId: string; name: string; fixedAmountCents: Cents }[];
  amountPerPupilCents: Cents;
  /** May be negative after operating deficits; a lower equity only enlarges the shortfall. */
  equityCents: Cents;
  turnoverCents: Cents;
  reserve: ReserveRule;
  /** Underspending from the accountability, deducted from the school's board letter. */
  deductions?: { schoolId: string; amountCents: Cents; reason: string }[];
}

export interface BoardAllocation {
  boardId: string;
  name: string;
  schools: { schoolId: string; name: string; fixedAmountCents: Cents }[];
  pupilCount: number;
  /** The amount per pupil actually applied (after any reserve recovery). */
  amountPerPupilCents: Cents;
  variableCents: Cents;
  deductions: { schoolId: string; amountCents: Cents; reason: string }[];
  /** Fixed amounts + variable amount − deductions. Negative means the board owes the SWV. */
  totalCents: Cents;
}

export interface AllocationResult {
  boards: BoardAllocation[];
  reserve: {
    /** The rule that applied (the SWV's own, or the default), as letters and previews show it. */
    rule: ReserveRule;
    /** Equity as basis points of turnover, truncated towards zero (display only). */
    equityBasisPoints: number;
    /** above_cap: within the percentage but above the year's cap in euros. */
    status: 'below_target' | 'within_range' | 'above_ceiling' | 'above_cap';
    /** ceil(target% × turnover) − equity, when below target; else 0. */
    shortfallCents: Cents;
    /** The part of the shortfall planned to be recovered this year: ceil(shortfall / recoveryYears). */
    recoveryCents: Cents;
    /** Reduction of the amount per pupil actually applied this year. */
    perPupilReductionCents: number;
    /** Dutch, for the budget proposal (the workflow records it). */
    warning?: string;
    /** The same by code (libs/i18n notice.*), for a reader of another language. */
    warningText?: CodedText;
  };
  /** The amount per pupil before the reserve correction. */
  baseAmountPerPupilCents: Cents;
  totalPupils: number;
  totalCents: Cents;
}

function invalid(message: string, field: string): DomainError {
  return new DomainError('VALIDATION', message, field);
}

function requireNonNegativeInteger(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${field} must be a non-negative integer`, field);
  }
}

function requireId(value: string, field: string): void {
  if (typeof value !== 'string' || value.trim() === '')
    throw invalid(`${field} is required`, field);
}

function validateReserveRule(rule: ReserveRule): void {
  if (rule === null || typeof rule !== 'object')
    throw invalid('reserve rule is required', 'reserve');
  requireNonNegativeInteger(rule.targetBasisPoints, 'reserve.targetBasisPoints');
  requireNonNegativeInteger(rule.ceilingBasisPoints, 'reserve.ceilingBasisPoints');
  if (rule.targetBasisPoints > rule.ceilingBasisPoints) {
    throw invalid('The reserve target cannot exceed the ceiling', 'reserve.targetBasisPoints');
  }
  if (!Number.isSafeInteger(rule.recoveryYears) || rule.recoveryYears < 1) {
    throw invalid('reserve.recoveryYears must be a positive integer', 'reserve.recoveryYears');
  }
  if (rule.capCents !== undefined) requireNonNegativeInteger(rule.capCents, 'reserve.capCents');
}

function validate(input: AllocationInput): void {
  if (!Array.isArray(input.boards)) throw invalid('boards must be an array', 'boards');
  if (!Array.isArray(input.schools)) throw invalid('schools must be an array', 'schools');
  const boardIds = new Set<string>();
  input.boards.forEach((board, i) => {
    requireId(board.boardId, `boards[${i}].boardId`);
    if (boardIds.has(board.boardId))
      throw invalid(`Duplicate board '${board.boardId}'`, `boards[${i}].boardId`);
    boardIds.add(board.boardId);
    requireNonNegativeInteger(board.pupilCount, `boards[${i}].pupilCount`);
  });
  const schoolIds = new Set<string>();
  input.schools.forEach((school, i) => {
    requireId(school.schoolId, `schools[${i}].schoolId`);
    if (schoolIds.has(school.schoolId)) {
      throw invalid(`Duplicate school '${school.schoolId}'`, `schools[${i}].schoolId`);
    }
    schoolIds.add(school.schoolId);
    if (!boardIds.has(school.boardId)) {
      throw invalid(
        `School '${school.schoolId}' belongs to unknown board '${String(school.boardId)}'`,
        `schools[${i}].boardId`,
      );
    }
    requireNonNegativeInteger(school.fixedAmountCents, `schools[${i}].fixedAmountCents`);
  });
  requireNonNegativeInteger(input.amountPerPupilCents, 'amountPerPupilCents');
  if (!Number.isSafeInteger(input.equityCents))
    throw invalid('equityCents must be an integer', 'equityCents');
  if (!Number.isSafeInteger(input.turnoverCents) || input.turnoverCents <= 0) {
    throw invalid('turnoverCents must be a positive integer', 'turnoverCents');
  }
  validateReserveRule(input.reserve);
  (input.deductions ?? []).forEach((deduction, i) => {
    if (!schoolIds.has(deduction.schoolId)) {
      throw invalid(
        `Deduction for unknown school '${String(deduction.schoolId)}'`,
        `deductions[${i}].schoolId`,
      );
    }
    if (!Number.isSafeInteger(deduction.amountCents) || deduction.amountCents <= 0) {
      throw invalid(
        'A deduction must be a positive integer number of cents',
        `deductions[${i}].amountCents`,
      );
    }
    if (typeof deduction.reason !== 'string' || deduction.reason.trim() === '') {
      throw invalid('A deduction needs a reason', `deductions[${i}].reason`);
    }
  });
}

/** a × 10 000 compared with bp × turnover, exactly (BigInt): sign of a/turnover − bp/10 000. */
function compareShare(amountCents: Cents, basisPoints: number, turnoverCents: Cents): number {
  const lhs = BigInt(amountCents) * 10_000n;
  const rhs = BigInt(basisPoints) * BigInt(turnoverCents);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

export function computeAllocation(input: AllocationInput): AllocationResult {
  validate(input);
  const { reserve: rule, turnoverCents, equityCents, amountPerPupilCents } = input;
  const totalPupils = sumSafe(
    input.boards.map((b) => b.pupilCount),
    'totalPupils',
  );

  // Status is decided exactly; equityBasisPoints is truncated for display, so 199.9 bp shows
  // as 199 and is "below target", and exactly 200 bp is "within range".
  const equityBasisPoints = mulDivRound(
    equityCents,
    10_000,
    turnoverCents,
    equityCents < 0 ? 'ceil' : 'floor',
  );
  const belowTarget = compareShare(equityCents, rule.targetBasisPoints, turnoverCents) < 0;
  const aboveCeiling = compareShare(equityCents, rule.ceilingBasisPoints, turnoverCents) > 0;
  const aboveCap = !aboveCeiling && rule.capCents !== undefined && equityCents > rule.capCents;

  let shortfallCents = 0;
  let recoveryCents = 0;
  let perPupilReductionCents = 0;
  let warningText: CodedText | undefined;

  if (belowTarget) {
    // Target amount rounded up to whole cents, so that recovering the shortfall brings equity
    // to at least the target.
    const targetCents = mulDivRound(turnoverCents, rule.targetBasisPoints, 10_000, 'ceil');
    shortfallCents = targetCents - equityCents;
    // Rounded up per year and per pupil: the shortfall is recovered in full within
    // recoveryYears; the rounding costs each board at most one cent per pupil.
    recoveryCents = divCeil(shortfallCents, rule.recoveryYears);
    const wantedReduction = totalPupils > 0 ? divCeil(recoveryCents, totalPupils) : 0;
    // The amount per pupil never goes below zero.
    perPupilReductionCents = Math.min(wantedReduction, amountPerPupilCents);
    warningText = codedText('notice.reserveBelowTarget', {
      equity: equityBasisPoints,
      target: rule.targetBasisPoints,
      shortfall: shortfallCents,
      reduction: perPupilReductionCents,
      recovered: perPupilReductionCents * totalPupils,
      recovery: recoveryCents,
    });
  } else if (aboveCeiling) {
    warningText = codedText('notice.reserveAboveCeiling', {
      equity: equityBasisPoints,
      ceiling: rule.ceilingBasisPoints,
    });
  } else if (aboveCap) {
    warningText = codedText('governance.reserveAboveCap', {
      equity: equityCents,
      cap: rule.capCents ?? 0,
    });
  }

  const effectivePerPupil = amountPerPupilCents - perPupilReductionCents;
  const deductions = input.deductions ?? [];
  const boardOfSchool = new Map(input.schools.map((s) => [s.schoolId, s.boardId]));

  const boards: BoardAllocation[] = input.boards.map((board) => {
    const schools = input.schools
      .filter((s) => s.boardId === board.boardId)
      .map((s) => ({ schoolId: s.schoolId, name: s.name, fixedAmountCents: s.fixedAmountCents }));
    const boardDeductions = deductions
      .filter((d) => boardOfSchool.get(d.schoolId) === board.boardId)
      .map((d) => ({ schoolId: d.schoolId, amountCents: d.amountCents, reason: d.reason }));
    const variableCents = mulDivRound(board.pupilCount, effectivePerPupil, 1);
    const fixed = sumSafe(
      schools.map((s) => s.fixedAmountCents),
      'fixedAmountCents',
    );
    const deducted = sumSafe(
      boardDeductions.map((d) => d.amountCents),
      'deductions',
    );
    return {
      boardId: board.boardId,
      name: board.name,
      schools,
      pupilCount: board.pupilCount,
      amountPerPupilCents: effectivePerPupil,
      variableCents,
      deductions: boardDeductions,
      totalCents: sumSafe([fixed, variableCents, -deducted], 'totalCents'),
    };
  });

  return {
    boards,
    reserve: {
      rule: { ...rule },
      equityBasisPoints,
      status: belowTarget
        ? 'below_target'
        : aboveCeiling
          ? 'above_ceiling'
          : aboveCap
            ? 'above_cap'
            : 'within_range',
      shortfallCents,
      recoveryCents,
      perPupilReductionCents,
      ...(warningText === undefined ? {} : { warning: renderText('nl', warningText), warningText }),
    },
    baseAmountPerPupilCents: amountPerPupilCents,
    totalPupils,
    totalCents: sumSafe(
      boards.map((b) => b.totalCents),
      'totalCents',
    ),
  };
}
