import fc from 'fast-check';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { EXACT_UP_TO, mipInEngine, relaxationInEngine, SEARCH_UP_TO } from '../../../src/engine/select/exactPath';
import { selectOptimal } from '../../../src/engine/select/optimal';
import { rankAndFill } from '../../../src/engine/select/rankAndFill';
import { committedOf, infeasibility, planObjective, selectionModel } from '../../../src/engine/select/selectionModel';
import type { Solver, SolverModel } from '../../../src/engine/select/solver';
import type { Objective } from '../../../src/engine/types';
import { STILL_CLOCK } from '../../builders';
import { selectionInstance } from '../../../bench/generate';
import { bruteForceBest, bruteForceFirstBest, candidate, problem, problemArbitrary } from './problems';

const objectives = fc.constantFrom<Objective>('Priority score', 'Annual value');
/** A solver that must not be asked: the exact path answers small selections itself. */
const untouchable: Solver = () => Promise.reject(new Error('the solver was asked'));
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe("the engine's exact path for small selections", () => {
  it('finds the best objective an exhaustive enumeration finds, on instances of up to 14 initiatives', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(14, 0), objectives, async (p, objective) => {
        const outcome = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        expect(outcome.report.method).toBe('Optimal');
        expect(planObjective(p, outcome.committed, objective)).toBeCloseTo(bruteForceBest(p, objective), 6);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every cap, gate and override', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(14, 0), objectives, async (p, objective) => {
        const outcome = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        expect(infeasibility(p, outcome.committed)).toBeUndefined();
        p.candidates.forEach((c, i) => {
          if (c.status === 'forced-in') expect(outcome.committed[i]).toBe(true);
          if (c.status === 'gated' || c.status === 'forced-out') expect(outcome.committed[i]).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('breaks ties between equally good plans in rank order, as the enumeration does', async () => {
    // Few distinct scores make ties common.
    const tied = problemArbitrary(12, 0).map((p) => ({ ...p, candidates: p.candidates.map((c) => ({ ...c, priority: Math.round(c.priority / 25) * 25 })) }));
    await fc.assert(
      fc.asyncProperty(tied, async (p) => {
        const outcome = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        expect(outcome.committed).toEqual(bruteForceFirstBest(p, 'Priority score'));
      }),
      { numRuns: 150 },
    );
  });

  it('proves its plan the best possible: the bound equals the objective and the gap is 0', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(14, 0), objectives, async (p, objective) => {
        const report = (await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable)).report.optimisation!;
        expect(report.gap).toBe(0);
        expect(relative(report.bound, report.value)).toBeLessThanOrEqual(1e-9);
        expect(report.lpBound ?? report.value).toBeGreaterThanOrEqual(report.value - 1e-6);
      }),
      { numRuns: 60 },
    );
  });

  it('is never worse than rank and fill', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(30, 0), objectives, async (p, objective) => {
        const outcome = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        expect(planObjective(p, outcome.committed, objective)).toBeGreaterThanOrEqual(planObjective(p, committedOf(rankAndFill(p)), objective) - 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it("matches HiGHS's proven optimum on generated instances of 20 to 40 initiatives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: 40 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, async (n, seed, objective) => {
        const p = selectionInstance(n, seed);
        const ours = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        const highs = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0, exactUpTo: 0 }, highsNodeSolver);
        expect(highs.report.optimisation!.gap).toBeLessThanOrEqual(1e-6);
        expect(relative(ours.report.optimisation!.value, highs.report.optimisation!.value)).toBeLessThanOrEqual(1e-9);
        expect(infeasibility(p, ours.committed)).toBeUndefined();
      }),
      { numRuns: 12 },
    );
  });

  it("matches HiGHS's proven optimum on random instances of 20 to 40 initiatives with overrides and gates", async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(40, 20), objectives, async (p, objective) => {
        const ours = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
        const highs = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0, exactUpTo: 0 }, highsNodeSolver);
        expect(relative(ours.report.optimisation!.value, highs.report.optimisation!.value)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 25 },
    );
  });

  it('past the exact path, answers by its gap search without the solver when it proves its plan', async () => {
    const p = selectionInstance(Math.ceil((EXACT_UP_TO + 10) / 0.88), 5);
    const outcome = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
    expect(outcome.solved).toBe(true);
    expect(outcome.report.optimisation!.gap).toBeLessThanOrEqual(0.001);
    expect(infeasibility(p, outcome.committed)).toBeUndefined();
  });

  it('asks the solver once the open candidates outnumber what the gap search takes on', async () => {
    const models: SolverModel[] = [];
    const refusing: Solver = (model) => {
      models.push(model);
      return Promise.resolve({ status: 'error', values: [], objective: undefined, bound: undefined, gap: undefined, message: 'not asked to solve' });
    };
    const p = selectionInstance(Math.ceil((SEARCH_UP_TO + 10) / 0.88), 5);
    await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK }, refusing);
    expect(models.map((m) => m.integer)).toEqual([false, true]);
    expect(models[1]!.start).toBeDefined();
  });
});

