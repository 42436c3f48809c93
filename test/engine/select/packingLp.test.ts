import fc from 'fast-check';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { copyLp, fixAndResolve, lpBound, packingOf, solutionOf, solvePackingLp, type Packing } from '../../../src/engine/select/packingLp';
import { selectionModel } from '../../../src/engine/select/selectionModel';
import type { SolverModel } from '../../../src/engine/select/solver';
import type { Objective } from '../../../src/engine/types';
import { selectionInstance } from '../../../bench/generate';

// Random packing LPs as the selection model builds them (a row per team, an in-flight row of ones),
// with some columns fixed in or out as a branch and bound node fixes them. Integer demands and limits
// keep "fits" exact, so no case sits on a tolerance edge.

type Case = { p: Packing; fixings: Int8Array };
const objectives = fc.constantFrom<Objective>('Priority score', 'Annual value');

const itemArbitrary = fc.record({
  team: fc.nat(3),
  second: fc.option(fc.nat(3), { freq: 4 }),
  demand: fc.integer({ min: 0, max: 20 }),
  demand2: fc.integer({ min: 0, max: 10 }),
  score: fc.integer({ min: -40, max: 400 }),
  /** −1 free, else fixed at 0 or 1; mostly free, as in a search. */
  fix: fc.constantFrom(-1, -1, -1, -1, -1, 0, 1),
});

const caseArbitrary = (maxItems: number, minItems = 0): fc.Arbitrary<Case> =>
  fc
    .record({
      teams: fc.integer({ min: 1, max: 4 }),
      items: fc.array(itemArbitrary, { minLength: minItems, maxLength: maxItems, size: 'max' }),
      shares: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 4, maxLength: 4 }),
      inFlight: fc.integer({ min: 0, max: 100 }),
    })
    .map(({ teams, items, shares, inFlight }) => {
      const n = items.length;
      const m = teams + 1;
      const a = new Float64Array(m * n);
      const c = new Float64Array(n);
      items.forEach((item, j) => {
        c[j] = item.score / 4;
        a[(item.team % teams) * n + j]! += item.demand;
        if (item.second !== null) a[(item.second % teams) * n + j]! += item.demand2;
        a[teams * n + j] = 1;
      });
      const b = new Float64Array(m);
      for (let t = 0; t < teams; t++) {
        let total = 0;
        for (let j = 0; j < n; j++) total += a[t * n + j]!;
        b[t] = Math.round((shares[t]! / 100) * total);
      }
      b[teams] = Math.round((inFlight / 100) * n);
      return { p: { n, m, c, a, b }, fixings: Int8Array.from(items, (item) => item.fix) };
    });

const tolerance = (v: number) => 1e-9 * Math.max(1, Math.abs(v));
const worth = (p: Packing, x: ArrayLike<number>) => {
  let total = 0;
  for (let j = 0; j < p.n; j++) total += p.c[j]! * x[j]!;
  return total;
};

/** Within every limit and the fixings, 0 ≤ x ≤ 1 (all to rounding). */
function feasible({ p, fixings }: Case, x: ArrayLike<number>): boolean {
  for (let j = 0; j < p.n; j++) {
    if (x[j]! < -1e-9 || x[j]! > 1 + 1e-9) return false;
    if (fixings[j]! >= 0 && Math.abs(x[j]! - fixings[j]!) > 1e-9) return false;
  }
  for (let t = 0; t < p.m; t++) {
    let load = 0;
    for (let j = 0; j < p.n; j++) load += p.a[t * p.n + j]! * x[j]!;
    if (load > p.b[t]! + tolerance(p.b[t]!)) return false;
  }
  return true;
}

/** Nothing fits with the columns fixed in. */
const overfull = ({ p, fixings }: Case) =>
  Array.from(p.b).some((limit, t) => Array.from(fixings).reduce((load, at, j) => load + (at === 1 ? p.a[t * p.n + j]! : 0), 0) > limit);

