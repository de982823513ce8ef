import loadHighs, { type Highs } from 'highs';
import { type LpModel, type Row } from './lp';

/**
 * The HiGHS MILP solver (the `highs` package: HiGHS compiled to WebAssembly, single-threaded).
 * Loading is asynchronous and happens once per process; every solve after that is synchronous
 * and blocks the event loop for its time limit at most, so a caller in a server runs it in an
 * activity or a worker thread, never in a request.
 */
let runtime: Promise<Highs> | undefined;

export function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'no-solution' | 'error';

export interface SolveResult {
  /**
   * optimal: proven within the gap asked for; feasible: a solution, stopped by the time limit;
   * infeasible: proven that none exists; no-solution: stopped before finding one.
   */
  status: SolveStatus;
  /** HiGHS's own words for the status ('Optimal', 'Time limit reached' …). */
  highsStatus: string;
  objective: number;
  /** Best proven bound on the objective (equal to it when optimal). */
  bound: number;
  /** Relative MIP gap as HiGHS reports it: |objective − bound| / |objective| (0 when optimal). */
  gap: number;
  values: Float64Array;
  /** Activity of every row of the model (NaN for rows not written). */
  rowValues: Float64Array;
  seconds: number;
  columns: number;
  rows: number;
}

const STATUS_TEXT: Record<number, string> = {
  0: 'Not Set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

export interface SolveOptions {
  timeLimitSeconds: number;
  /** Relative gap at which HiGHS may stop and call the solution optimal. */
  relativeGap?: number;
  /** Rows to leave out (a group relaxed while explaining infeasibility). */
  keep?: (row: Row) => boolean;
  /** A feasible solution to start from (a MIP start): HiGHS checks it and improves on it. */
  start?: Float64Array;
}

export async function solve(model: LpModel, options: SolveOptions): Promise<SolveResult> {
  const h = await highs();
  const started = performance.now();
  const empty = (status: SolveStatus, highsStatus: string): SolveResult => ({
    status,
    highsStatus,
    objective: NaN,
    bound: NaN,
    gap: NaN,
    values: new Float64Array(model.varCount),
    rowValues: new Float64Array(model.rows.length).fill(NaN),
    seconds: (performance.now() - started) / 1000,
    columns: model.varCount,
    rows: model.rows.length,
  });
  if (model.trivialViolation(options.keep)) return empty('infeasible', 'Infeasible');
  if (model.varCount === 0) {
    const offset = model.offset;
    return { ...empty('optimal', 'Empty'), objective: offset, bound: offset, gap: 0 };
  }
  const { text, rowIndex } = model.toLp(options.keep);
  const m = h.createModel({ format: 'lp', data: text });
  try {
    m.options.set({
      output_flag: false,
      time_limit: Math.max(0.1, options.timeLimitSeconds),
      mip_rel_gap: options.relativeGap ?? 1e-4,
      random_seed: 0,
    });
    if (options.start && !options.keep) m.setSolution({ colValue: options.start });
    m.run();
    const code = m.getModelStatus();
    const highsStatus = STATUS_TEXT[code] ?? `status ${code}`;
    const hasSolution = Number(m.info.get('primal_solution_status')) === 2;
    if (code === 8 || code === 9) return empty('infeasible', highsStatus);
    if (!hasSolution) {
      return empty(
        code === 13 || code === 14 || code === 17 ? 'no-solution' : 'error',
        highsStatus,
      );
    }
    const sol = m.getSolution();
    const values = new Float64Array(model.varCount);
    // Columns come in the order they first appear: the objective lists them all in ours.
    for (let i = 0; i < model.varCount; i += 1) values[i] = sol.colValue[i]!;
    if (model.varCount > 0 && m.getColName(model.varCount - 1) !== `x${model.varCount - 1}`) {
      throw new Error('HiGHS numbered the columns differently from the LP file');
    }
    const rowValues = new Float64Array(model.rows.length).fill(NaN);
    rowIndex.forEach((r, i) => (rowValues[r] = sol.rowValue[i]!));
    const objective = m.getObjectiveValue() + model.offset;
    let bound = objective;
    let gap = 0;
    try {
      bound = Number(m.info.get('mip_dual_bound')) + model.offset;
      gap = Number(m.info.get('mip_gap'));
    } catch {
      // A model without integer variables has no MIP info: LP optimal means gap 0.
    }
    if (!Number.isFinite(gap) || gap < 0) gap = code === 7 ? 0 : Infinity;
    if (Math.abs(objective) < 1e-9 && code === 7) gap = 0;
    return {
      status: code === 7 ? 'optimal' : 'feasible',
      highsStatus,
      objective,
      bound,
      gap,
      values,
      rowValues,
      seconds: (performance.now() - started) / 1000,
      columns: model.varCount,
      rows: rowIndex.length,
    };
  } finally {
    m.dispose();
  }
}
