// The exact path for small selections: a depth-first branch and bound over the
// open candidates in rank order, in the engine itself. It answers only when it
// has proven its plan the best (gap 0); past its node limit it hands over to
// HiGHS with the best plan it found as the start.
//
// Tie rule: among plans of equal objective, the one that commits the higher-ranked
// candidate at the first place they differ (the plan rank and fill would prefer).
// The search tries "commit" before "leave out" in rank order, so it meets plans
// in that order, and it replaces its best plan only with a strictly better one.
//
// Bounds: surrogate relaxations, each a fractional knapsack over the candidates
// still undecided that fit on their own. One combines the limits with the LP
// relaxation's shadow prices (at the root it equals the LP bound); one per limit
// alone (for the in-flight limit: the best few that remain).

import { lpBound, solutionOf, solvePackingLp, type Packing, type PackingLpSolution } from './packingLp';

export type ExactOptions = {
  /** Nodes the search may visit before it gives up (and the caller asks HiGHS). */
  nodeLimit: number;
  /** A feasible plan (0/1 per column), e.g. rank and fill's; only its objective is used, to prune. */
  start?: readonly number[];
};

export type ExactResult =
  | { proven: true; values: number[]; objective: number; nodes: number }
  /** The node limit ran out: the best plan met so far (undefined if none beat the start). */
  | { proven: false; values: number[] | undefined; objective: number | undefined; nodes: number };

type Surrogate = {
  multipliers: Float64Array;
  /** Columns by objective per unit of surrogate weight, best first (weightless ones first of all). */
  order: Int32Array;
  weight: Float64Array;
};

function surrogate(p: Packing, multipliers: Float64Array): Surrogate {
  const weight = new Float64Array(p.n);
  for (let j = 0; j < p.n; j++) {
    let w = 0;
    for (let t = 0; t < p.m; t++) w += multipliers[t]! * p.a[t * p.n + j]!;
    weight[j] = w;
  }
  const ratio = (j: number) => (weight[j]! > 0 ? p.c[j]! / weight[j]! : Infinity);
  const order = Int32Array.from({ length: p.n }, (_, j) => j).sort((x, y) => ratio(y) - ratio(x) || x - y);
  return { multipliers, order, weight };
}

/** The surrogates worth bounding with: the LP shadow prices, and each limit on its own. */
function surrogates(p: Packing, lp: PackingLpSolution | undefined): Surrogate[] {
  const result: Surrogate[] = [];
  if (lp && lp.duals.some((y) => y > 0)) result.push(surrogate(p, lp.duals));
  for (let t = 0; t < p.m; t++) {
    const unit = new Float64Array(p.m);
    unit[t] = 1;
    result.push(surrogate(p, unit));
  }
  return result;
}

/**
 * A good plan to set the bar with before the search: what the LP relaxation commits in full, then
 * whatever else fits, best objective per unit of shadow-priced demand first.
 */
function lpGuidedPlan(p: Packing, lp: PackingLpSolution, order: Int32Array): { values: number[]; objective: number } {
  const { n, m, a, c } = p;
  const left = Float64Array.from(p.b);
  const values = new Array<number>(n).fill(0);
  let objective = 0;
  const take = (j: number) => {
    if (values[j] || c[j]! <= 0) return;
    for (let t = 0; t < m; t++) if (a[t * n + j]! > left[t]! + 1e-9 * Math.max(1, p.b[t]!)) return;
    for (let t = 0; t < m; t++) left[t]! -= a[t * n + j]!;
    values[j] = 1;
    objective += c[j]!;
  };
  for (let j = 0; j < n; j++) if (lp.values[j]! > 1 - 1e-9) take(j);
  for (const j of order) take(j);
  return { values, objective };
}

/** Undecided columns below which a node's LP is not worth solving: the quick bound does. */
const LP_DEPTH = 20;