type Answer = { bound: number; values: Float64Array };

/** Solved from scratch: the fixed columns taken out, the fixed-in ones' demand off the limits. */
function solvedAfresh({ p, fixings }: Case): Answer | undefined {
  const free = Array.from({ length: p.n }, (_, j) => j).filter((j) => fixings[j]! < 0);
  const width = free.length;
  const b = Float64Array.from(p.b, (limit, t) => limit - Array.from(fixings).reduce((load, at, j) => load + (at === 1 ? p.a[t * p.n + j]! : 0), 0));
  const a = new Float64Array(p.m * width);
  for (let t = 0; t < p.m; t++) free.forEach((j, k) => (a[t * width + k] = p.a[t * p.n + j]!));
  const rest = { n: width, m: p.m, c: Float64Array.from(free, (j) => p.c[j]!), a, b };
  const lp = solutionOf(rest, solvePackingLp(rest)!);
  const values = Float64Array.from(fixings, (at) => Math.max(0, at));
  free.forEach((j, k) => (values[j] = lp.values[k]!));
  const fixedIn = Array.from(fixings).reduce((sum, at, j) => sum + (at === 1 ? p.c[j]! : 0), 0);
  return { bound: lp.bound + fixedIn, values };
}

/** Solved at the root, then re-solved warm by fixing one column at a time, as the gap search does; undefined when a fixing is infeasible. */
function solvedWarm({ p, fixings }: Case): Answer | undefined {
  const root = solvePackingLp(p)!;
  const rootBound = lpBound(p, root);
  const lp = copyLp(root);
  let outcome: ReturnType<typeof fixAndResolve> = 'optimal';
  for (let j = 0; j < p.n && outcome === 'optimal'; j++) if (fixings[j]! >= 0) outcome = fixAndResolve(lp, j, fixings[j]!);
  expect(outcome).not.toBe('failed');
  // Re-solving the copy left the root as it was.
  expect(lpBound(p, root)).toBe(rootBound);
  return outcome === 'infeasible' ? undefined : { bound: lpBound(p, lp), values: lp.value.subarray(0, p.n) };
}

/** The best 0-1 plan within the limits and fixings, by enumeration. */
function bestPlan({ p, fixings }: Case): number {
  let best = -Infinity;
  const x = new Float64Array(p.n);
  for (let mask = 0; mask < 1 << p.n; mask++) {
    for (let j = 0; j < p.n; j++) x[j] = (mask >> j) & 1;
    if (feasible({ p, fixings }, x)) best = Math.max(best, worth(p, x));
  }
  return best;
}

function highsModel({ p, fixings }: Case): SolverModel {
  const rows = Array.from({ length: p.m }, (_, t) => {
    const indices = Array.from({ length: p.n }, (_, j) => j).filter((j) => p.a[t * p.n + j] !== 0);
    return { indices, values: indices.map((j) => p.a[t * p.n + j]!), upper: p.b[t]! };
  });
  return {
    objective: Array.from(p.c),
    offset: 0,
    lower: Array.from(fixings, (at) => Math.max(0, at)),
    upper: Array.from(fixings, (at) => (at === 0 ? 0 : 1)),
    integer: false,
    rows,
    timeLimitSeconds: 10,
    relativeGap: 0,
  };
}

