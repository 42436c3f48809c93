// The LP relaxation of a packing kept as a dense simplex tableau, so a branch
// and bound node is its parent's tableau with one column's bounds changed: a
// few dual simplex pivots re-solve it, where solving it afresh takes a pivot or
// more per column. Selection models have a handful of rows (one per team, the
// in-flight limit), so the tableau is small and copying it is cheap.

import type { Packing } from './packingLp';

const TOLERANCE = 1e-9;
const PIVOT_TOLERANCE = 1e-11;

/** A solved (or being solved) LP: the tableau of the current basis over the columns, then one slack per row. */
export type LpState = {
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

export const copyState = (s: LpState): LpState => ({
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

function pivot(s: LpState, r: number, entering: number): void {
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
function shift(s: LpState, j: number, delta: number): void {
  if (delta === 0) return;
  const width = s.n + s.m;
  s.value[j]! += delta;
  for (let i = 0; i < s.m; i++) s.value[s.basis[i]!]! -= s.tableau[i * width + j]! * delta;
}

/** The LP of a packing solved by primal simplex from nothing chosen; undefined if it fails to converge. */
export function solveRoot(p: Packing): LpState | undefined {
  const { n, m } = p;
  const width = n + m;
  const tableau = new Float64Array(m * width);
  for (let t = 0; t < m; t++) {
    for (let j = 0; j < n; j++) tableau[t * width + j] = p.a[t * n + j]!;
    tableau[t * width + n + t] = 1;
  }
  const reduced = new Float64Array(width);
  reduced.set(p.c);
  const value = new Float64Array(width);
  for (let t = 0; t < m; t++) value[n + t] = p.b[t]!;
  const upper = new Float64Array(width).fill(Infinity);
  upper.fill(1, 0, n);
  const s: LpState = {
    n,
    m,
    tableau,
    reduced,
    value,
    lower: new Float64Array(width),
    upper,
    basis: Int32Array.from({ length: m }, (_, t) => n + t),
    row: Int32Array.from({ length: width }, (_, j) => (j >= n ? j - n : -1)),
  };
  const maxIterations = 50 * (width + 10);
  let degenerate = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Dantzig's rule, or Bland's (first eligible) after a run of degenerate steps so it cannot cycle.
    const bland = degenerate > 2 * m + 10;
    let entering = -1;
    let best = TOLERANCE;
    for (let j = 0; j < width; j++) {
      if (s.row[j]! >= 0 || s.upper[j]! <= s.lower[j]!) continue;
      const atLower = value[j]! <= s.lower[j]!;
      const score = atLower ? reduced[j]! : -reduced[j]!;
      if (score > best) {
        entering = j;
        best = score;
        if (bland) break;
      }
    }
    if (entering < 0) return s;
    const direction = value[entering]! <= s.lower[entering]! ? 1 : -1;
    let step = s.upper[entering]! - s.lower[entering]!;
    let leavingRow = -1;
    let leavesAtUpper = false;
    for (let r = 0; r < m; r++) {
      const rate = -tableau[r * width + entering]! * direction;
      const k = s.basis[r]!;
      if (rate < -PIVOT_TOLERANCE) {
        const limit = Math.max(0, value[k]! - s.lower[k]!) / -rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, false];
      } else if (rate > PIVOT_TOLERANCE && Number.isFinite(s.upper[k]!)) {
        const limit = Math.max(0, s.upper[k]! - value[k]!) / rate;
        if (limit < step) [step, leavingRow, leavesAtUpper] = [limit, r, true];
      }
    }
    if (!Number.isFinite(step)) return undefined;
    degenerate = step <= 1e-12 ? degenerate + 1 : 0;
    shift(s, entering, direction * step);
    if (leavingRow < 0) {
      value[entering] = direction > 0 ? s.upper[entering]! : s.lower[entering]!;
      continue;
    }
    const leaving = s.basis[leavingRow]!;
    pivot(s, leavingRow, entering);
    value[leaving] = leavesAtUpper ? s.upper[leaving]! : s.lower[leaving]!;
  }
  return undefined;
}

/**
 * Fixes column j at `at` (0 or 1) and re-solves by dual simplex from the current optimal basis.
 * 'infeasible' when nothing fits with it; 'failed' past the iteration limit (the caller leaves the node unexplored).
 */
export function fixAndResolve(s: LpState, j: number, at: number): 'optimal' | 'infeasible' | 'failed' {
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
 * A bound on every plan within the state's column bounds: y·b + Σ max over each column's bounds of
 * (c_j − y·a_j)·x_j, with y the state's row prices (clamped at 0). Valid for any prices, so
 * rounding in the tableau can never make it claim too little.
 */
export function stateBound(p: Packing, s: LpState): number {
  const { n, m } = p;
  let total = 0;
  const y = new Float64Array(m);
  for (let t = 0; t < m; t++) {
    y[t] = Math.max(0, -s.reduced[n + t]!);
    total += y[t]! * p.b[t]!;
  }
  for (let j = 0; j < n; j++) {
    let rc = p.c[j]!;
    for (let t = 0; t < m; t++) rc -= y[t]! * p.a[t * n + j]!;
    total += Math.max(rc * s.lower[j]!, rc * s.upper[j]!);
  }
  return total;
}
