// The engine's search for larger selections: a branch and bound on the LP
// relaxation that stops once its plan is proven within a relative gap of the
// best possible, as HiGHS's mip_rel_gap does. Selection models have few rows
// (one per team, the in-flight limit), so an LP vertex has few fractional
// columns, the LP bound is tight, and a good plan from rounding and swaps is
// usually proven within the gap in a few nodes. Its limit counts nodes, not
// seconds: the same model gives the same plan on every machine, which the
// confidence draws need (the same workbook, the same figures).

import { copyLp, fixAndResolve, lpBound, shadowPrices, solvePackingLp, type Packing, type PackingLp } from './packingLp';

export type GapSearchOptions = {
  /** Stop once the plan is proven within this share of the best possible (0.001 = 0.1%). */
  relativeGap: number;
  /** The constant part of the objective (forced-in work), so the gap is measured on the whole plan as HiGHS measures it. */
  offset: number;
  /** Nodes the search may visit; past it, the best plan found with the root's bound. */
  nodeLimit: number;
  /** A feasible plan (0/1 per column) to beat, e.g. rank and fill's or the plan's in a drawn future. */
  start?: readonly number[];
};

export type GapSearchResult = {
  /** 0/1 per column: a feasible plan. */
  values: number[];
  /** Its objective, offset excluded. */
  objective: number;
  /** A proven bound on the best possible, offset excluded. */
  bound: number;
  /** True when `objective` is proven within the relative gap of the best possible. */
  proven: boolean;
  nodes: number;
};

const WHOLE = 1e-9;
/** The columns left out, best first, that the one-for-two move considers. */
const SPLIT_CANDIDATES = 12;

