import fc from 'fast-check';
import { engineFirst, mipInEngine } from '../../../src/engine/select/exactPath';
import { searchWithinGap } from '../../../src/engine/select/gapSearch';
import { selectOptimal } from '../../../src/engine/select/optimal';
import { packingOf, type Packing } from '../../../src/engine/select/packingLp';
import { committedOf, infeasibility, planObjective, selectionModel } from '../../../src/engine/select/selectionModel';
import { rankAndFill } from '../../../src/engine/select/rankAndFill';
import type { Solver, SolverModel } from '../../../src/engine/select/solver';
import type { Objective } from '../../../src/engine/types';
import { STILL_CLOCK } from '../../builders';
import { selectionInstance } from '../../../bench/generate';

const objectives = fc.constantFrom<Objective>('Priority score', 'Annual value');
const untouchable: Solver = () => Promise.reject(new Error('the solver was asked'));

function instance(n: number, seed: number, objective: Objective) {
  const p = selectionInstance(n, seed);
  const start = committedOf(rankAndFill(p));
  const model = selectionModel(p, { objective, integer: true, timeLimitSeconds: 10, relativeGap: 0, start }).model;
  return { p, model, packing: packingOf(model)! };
}

const worth = (packing: Packing, values: readonly number[]) => values.reduce((sum, x, j) => sum + x * packing.c[j]!, 0);
const fits = (packing: Packing, values: readonly number[]) => {
  for (let t = 0; t < packing.m; t++) {
    let load = 0;
    for (let j = 0; j < packing.n; j++) load += values[j]! * packing.a[t * packing.n + j]!;
    if (load > packing.b[t]! + 1e-9 * Math.max(1, packing.b[t]!)) return false;
  }
  return values.every((x) => x === 0 || x === 1);
};

describe("the engine's gap search", () => {
  it('with no gap allowed, proves the optimum the exact path proves, on seeded selections of up to 40', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, (n, seed, objective) => {
        const { model, packing } = instance(n, seed, objective);
        if (packing.n === 0) return;
        const exact = mipInEngine(model, 1_000_000).solution!;
        const search = searchWithinGap(packing, { relativeGap: 0, offset: model.offset, nodeLimit: 100_000, start: model.start })!;
        expect(search.proven).toBe(true);
        expect(fits(packing, search.values)).toBe(true);
        expect(search.objective + model.offset).toBeCloseTo(exact.objective!, 6);
        expect(worth(packing, search.values)).toBeCloseTo(search.objective, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('within a gap, never claims more than it proves: its bound holds the optimum and its plan is within the gap of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, fc.constantFrom(0.001, 0.01, 0.05), (n, seed, objective, gap) => {
        const { model, packing } = instance(n, seed, objective);
        if (packing.n === 0) return;
        const optimum = mipInEngine(model, 1_000_000).solution!.objective! - model.offset;
        const search = searchWithinGap(packing, { relativeGap: gap, offset: model.offset, nodeLimit: 100_000 })!;
        expect(fits(packing, search.values)).toBe(true);
        expect(search.bound).toBeGreaterThanOrEqual(optimum - 1e-6);
        expect(search.proven).toBe(true);
        expect(search.bound - search.objective).toBeLessThanOrEqual(gap * Math.abs(search.objective + model.offset) + 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('stops at its node limit with a feasible plan and a bound that still holds', () => {
    const { model, packing } = instance(300, 7, 'Priority score');
    const optimum = searchWithinGap(packing, { relativeGap: 0.001, offset: model.offset, nodeLimit: 100_000 })!;
    const early = searchWithinGap(packing, { relativeGap: 0, offset: model.offset, nodeLimit: 3 })!;
    expect(early.nodes).toBeLessThanOrEqual(4);
    expect(fits(packing, early.values)).toBe(true);
    expect(early.bound).toBeGreaterThanOrEqual(optimum.objective - 1e-6);
    expect(early.objective).toBeGreaterThanOrEqual(worth(packing, model.start!) - 1e-9);
  });

  it('gives the same plan every time for the same model', () => {
    const { model, packing } = instance(200, 11, 'Annual value');
    const once = searchWithinGap(packing, { relativeGap: 0.001, offset: model.offset, nodeLimit: 50, start: model.start })!;
    const again = searchWithinGap(packing, { relativeGap: 0.001, offset: model.offset, nodeLimit: 50, start: model.start })!;
    expect(again).toEqual(once);
  });
});

describe('the optimal method with a node limit, as the drawn futures run it', () => {
  it('keeps every cap and scores no lower than its start, without asking the solver', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 70, max: 160 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, async (n, seed, objective) => {
        const p = selectionInstance(n, seed);
        const outcome = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relaxation: false, searchNodes: 5 }, untouchable);
        expect(infeasibility(p, outcome.committed)).toBeUndefined();
        expect(planObjective(p, outcome.committed, objective)).toBeGreaterThanOrEqual(planObjective(p, committedOf(rankAndFill(p)), objective) - 1e-9);
      }),
      { numRuns: 15 },
    );
  });

  it('scores what a full solve scores (the same plan but for ties) when the search proves its plan, on seeded selections', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, async (n, seed, objective) => {
        const p = selectionInstance(n, seed);
        const full = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0 }, untouchable);
        const fast = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0, exactUpTo: 1, searchNodes: 100_000, relaxation: false }, untouchable);
        expect(planObjective(p, fast.committed, objective)).toBeCloseTo(planObjective(p, full.committed, objective), 6);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a solver that runs the gap search itself (the pane worker)', () => {
  it('is handed the larger models with the search asked for, and none is searched where the engine runs', async () => {
    const asked: SolverModel[] = [];
    const worker = Object.assign(
      (model: SolverModel) => {
        asked.push(model);
        const { search, ...plain } = model;
        const first = engineFirst(plain, search?.nodeLimit);
        return Promise.resolve('solution' in first ? first.solution : { status: 'error' as const, values: [], objective: undefined, bound: undefined, gap: undefined });
      },
      { runsSearch: true as const },
    );
    const p = selectionInstance(150, 3);
    const inWorker = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK, relaxation: false, searchNodes: 20 }, worker);
    const here = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK, relaxation: false, searchNodes: 20 }, untouchable);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.search).toEqual({ nodeLimit: 20 });
    expect(inWorker.committed).toEqual(here.committed);
  });
});
