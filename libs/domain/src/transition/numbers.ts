import { type LocalDate, daysBetween } from '../calendar/local-date';
import { TRANSITION_PHASES, type TransitionOutcome, type TransitionPhase } from './phases';

/** One case as the annual report counts it: dates and codes, never who. */
export interface TransitionCaseFacts {
  openedOn: LocalDate;
  closedOn: LocalDate | null;
  outcome: TransitionOutcome | null;
  /** Every stay in a phase (orientation twice after a "no"), the last one open while it runs. */
  phases: readonly { phase: TransitionPhase; enteredOn: LocalDate; leftOn: LocalDate | null }[];
}

export interface TransitionYearNumbers {
  year: number;
  started: number;
  succeeded: number;
  symbiosis: number;
  backToVso: number;
  ended: number;
  /** Median calendar days of the stays in each phase that ended in the year; null: none. */
  medianDaysPerPhase: Record<TransitionPhase, number | null>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const inYear = (date: LocalDate | null, year: number): boolean =>
  date !== null && date.startsWith(`${year}-`);

/**
 * The numbers for the annual report of calendar year `year` (source 001 §3.2: "zicht krijgen
 * op de aantallen en de succesfactoren"): cases started in the year, cases closed in it by
 * outcome, and the median days per phase. Counts only.
 */
export function transitionYearNumbers(
  cases: readonly TransitionCaseFacts[],
  year: number,
): TransitionYearNumbers {
  const closed = cases.filter((c) => inYear(c.closedOn, year));
  const count = (o: TransitionOutcome): number => closed.filter((c) => c.outcome === o).length;
  const medianDaysPerPhase = Object.fromEntries(
    TRANSITION_PHASES.map((phase) => [
      phase,
      median(
        cases.flatMap((c) =>
          c.phases
            .filter((p) => p.phase === phase && inYear(p.leftOn, year))
            .map((p) => daysBetween(p.enteredOn, p.leftOn!)),
        ),
      ),
    ]),
  ) as Record<TransitionPhase, number | null>;
  return {
    year,
    started: cases.filter((c) => inYear(c.openedOn, year)).length,
    succeeded: count('succeeded'),
    symbiosis: count('symbiosis'),
    backToVso: count('back_to_vso'),
    ended: count('ended'),
    medianDaysPerPhase,
  };
}
