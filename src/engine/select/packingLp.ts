// The LP relaxation of a selection model, solved in the engine itself by a dense
// bounded-variable simplex. Selection models are packings (maximise c·x with
// A·x ≤ b, b ≥ 0, A ≥ 0, 0 ≤ x ≤ 1), so "nothing chosen" is a feasible start and
// no phase one is needed: small portfolios get their bound and shadow prices
// without loading the WebAssembly solver. The tableau is kept, so a branch and
// bound node is its parent's tableau with one column fixed: a few dual simplex
// pivots re-solve it, where solving afresh takes a pivot or more per column.
// Selection models have a handful of rows (one per team, the in-flight limit),
// so the tableau is small and copying it is cheap.

import type { SolverModel } from './solver';

/** A packing model as dense arrays: `a[t * n + j]` is row t's coefficient of column j. */
export type Packing = { n: number; m: number; c: Float64Array; a: Float64Array; b: Float64Array };

/** The model as a packing, or undefined when it is not one (a lower row limit, a negative coefficient or limit, columns not 0..1). */
export function packingOf(model: SolverModel): Packing | undefined {
  const n = model.objective.length;
  const m = model.rows.length;
  if (model.lower.some((l) => l !== 0) || model.upper.some((u) => u !== 1)) return undefined;
  const a = new Float64Array(m * n);
  const b = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    const row = model.rows[t]!;
    if ((row.lower !== undefined && row.lower > -Infinity) || !(row.upper >= 0) || !Number.isFinite(row.upper)) return undefined;
    b[t] = row.upper;
    for (let k = 0; k < row.indices.length; k++) {
      const v = row.values[k]!;
      const j = row.indices[k]!;
      if (!(v >= 0) || !Number.isFinite(v) || j < 0 || j >= n) return undefined;
      a[t * n + j]! += v;
    }
  }
  const c = Float64Array.from(model.objective);
  if (c.some((v) => !Number.isFinite(v))) return undefined;
  return { n, m, c, a, b };
}

const TOLERANCE = 1e-9;
const PIVOT_TOLERANCE = 1e-11;

/** A solved (or being solved) LP: the tableau of the current basis over the columns, then one slack per row. */
export type PackingLp = {
  n: number;
  m: number;
  /** B⁻¹[A | I], row-major, m rows of n + m. */
  tableau: Float64Array;
  /** c_j − y·a_j per column (slacks: −y_t). */
  reduced: Float64Array;
  value: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** The column basic in each row. */
  basis: Int32Array;
  /** The row a column is basic in, or −1. */
  row: Int32Array;
};

/** A copy to re-solve with another column fixed, leaving this one as it is. */
export const copyLp = (s: PackingLp): PackingLp => ({
  n: s.n,
  m: s.m,
  tableau: s.tableau.slice(),
  reduced: s.reduced.slice(),
  value: s.value.slice(),
  lower: s.lower.slice(),
  upper: s.upper.slice(),
  basis: s.basis.slice(),
  row: s.row.slice(),
});

function pivot(s: PackingLp, r: number, entering: number): void {
  const width = s.n + s.m;
  const { tableau, reduced } = s;
  const start = r * width;
  const scale = tableau[start + entering]!;
  for (let j = 0; j < width; j++) tableau[start + j]! /= scale;
  for (let i = 0; i < s.m; i++) {
    if (i === r) continue;
    const factor = tableau[i * width + entering]!;
    if (factor === 0) continue;
    for (let j = 0; j < width; j++) tableau[i * width + j]! -= factor * tableau[start + j]!;
  }
  const factor = reduced[entering]!;
  if (factor !== 0) for (let j = 0; j < width; j++) reduced[j]! -= factor * tableau[start + j]!;
  const leaving = s.basis[r]!;
  s.row[leaving] = -1;
  s.basis[r] = entering;
  s.row[entering] = r;
}

/** Moves nonbasic column j by `delta`, the basic columns with it. */
function shift(s: PackingLp, j: number, delta: number): void {
  if (delta === 0) return;
  const width = s.n + s.m;
  s.value[j]! += delta;
  for (let i = 0; i < s.m; i++) s.value[s.basis[i]!]! -= s.tableau[i * width + j]! * delta;
}

/** The LP by primal simplex from nothing chosen; undefined only if it fails to converge (the caller then asks HiGHS). */
export function solvePackingLp(p: Packing): PackingLp | undefined {
  const { n, m } = p;
  const width = n + m;
  const tableau = new Float64Array(m * width);
  const basis = new Int32Array(m);
  const row = new Int32Array(width).fill(-1);
  for (let t = 0; t < m; t++) {
    for (let j = 0; j < n; j++) tableau[t * width + j] = p.a[t * n + j]!;
    tableau[t * width + n + t] = 1;
    basis[t] = n + t;
    row[n + t] = t;
  }
  const reduced = new Float64Array(width);
  reduced.set(p.c);
  const value = new Float64Array(width);
  value.set(p.b, n);
  const lower = new Float64Array(width);
  const upper = new Float64Array(width).fill(Infinity);
  upper.fill(1, 0, n);
  const s: PackingLp = { n, m, tableau, reduced, value, lower, upper, basis, row };
  const maxIterations = 50 * (width + 10);
  let degenerate = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Dantzig's rule, or Bland's (first eligible) after a run of degenerate steps so it cannot cycle.
    const bland = degenerate > 2 * m + 10;
    let entering = -1;
    let best = TOLERANCE;
    for (let j = 0; j < width; j++) {
      if (row[j]! >= 0) continue; // Nothing is fixed yet, so every nonbasic column may move.
      const score = value[j]! <= lower[j]! ? reduced[j]! : -reduced[j]!;
      if (score > best) {
        entering = j;
        best = score;
        if (bland) break;
      }
    }
    if (entering < 0) return s;
    const direction = value[entering]! <= lower[entering]! ? 1 : -1;
    let step = upper[entering]! - lower[entering]!;
    let leavingRow = -1;
    let leavesAtUpper = false;
    for (let r = 0; r < m; r++) {
      const rate = -tableau[r * width + entering]! * direction;
      const k = basis[r]!;
      if (rate < -PIVOT_TOLERANCE) {
        const limit = Math.max(0, value[k]! - lower[k]!) / -rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, false];
      } else if (rate > PIVOT_TOLERANCE && upper[k]! !== Infinity) {
        const limit = Math.max(0, upper[k]! - value[k]!) / rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, true];
      }
    }
    if (!Number.isFinite(step)) return undefined; // Unbounded: impossible for a packing, so something is wrong.
    degenerate = step <= 1e-12 ? degenerate + 1 : 0;
    shift(s, entering, direction * step);
    if (leavingRow < 0) {
      value[entering] = direction > 0 ? upper[entering]! : lower[entering]!;
      continue;
    }
    const leaving = basis[leavingRow]!;
    pivot(s, leavingRow, entering);
    value[leaving] = leavesAtUpper ? upper[leaving]! : lower[leaving]!;
  }
  return undefined;
}