export function solveExactly(p: Packing, options: ExactOptions): ExactResult {
  const { n, m, c, a, b } = p;
  const slack = Float64Array.from(b, (limit) => 1e-9 * Math.max(1, limit));
  const positive = c.reduce((sum, v) => sum + Math.max(0, v), 0);
  const tie = 1e-9 * Math.max(1, positive);
  const root = solvePackingLp(p);
  const lp = root && solutionOf(p, root);
  const bounds = surrogates(p, lp);
  const left = Float64Array.from(b);
  const chosen = new Uint8Array(n);
  const fits = new Uint8Array(n);

  // A known plan only sets the bar: a plan as good as it, met in rank order, is still preferred (the tie rule).
  let bar = -Infinity;
  if (options.start && options.start.length === n) bar = options.start.reduce((sum, x, j) => sum + x * c[j]!, 0);
  const guided = lp && bounds[0] ? lpGuidedPlan(p, lp, bounds[0].order) : undefined;
  if (guided) bar = Math.max(bar, guided.objective);
  let best = bar - 2 * tie;
  let incumbent: number[] | undefined;
  let nodes = 0;
  let exhausted = false;

  const fitsNow = (j: number): boolean => {
    for (let t = 0; t < m; t++) if (a[t * n + j]! > left[t]! + slack[t]!) return false;
    return true;
  };

  /** The least of the surrogate bounds on what columns from `depth` on can still add. */
  const bound = (depth: number): number => {
    for (let j = depth; j < n; j++) fits[j] = c[j]! > 0 && fitsNow(j) ? 1 : 0;
    let least = Infinity;
    for (const s of bounds) {
      let room = 0;
      for (let t = 0; t < m; t++) room += s.multipliers[t]! * Math.max(0, left[t]!);
      let total = 0;
      for (let k = 0; k < n; k++) {
        const j = s.order[k]!;
        if (j < depth || !fits[j]) continue;
        const w = s.weight[j]!;
        if (w <= room) {
          total += c[j]!;
          room -= w;
        } else {
          total += (c[j]! * room) / w;
          break;
        }
      }
      if (total < least) least = total;
    }
    return least;
  };

  /** The LP relaxation's bound on what columns from `depth` on can still add, within what is left. */
  const nodeLp = (depth: number): number => {
    const width = n - depth;
    const sub = { n: width, m, c: c.subarray(depth), a: new Float64Array(m * width), b: Float64Array.from(left, (v) => Math.max(0, v)) };
    for (let t = 0; t < m; t++) sub.a.set(a.subarray(t * n + depth, (t + 1) * n), t * width);
    const lp = solvePackingLp(sub);
    return lp ? lpBound(sub, lp) : Infinity;
  };

  const search = (depth: number, value: number): void => {
    if (exhausted) return;
    if (++nodes > options.nodeLimit) {
      exhausted = true;
      return;
    }
    if (depth === n) {
      if (value > best + tie) {
        best = value;
        incumbent = Array.from(chosen);
      }
      return;
    }
    if (value + bound(depth) <= best + tie) return;
    // Where the quick bound fails high in the tree, the LP relaxation of what is left usually prunes.
    if (n - depth >= LP_DEPTH && value + nodeLp(depth) <= best + tie) return;
    if (fitsNow(depth)) {
      chosen[depth] = 1;
      for (let t = 0; t < m; t++) left[t]! -= a[t * n + depth]!;
      search(depth + 1, value + c[depth]!);
      for (let t = 0; t < m; t++) left[t]! += a[t * n + depth]!;
      chosen[depth] = 0;
    }
    search(depth + 1, value);
  };
  search(0, 0);

  if (exhausted) return { proven: false, values: incumbent, objective: incumbent ? best : undefined, nodes };
  // Nothing beat the start: the start is optimal (within the tie tolerance), and no plan found in rank order ties it.
  const values = incumbent ?? (options.start ? [...options.start] : new Array<number>(n).fill(0));
  const objective = values.reduce((sum, x, j) => sum + x * c[j]!, 0);
  return { proven: true, values, objective, nodes };
}
