import fc from 'fast-check';
import { copyState, fixAndResolve, solveRoot, stateBound } from '../../../src/engine/select/boundedLp';
import { packingOf, solvePackingLp, type Packing } from '../../../src/engine/select/packingLp';
import { selectionModel } from '../../../src/engine/select/selectionModel';
import type { Objective } from '../../../src/engine/types';
import { selectionInstance } from '../../../bench/generate';

const objectives = fc.constantFrom<Objective>('Priority score', 'Annual value');
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** The packing with column j fixed at `at`, solved afresh: j's demand taken off the limits when it is in. */
function fixedAfresh(p: Packing, j: number, at: number): number | undefined {
  const b = Float64Array.from(p.b, (limit, t) => limit - at * p.a[t * p.n + j]!);
  if (b.some((v) => v < -1e-9)) return undefined;
  const c = Float64Array.from(p.c, (v, k) => (k === j ? 0 : v));
  const a = Float64Array.from(p.a, (v, k) => (k % p.n === j ? 0 : v));
  return solvePackingLp({ ...p, b: b.map((v) => Math.max(0, v)), c, a })!.bound + at * p.c[j]!;
}

describe('the LP kept as a tableau', () => {
  it('solves the root as the engine LP does, and re-solves a fixed column as solving afresh does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 120 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, fc.boolean(), (count, seed, objective, fixIn) => {
        const model = selectionModel(selectionInstance(count, seed), { objective, integer: false, timeLimitSeconds: 1, relativeGap: 0 }).model;
        const p = packingOf(model);
        if (!p || p.n === 0) return;
        const root = solveRoot(p)!;
        expect(relative(stateBound(p, root), solvePackingLp(p)!.bound)).toBeLessThanOrEqual(1e-7);
        // Fix the fractional column (or the first one) and compare with the fixed problem solved from scratch.
        const fractional = Array.from(root.value.subarray(0, p.n)).findIndex((v) => v > 1e-9 && v < 1 - 1e-9);
        const j = Math.max(0, fractional);
        const at = fixIn ? 1 : 0;
        const state = copyState(root);
        const outcome = fixAndResolve(state, j, at);
        const afresh = fixedAfresh(p, j, at);
        if (afresh === undefined) {
          expect(outcome).toBe('infeasible');
          return;
        }
        expect(outcome).toBe('optimal');
        expect(relative(stateBound(p, state), afresh)).toBeLessThanOrEqual(1e-7);
        // The copy left the root as it was.
        expect(relative(stateBound(p, root), solvePackingLp(p)!.bound)).toBeLessThanOrEqual(1e-7);
      }),
      { numRuns: 80 },
    );
  });
});