describe('the exact path past its node limit', () => {
  const p = selectionInstance(50, 3);
  const start = committedOf(rankAndFill(p));
  const model = selectionModel(p, { objective: 'Annual value', integer: true, timeLimitSeconds: 2, relativeGap: 0, start }).model;

  it('gives no answer of its own, only the best plan it met as a start for the solver', () => {
    const engine = mipInEngine(model, 3);
    expect(engine.solution).toBeUndefined();
    const values = engine.start ?? model.start!;
    const committed = p.candidates.map((c) => c.status === 'forced-in');
    p.candidates.flatMap((c, i) => (c.status === 'open' ? [i] : [])).forEach((position, k) => (committed[position] = values[k] === 1));
    expect(infeasibility(p, committed)).toBeUndefined();
  });

  it('answers with the proven optimum when the limit allows', async () => {
    const engine = mipInEngine(model);
    const highs = await highsNodeSolver({ ...model, relativeGap: 0 });
    expect(engine.solution!.gap).toBe(0);
    expect(relative(engine.solution!.objective!, highs.objective!)).toBeLessThanOrEqual(1e-9);
  });
});

describe("the engine's LP relaxation", () => {
  it('equals the LP relaxation HiGHS solves, with shadow prices that prove it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 1_000_000 }), objectives, async (n, seed, objective) => {
        const p = selectionInstance(n, seed);
        const model = selectionModel(p, { objective, integer: false, timeLimitSeconds: 10, relativeGap: 0 }).model;
        if (model.objective.length === 0) return;
        const ours = relaxationInEngine(model)!;
        const highs = await highsNodeSolver(model);
        expect(relative(ours.objective!, highs.objective!)).toBeLessThanOrEqual(1e-7);
        // The plan it reports is feasible and worth what the duals bound: both are optimal.
        const worth = model.offset + ours.values.reduce((sum, x, j) => sum + x * model.objective[j]!, 0);
        expect(relative(worth, ours.objective!)).toBeLessThanOrEqual(1e-7);
        for (const row of model.rows) expect(row.indices.reduce((sum, j, k) => sum + row.values[k]! * ours.values[j]!, 0)).toBeLessThanOrEqual(row.upper + 1e-7);
        expect(ours.rowDuals!.every((y) => y >= 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves a model that is not a packing to the solver', () => {
    const base: SolverModel = { objective: [3, 2], offset: 0, lower: [0, 0], upper: [1, 1], integer: false, rows: [{ indices: [0, 1], values: [1, 1], upper: 1 }], timeLimitSeconds: 1, relativeGap: 0 };
    expect(relaxationInEngine(base)).toBeDefined();
    expect(relaxationInEngine({ ...base, rows: [{ indices: [0, 1], values: [1, -1], upper: 1 }] })).toBeUndefined();
    expect(relaxationInEngine({ ...base, rows: [{ indices: [0, 1], values: [1, 1], lower: 1, upper: 2 }] })).toBeUndefined();
    expect(relaxationInEngine({ ...base, upper: [1, 2] })).toBeUndefined();
    expect(mipInEngine({ ...base, integer: true, rows: [{ indices: [0], values: [1], upper: -1 }] })).toEqual({});
  });
});

describe('optimal selection on the small example rank and fill gets wrong', () => {
  it('commits the two small initiatives worth more than the big one, without the solver', async () => {
    const p = problem([candidate(0, { priority: 80, demand: { Legal: 4 } }), candidate(1, { priority: 60, demand: { Legal: 2 } }), candidate(2, { priority: 55, demand: { Legal: 2 } })], { Legal: 4 });
    const outcome = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 10, clock: STILL_CLOCK }, untouchable);
    expect(outcome.selection.decisions).toEqual(['Deferred (capacity)', 'Commit', 'Commit']);
    expect(outcome.report.optimisation).toMatchObject({ value: 115, bound: 115, lpBound: 115, gap: 0, improvement: 35 });
  });
});
