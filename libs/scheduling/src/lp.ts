/**
 * A MILP written out in the CPLEX LP text format that HiGHS reads. Variables and rows get
 * short generated names (x0, x1 …, r0, r1 …) so that no name from the data (ids with spaces,
 * colons, accents) can break the file; callers keep the meaning of each index themselves.
 * Every row carries the group it belongs to, so that the adapter can say which groups of
 * constraints bind and relax a group when it explains an infeasible instance.
 */
export type VarKind = 'binary' | 'integer' | 'continuous';
export type Sense = '<=' | '>=' | '=';

export interface Row {
  group: string;
  vars: number[];
  coefs: number[];
  sense: Sense;
  rhs: number;
}

export class LpModel {
  readonly kinds: VarKind[] = [];
  readonly lower: number[] = [];
  readonly upper: number[] = [];
  readonly cost: number[] = [];
  readonly rows: Row[] = [];
  /** A constant added to the objective (the LP text has none). */
  offset = 0;

  get varCount(): number {
    return this.kinds.length;
  }

  addVar(kind: VarKind, cost = 0, lower = 0, upper = kind === 'binary' ? 1 : Infinity): number {
    this.kinds.push(kind);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    return this.kinds.length - 1;
  }

  fix(v: number, value: number): void {
    this.lower[v] = value;
    this.upper[v] = value;
  }

  addRow(group: string, vars: number[], coefs: number[] | number, sense: Sense, rhs: number): void {
    const c = typeof coefs === 'number' ? vars.map(() => coefs) : coefs;
    this.rows.push({ group, vars, coefs: c, sense, rhs });
  }

  /**
   * A row with no variables that cannot hold (0 ≥ 1) makes the model infeasible before any
   * solve; the LP format cannot even write it, so the caller asks for it here.
   */
  trivialViolation(keep: (row: Row) => boolean = () => true): Row | undefined {
    return this.rows.find(
      (r) =>
        keep(r) &&
        r.vars.length === 0 &&
        ((r.sense === '<=' && 0 > r.rhs + 1e-9) ||
          (r.sense === '>=' && 0 < r.rhs - 1e-9) ||
          (r.sense === '=' && Math.abs(r.rhs) > 1e-9)),
    );
  }

  /**
   * The LP text. `keep` drops rows (a relaxed group); the returned `rowIndex` maps each
   * written row, in the order HiGHS numbers them, back to `rows`.
   */
  toLp(keep: (row: Row) => boolean = () => true): { text: string; rowIndex: number[] } {
    const out: string[] = ['Minimize'];
    // Every variable appears in the objective, in index order (with 0 if need be), so that
    // HiGHS numbers the columns as we do.
    const objective = this.cost.map((c, v) => term(c, v));
    out.push(...wrap(' obj:', objective.length > 0 ? objective : ['0 x0']));
    out.push('Subject To');
    const rowIndex: number[] = [];
    this.rows.forEach((row, i) => {
      if (!keep(row) || row.vars.length === 0) return;
      const terms = row.vars.map((v, j) => term(row.coefs[j]!, v));
      const lines = wrap(` r${rowIndex.length}:`, terms);
      lines[lines.length - 1] += ` ${row.sense} ${num(row.rhs)}`;
      out.push(...lines);
      rowIndex.push(i);
    });
    out.push('Bounds');
    const binaries: string[] = [];
    const generals: string[] = [];
    for (let v = 0; v < this.varCount; v += 1) {
      const lo = this.lower[v]!;
      const up = this.upper[v]!;
      const kind = this.kinds[v]!;
      if (kind === 'binary') binaries.push(`x${v}`);
      if (kind === 'integer') generals.push(`x${v}`);
      if (kind === 'binary' && lo === 0 && up === 1) continue;
      if (up === Infinity) {
        if (lo !== 0) out.push(` x${v} >= ${num(lo)}`);
      } else out.push(` ${num(lo)} <= x${v} <= ${num(up)}`);
    }
    if (binaries.length > 0) out.push('Binary', ...wrap('', binaries));
    if (generals.length > 0) out.push('General', ...wrap('', generals));
    out.push('End', '');
    return { text: out.join('\n'), rowIndex };
  }
}

function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  // Enough digits for the spread's fractional targets, never an exponent.
  return x.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
}

function term(c: number, v: number): string {
  return c < 0 ? `- ${num(-c)} x${v}` : `+ ${num(c)} x${v}`;
}

/** Lines of at most ~20 terms: HiGHS reads long lines, other readers of a dumped file may not. */
function wrap(head: string, terms: string[]): string[] {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 20) {
    const chunk = terms.slice(i, i + 20).join(' ');
    lines.push(i === 0 ? `${head} ${chunk}` : `  ${chunk}`);
  }
  return lines;
}