/**
 * Fixes column j at `at` (0 or 1) and re-solves by dual simplex from the current optimal basis.
 * 'infeasible' when nothing fits with it; 'failed' past the iteration limit (the caller leaves the node unexplored).
 */
export function fixAndResolve(s: PackingLp, j: number, at: number): 'optimal' | 'infeasible' | 'failed' {
  const width = s.n + s.m;
  s.lower[j] = at;
  s.upper[j] = at;
  if (s.row[j]! < 0) shift(s, j, at - s.value[j]!);
  const { tableau, reduced, value, lower, upper, basis } = s;
  const maxIterations = 10 * (width + 10);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // The basic column furthest outside its bounds leaves.
    let r = -1;
    let worst = TOLERANCE;
    for (let i = 0; i < s.m; i++) {
      const k = basis[i]!;
      const scale = Math.max(1, Math.abs(upper[k]!) === Infinity ? 1 : Math.abs(upper[k]!));
      const below = (lower[k]! - value[k]!) / scale;
      const above = (value[k]! - upper[k]!) / scale;
      const violation = Math.max(below, above);
      if (violation > worst) [r, worst] = [i, violation];
    }
    if (r < 0) return 'optimal';
    const k = basis[r]!;
    const increase = value[k]! < lower[k]!;
    const target = increase ? lower[k]! : upper[k]!;
    // The entering column keeps every reduced cost of the right sign: the least |d_j / α_rj| among those that move x_k the right way.
    let entering = -1;
    let ratio = Infinity;
    for (let q = 0; q < width; q++) {
      if (s.row[q]! >= 0 || upper[q]! <= lower[q]!) continue;
      const alpha = tableau[r * width + q]!;
      const atLower = value[q]! <= lower[q]!;
      // x_k changes by −α·Δx_q; at lower Δx_q ≥ 0, at upper Δx_q ≤ 0.
      const eligible = increase ? (atLower ? alpha < -PIVOT_TOLERANCE : alpha > PIVOT_TOLERANCE) : atLower ? alpha > PIVOT_TOLERANCE : alpha < -PIVOT_TOLERANCE;
      if (!eligible) continue;
      const score = Math.abs(reduced[q]!) / Math.abs(alpha);
      if (score < ratio) [entering, ratio] = [q, score];
    }
    if (entering < 0) return 'infeasible';
    shift(s, entering, (value[k]! - target) / tableau[r * width + entering]!);
    pivot(s, r, entering);
    value[k] = target;
  }
  return 'failed';
}

/**
 * A bound on every plan within the LP's column bounds (its fixings): y·b + Σ max over each
 * column's bounds of (c_j − y·a_j)·x_j, with y the shadow prices. Valid for any prices ≥ 0, so
 * rounding in the tableau can never make it claim too little; for the optimal ones it is the LP optimum.
 */
export function lpBound(p: Packing, s: PackingLp): number {
  const { n, m } = p;
  const y = shadowPrices(s);
  let total = 0;
  for (let t = 0; t < m; t++) total += y[t]! * p.b[t]!;
  for (let j = 0; j < n; j++) {
    let rc = p.c[j]!;
    for (let t = 0; t < m; t++) rc -= y[t]! * p.a[t * n + j]!;
    total += Math.max(rc * s.lower[j]!, rc * s.upper[j]!);
  }
  return total;
}

/** Shadow price per row (≥ 0): the objective one more unit of the limit would add. */
export function shadowPrices(s: PackingLp): Float64Array {
  const y = new Float64Array(s.m);
  for (let t = 0; t < s.m; t++) y[t] = Math.max(0, -s.reduced[s.n + t]!);
  return y;
}

/** A solved LP as the callers that do not branch on it read it. */
export type PackingLpSolution = {
  /** Column values of an optimal vertex. */
  values: Float64Array;
  /** Shadow price per row (≥ 0). */
  duals: Float64Array;
  /** c_j − y·a_j per column (≤ 0 for a column at 0, ≥ 0 for one at 1). */
  reducedCosts: Float64Array;
  /** The LP optimum, as `lpBound` gives it. */
  bound: number;
};

export function solutionOf(p: Packing, s: PackingLp): PackingLpSolution {
  const values = new Float64Array(p.n);
  for (let j = 0; j < p.n; j++) values[j] = Math.min(1, Math.max(0, s.value[j]!));
  return { values, duals: shadowPrices(s), reducedCosts: s.reduced.slice(0, p.n), bound: lpBound(p, s) };
}