/** Undefined when the root LP fails (the caller then asks HiGHS). */
export function searchWithinGap(p: Packing, options: GapSearchOptions): GapSearchResult | undefined {
  const { n, m, c, a, b } = p;
  const slack = Float64Array.from(b, (limit) => 1e-9 * Math.max(1, limit));
  const root = solvePackingLp(p);
  if (!root) return undefined;
  const rootBound = lpBound(p, root);
  const duals = shadowPrices(root);
  const allowed = (value: number) => options.relativeGap * Math.abs(value + options.offset) + 1e-9 * Math.max(1, Math.abs(value));

  // Columns by objective less their shadow-priced demand at the root, best first: the order the plans fill in.
  const worth = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let w = c[j]!;
    for (let t = 0; t < m; t++) w -= duals[t]! * a[t * n + j]!;
    worth[j] = w;
  }
  const fillOrder = Int32Array.from({ length: n }, (_, j) => j).sort((x, y) => worth[y]! - worth[x]! || x - y);
  const byObjective = Int32Array.from({ length: n }, (_, j) => j).sort((x, y) => c[y]! - c[x]! || x - y);

  let best = -Infinity;
  let incumbent: number[] = new Array<number>(n).fill(0);
  const load = new Float64Array(m);
  const consider = (x: Uint8Array) => {
    let value = 0;
    load.fill(0);
    for (let j = 0; j < n; j++) {
      if (!x[j]) continue;
      value += c[j]!;
      for (let t = 0; t < m; t++) load[t]! += a[t * n + j]!;
    }
    // Only plans that keep every limit count, whatever rounding the tableau carries.
    for (let t = 0; t < m; t++) if (load[t]! > b[t]! + slack[t]!) return;
    if (value > best + 1e-9 * Math.max(1, Math.abs(value))) {
      best = value;
      incumbent = Array.from(x);
    }
  };

  /** Whatever fits, in fill order, then every swap of one column for a better one that fits, until none is left. */
  const improve = (x: Uint8Array, fixed: Int8Array | undefined) => {
    const left = Float64Array.from(b);
    for (let j = 0; j < n; j++) if (x[j]) for (let t = 0; t < m; t++) left[t]! -= a[t * n + j]!;
    const fits = (j: number) => {
      for (let t = 0; t < m; t++) if (a[t * n + j]! > left[t]! + slack[t]!) return false;
      return true;
    };
    const move = (j: number, sign: number) => {
      for (let t = 0; t < m; t++) left[t]! -= sign * a[t * n + j]!;
      x[j] = sign > 0 ? 1 : 0;
    };
    const free = (j: number) => !fixed || fixed[j]! < 0;
    for (let pass = 0; pass < n; pass++) {
      for (const j of fillOrder) if (!x[j] && c[j]! > 0 && free(j) && fits(j)) move(j, 1);
      let swapped = false;
      for (const j of byObjective) {
        if (x[j] || !free(j) || c[j]! <= 0) continue;
        for (let k = n - 1; k >= 0 && !swapped; k--) {
          const i = byObjective[k]!;
          if (c[i]! >= c[j]! - 1e-12) break; // From here on every column is worth as much: no gain left.
          if (!x[i] || !free(i)) continue;
          let ok = true;
          for (let t = 0; t < m && ok; t++) if (a[t * n + j]! - a[t * n + i]! > left[t]! + slack[t]!) ok = false;
          if (ok) {
            move(i, -1);
            move(j, 1);
            swapped = true;
          }
        }
        if (swapped) break;
      }
      if (!swapped && !splitOne(x, left, free, move)) return;
    }
  };

  /**
   * One column out for two that fit in its place and are worth more together: the move that uses a
   * slot or capacity a swap cannot. Tried over the few best columns left out, so it stays cheap.
   */
  const splitOne = (x: Uint8Array, left: Float64Array, free: (j: number) => boolean, move: (j: number, sign: number) => void): boolean => {
    const out: number[] = [];
    for (const j of fillOrder) {
      if (!x[j] && free(j) && c[j]! > 0) out.push(j);
      if (out.length === SPLIT_CANDIDATES) break;
    }
    for (let k = n - 1; k >= 0; k--) {
      const i = byObjective[k]!;
      if (!x[i] || !free(i)) continue;
      for (let u = 0; u < out.length; u++) {
        const j = out[u]!;
        for (let v = u + 1; v < out.length; v++) {
          const q = out[v]!;
          if (c[j]! + c[q]! <= c[i]! + 1e-9 * Math.max(1, Math.abs(c[i]!))) continue;
          let ok = true;
          for (let t = 0; t < m && ok; t++) if (a[t * n + j]! + a[t * n + q]! - a[t * n + i]! > left[t]! + slack[t]!) ok = false;
          if (!ok) continue;
          move(i, -1);
          move(j, 1);
          move(q, 1);
          return true;
        }
      }
    }
    return false;
  };

  if (options.start && options.start.length === n) {
    const start = Uint8Array.from(options.start, (v) => (v > 0.5 ? 1 : 0));
    improve(start, undefined);
    consider(start);
  }

  /** A node: which columns are fixed in (1) or out (0), its solved LP, and that LP's bound. */
  type Node = { fixed: Int8Array; lp: PackingLp; bound: number; order: number };
  let nodes = 0;
  let made = 0;

  // Best bound first, so the proven bound falls as fast as it can; the earlier node on a tie, so the search is the same every time.
  const open: Node[] = [];
  /** The largest bound of a node left unexplored: the proven bound cannot be lower. */
  let prunedBound = -Infinity;
  const push = (node: Node | undefined) => {
    if (!node) return;
    if (node.bound <= best + allowed(best)) {
      prunedBound = Math.max(prunedBound, node.bound);
      return;
    }
    open.push(node);
    let k = open.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!before(open[k]!, open[parent]!)) break;
      [open[k], open[parent]] = [open[parent]!, open[k]!];
      k = parent;
    }
  };
  const before = (x: Node, y: Node) => x.bound > y.bound || (x.bound === y.bound && x.order < y.order);
  const pop = (): Node => {
    const top = open[0]!;
    const last = open.pop()!;
    if (open.length > 0) {
      open[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m2 = k;
        if (l < open.length && before(open[l]!, open[m2]!)) m2 = l;
        if (r < open.length && before(open[r]!, open[m2]!)) m2 = r;
        if (m2 === k) break;
        [open[k], open[m2]] = [open[m2]!, open[k]!];
        k = m2;
      }
    }
    return top;
  };

  push({ fixed: new Int8Array(n).fill(-1), lp: root, bound: rootBound, order: made++ });
  while (open.length > 0) {
    const node = pop();
    // The best open bound is within the gap, or the node limit is reached: what is left stays unexplored.
    if (node.bound <= best + allowed(best) || ++nodes > options.nodeLimit) {
      prunedBound = Math.max(prunedBound, node.bound);
      break;
    }
    // A plan from this node: what the LP takes in full, then fill and swaps.
    const x = new Uint8Array(n);
    let branch = -1;
    let branchWorth = -Infinity;
    for (let j = 0; j < n; j++) {
      const v = node.lp.value[j]!;
      if (v >= 1 - WHOLE) x[j] = 1;
      else if (v > WHOLE && c[j]! > branchWorth) [branch, branchWorth] = [j, c[j]!];
    }
    improve(x, node.fixed);
    consider(x);
    if (branch < 0) continue; // An integral LP is its node's best plan, taken above.
    for (const at of [1, 0]) {
      const lp = copyLp(node.lp);
      const outcome = fixAndResolve(lp, branch, at);
      if (outcome === 'infeasible') continue;
      if (outcome === 'failed') {
        prunedBound = Math.max(prunedBound, node.bound); // Left unexplored: its parent's bound stands for it.
        continue;
      }
      const fixed = Int8Array.from(node.fixed);
      fixed[branch] = at;
      push({ fixed, lp, bound: Math.min(node.bound, lpBound(p, lp)), order: made++ });
    }
  }

  const bound = Math.max(best, Math.min(prunedBound, rootBound));
  return { values: incumbent, objective: best, bound, proven: bound <= best + allowed(best), nodes };
}