describe('the packing LP', () => {
  it('re-solved warm after fixings, equals the fixed LP solved afresh; each answer is feasible and proven by its own bound', () => {
    fc.assert(
      fc.property(caseArbitrary(60), (k) => {
        const warm = solvedWarm(k);
        if (overfull(k)) {
          expect(warm).toBeUndefined();
          return;
        }
        const afresh = solvedAfresh(k)!;
        expect(warm).toBeDefined();
        expect(Math.abs(warm!.bound - afresh.bound)).toBeLessThanOrEqual(tolerance(afresh.bound));
        for (const answer of [warm!, afresh]) {
          expect(feasible(k, answer.values)).toBe(true);
          // A feasible plan worth its bound: weak duality makes both optimal.
          expect(Math.abs(worth(k.p, answer.values) - answer.bound)).toBeLessThanOrEqual(tolerance(answer.bound));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads out shadow prices and reduced costs that prove its plan optimal', () => {
    fc.assert(
      fc.property(caseArbitrary(60), ({ p }) => {
        const lp = solutionOf(p, solvePackingLp(p)!);
        expect(Math.abs(worth(p, lp.values) - lp.bound)).toBeLessThanOrEqual(tolerance(lp.bound));
        for (let t = 0; t < p.m; t++) {
          expect(lp.duals[t]).toBeGreaterThanOrEqual(0);
          // A limit with room to spare is worth nothing more.
          let load = 0;
          for (let j = 0; j < p.n; j++) load += p.a[t * p.n + j]! * lp.values[j]!;
          if (load < p.b[t]! - 1e-6) expect(lp.duals[t]).toBeLessThanOrEqual(1e-9);
        }
        for (let j = 0; j < p.n; j++) {
          let reduced = p.c[j]!;
          for (let t = 0; t < p.m; t++) reduced -= lp.duals[t]! * p.a[t * p.n + j]!;
          expect(Math.abs(lp.reducedCosts[j]! - reduced)).toBeLessThanOrEqual(tolerance(p.c[j]!));
          // Left out only if not worth its priced demand, taken in full only if worth at least that.
          if (lp.values[j]! < 1 - 1e-9) expect(reduced).toBeLessThanOrEqual(tolerance(p.c[j]!));
          if (lp.values[j]! > 1e-9) expect(reduced).toBeGreaterThanOrEqual(-tolerance(p.c[j]!));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("on seeded selection models, re-solved warm with the LP's fractional column fixed, equals solving afresh", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, fc.boolean(), (count, seed, objective, fixIn) => {
        const p = packingOf(selectionModel(selectionInstance(count, seed), { objective, integer: false, timeLimitSeconds: 1, relativeGap: 0 }).model);
        if (!p || p.n === 0) return;
        const root = solutionOf(p, solvePackingLp(p)!);
        const fixings = new Int8Array(p.n).fill(-1);
        fixings[Math.max(0, root.values.findIndex((v) => v > 1e-9 && v < 1 - 1e-9))] = fixIn ? 1 : 0;
        const k = { p, fixings };
        const warm = solvedWarm(k);
        if (overfull(k)) {
          expect(warm).toBeUndefined();
          return;
        }
        const afresh = solvedAfresh(k)!;
        expect(Math.abs(warm!.bound - afresh.bound)).toBeLessThanOrEqual(tolerance(afresh.bound));
        expect(feasible(k, warm!.values)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('bounds every 0-1 plan an enumeration finds, on up to 12 columns', () => {
    fc.assert(
      fc.property(caseArbitrary(12), (k) => {
        const warm = solvedWarm(k);
        const best = bestPlan(k);
        if (best === -Infinity) {
          expect(warm).toBeUndefined();
          return;
        }
        expect(warm!.bound).toBeGreaterThanOrEqual(best - tolerance(best));
        expect(solvedAfresh(k)!.bound).toBeGreaterThanOrEqual(best - tolerance(best));
      }),
      { numRuns: 300 },
    );
  });

  it('equals the LP HiGHS solves, on 1 to 25 columns', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary(25, 1), async (k) => {
        const warm = solvedWarm(k);
        const highs = await highsNodeSolver(highsModel(k));
        if (overfull(k)) {
          expect(warm).toBeUndefined();
          expect(highs.status).toBe('infeasible');
          return;
        }
        expect(highs.status).toBe('optimal');
        expect(Math.abs(warm!.bound - highs.objective!)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(highs.objective!)));
      }),
      { numRuns: 100 },
    );
  });
});
