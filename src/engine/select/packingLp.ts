// The LP relaxation of a small selection model, solved in the engine itself: a
// dense bounded-variable simplex. Selection models are packing problems
// (maximise c·x with A·x ≤ b, b ≥ 0, A ≥ 0, 0 ≤ x ≤ 1), so "nothing chosen" is
// a feasible start and no phase one is needed. Small portfolios then get their
// bound and shadow prices without loading the WebAssembly solver at all.

import type { SolverModel } from './solver';

/** A packing model as dense arrays: `a[t * n + j]` is row t's coefficient of column j. */
export type Packing = { n: number; m: number; c: Float64Array; a: Float64Array; b: Float64Array };

export type PackingLpSolution = {
  /** Column values of an optimal vertex. */
  values: Float64Array;
  /** Shadow price per row (≥ 0). */
  duals: Float64Array;
  /** c_j − y·a_j per column (≤ 0 for a column at 0, ≥ 0 for one at 1). */
  reducedCosts: Float64Array;
  /**
   * y·b + Σ max(0, c_j − y·a_j): an upper bound on every 0-1 and fractional plan for any y ≥ 0,
   * and the LP optimum for the optimal duals. Used as the bound so it is valid whatever the rounding.
   */
  bound: number;
};

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

/** The dual bound y·b + Σ max(0, c_j − y·a_j), valid for every y ≥ 0. */
export function dualBound(p: Packing, y: ArrayLike<number>): number {
  let total = 0;
  for (let t = 0; t < p.m; t++) total += Math.max(0, y[t]!) * p.b[t]!;
  for (let j = 0; j < p.n; j++) {
    let reduced = p.c[j]!;
    for (let t = 0; t < p.m; t++) reduced -= Math.max(0, y[t]!) * p.a[t * p.n + j]!;
    if (reduced > 0) total += reduced;
  }
  return total;
}

const AT_LOWER = 1;
const AT_UPPER = 2;
const BASIC = 0;
const TOLERANCE = 1e-9;
const PIVOT_TOLERANCE = 1e-11;

/** The LP relaxation by primal simplex; undefined only if it fails to converge (the caller then asks HiGHS). */
export function solvePackingLp(p: Packing): PackingLpSolution | undefined {
  const { n, m } = p;
  const width = n + m;
  // Tableau rows express each basic variable in the nonbasic ones; slack t starts basic in row t.
  const tableau = new Float64Array(m * width);
  for (let t = 0; t < m; t++) {
    for (let j = 0; j < n; j++) tableau[t * width + j] = p.a[t * n + j]!;
    tableau[t * width + n + t] = 1;
  }
  const upper = (j: number) => (j < n ? 1 : Infinity);
  const reduced = new Float64Array(width);
  reduced.set(p.c);
  const value = new Float64Array(width);
  for (let t = 0; t < m; t++) value[n + t] = p.b[t]!;
  const status = new Uint8Array(width).fill(AT_LOWER);
  const basis = Int32Array.from({ length: m }, (_, t) => n + t);
  for (let t = 0; t < m; t++) status[n + t] = BASIC;

  const maxIterations = 50 * (width + 10);
  let degenerate = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Dantzig's rule, or Bland's (first eligible) after a run of degenerate steps so it cannot cycle.
    const bland = degenerate > 2 * m + 10;
    let entering = -1;
    let best = TOLERANCE;
    for (let j = 0; j < width; j++) {
      const score = status[j] === AT_LOWER ? reduced[j]! : status[j] === AT_UPPER ? -reduced[j]! : 0;
      if (score > best) {
        entering = j;
        best = score;
        if (bland) break;
      }
    }
    if (entering < 0) return finish(p, value, reduced);
    const direction = status[entering] === AT_LOWER ? 1 : -1;
    let step = upper(entering);
    let leavingRow = -1;
    let leavesAtUpper = false;
    for (let r = 0; r < m; r++) {
      const rate = -tableau[r * width + entering]! * direction;
      const k = basis[r]!;
      if (rate < -PIVOT_TOLERANCE) {
        const limit = Math.max(0, value[k]!) / -rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, false];
      } else if (rate > PIVOT_TOLERANCE && Number.isFinite(upper(k))) {
        const limit = Math.max(0, upper(k) - value[k]!) / rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, true];
      }
    }
    if (!Number.isFinite(step)) return undefined; // Unbounded: impossible for a packing, so something is wrong.
    degenerate = step <= 1e-12 ? degenerate + 1 : 0;
    value[entering]! += direction * step;
    for (let r = 0; r < m; r++) value[basis[r]!]! -= tableau[r * width + entering]! * direction * step;
    if (leavingRow < 0) {
      status[entering] = direction > 0 ? AT_UPPER : AT_LOWER;
      value[entering] = direction > 0 ? upper(entering) : 0;
      continue;
    }
    const leaving = basis[leavingRow]!;
    status[leaving] = leavesAtUpper ? AT_UPPER : AT_LOWER;
    value[leaving] = leavesAtUpper ? upper(leaving) : 0;
    basis[leavingRow] = entering;
    status[entering] = BASIC;
    pivot(tableau, reduced, width, m, leavingRow, entering);
  }
  return undefined;
}

function pivot(tableau: Float64Array, reduced: Float64Array, width: number, m: number, row: number, column: number): void {
  const start = row * width;
  const scale = tableau[start + column]!;
  for (let j = 0; j < width; j++) tableau[start + j]! /= scale;
  for (let r = 0; r < m; r++) {
    if (r === row) continue;
    const factor = tableau[r * width + column]!;
    if (factor === 0) continue;
    for (let j = 0; j < width; j++) tableau[r * width + j]! -= factor * tableau[start + j]!;
  }
  const factor = reduced[column]!;
  if (factor !== 0) for (let j = 0; j < width; j++) reduced[j]! -= factor * tableau[start + j]!;
}

function finish(p: Packing, value: Float64Array, reduced: Float64Array): PackingLpSolution {
  const { n, m } = p;
  const duals = new Float64Array(m);
  for (let t = 0; t < m; t++) duals[t] = Math.max(0, -reduced[n + t]!);
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) values[j] = Math.min(1, Math.max(0, value[j]!));
  return { values, duals, reducedCosts: reduced.slice(0, n), bound: dualBound(p, duals) };
}
