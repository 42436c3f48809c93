import fc from 'fast-check';
import { formatGap } from '../../../src/engine/format';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { selectOptimal } from '../../../src/engine/select/optimal';
import { rankAndFill } from '../../../src/engine/select/rankAndFill';
import { committedOf, infeasibility, planObjective } from '../../../src/engine/select/selectionModel';
import type { Solver, SolverSolution } from '../../../src/engine/select/solver';
import { STILL_CLOCK } from '../../builders';
import { selectionInstance } from '../../../bench/generate';
import { bruteForceBest, candidate, problem, problemArbitrary } from './problems';

// HiGHS itself is under test here: 0 keeps these small instances from the engine's exact path (tested in exactPath.test.ts).
const options = { objective: 'Priority score' as const, timeLimitSeconds: 10, clock: STILL_CLOCK, exactUpTo: 0 };
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

describe('optimal selection with HiGHS', () => {
  it('equals a brute-force enumeration on instances of up to 16 initiatives', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(16), fc.constantFrom('Priority score' as const, 'Annual value' as const), async (p, objective) => {
        const outcome = await selectOptimal(p, { objective, timeLimitSeconds: 10, clock: STILL_CLOCK, relativeGap: 0, exactUpTo: 0 }, highsNodeSolver);
        expect(outcome.report.method).toBe('Optimal');
        expect(planObjective(p, outcome.committed, objective)).toBeCloseTo(bruteForceBest(p, objective), 6);
      }),
      { numRuns: 60 },
    );
  });

  it('always returns a plan that keeps every cap, gate and override', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(16), async (p) => {
        const outcome = await selectOptimal(p, options, highsNodeSolver);
        expect(infeasibility(p, outcome.committed)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('is never worse than rank and fill on the same data', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(16), async (p) => {
        const outcome = await selectOptimal(p, options, highsNodeSolver);
        const rf = planObjective(p, committedOf(rankAndFill(p)), 'Priority score');
        expect(outcome.report.optimisation!.value).toBeGreaterThanOrEqual(rf - 1e-9);
        expect(outcome.report.optimisation!.rankAndFill.value).toBeCloseTo(rf, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same plan every time for the same data', async () => {
    await fc.assert(
      fc.asyncProperty(problemArbitrary(16), async (p) => {
        const first = await selectOptimal(p, options, highsNodeSolver);
        const second = await selectOptimal(p, options, highsNodeSolver);
        expect(second.committed).toEqual(first.committed);
        expect(second.selection).toEqual(first.selection);
      }),
      { numRuns: 20 },
    );
  });

  it('commits the small valuable initiative that rank and fill leaves out', async () => {
    // Big takes the last Legal weeks in rank order; Small A and Small B together are worth more.
    const p = problem(
      [
        candidate(0, { priority: 80, demand: { Legal: 4 } }),
        candidate(1, { priority: 60, demand: { Legal: 2 } }),
        candidate(2, { priority: 55, demand: { Legal: 2 } }),
      ],
      { Legal: 4 },
    );
    const outcome = await selectOptimal(p, options, highsNodeSolver);
    expect(outcome.selection.decisions).toEqual(['Deferred (capacity)', 'Commit', 'Commit']);
    expect(outcome.report.optimisation).toMatchObject({ value: 115, rankAndFill: { value: 80 }, improvement: 35, gap: 0 });
  });

  it('maximises annual value when that is the objective', async () => {
    const p = problem(
      [candidate(0, { priority: 90, annualValue: 100_000, demand: { Legal: 2 } }), candidate(1, { priority: 40, annualValue: 2_000_000, demand: { Legal: 2 } })],
      { Legal: 2 },
    );
    const outcome = await selectOptimal(p, { objective: 'Annual value', timeLimitSeconds: 10, clock: STILL_CLOCK, exactUpTo: 0 }, highsNodeSolver);
    expect(outcome.selection.decisions).toEqual(['Deferred (capacity)', 'Commit']);
    expect(outcome.report.optimisation!.value).toBe(2_000_000);
  });

  it('reports a bound no lower than the plan and an LP relaxation bound no lower than the bound', async () => {
    const p = selectionInstance(60, 7);
    const report = (await selectOptimal(p, options, highsNodeSolver)).report.optimisation!;
    expect(report.bound).toBeGreaterThanOrEqual(report.value);
    expect(report.lpBound!).toBeGreaterThanOrEqual(report.bound - 1e-6);
    expect(report.gap).toBeLessThanOrEqual(0.001);
    expect(near(report.improvement, report.value - report.rankAndFill.value)).toBe(true);
  });

  it('uses the best plan found and states the proven gap when the time limit runs out', async () => {
    const p = selectionInstance(2000, 11);
    const outcome = await selectOptimal(p, { objective: 'Priority score', timeLimitSeconds: 0.01, clock: STILL_CLOCK }, highsNodeSolver);
    const report = outcome.report.optimisation!;
    expect(outcome.report.method).toBe('Optimal');
    expect(report.timedOut).toBe(true);
    expect(report.gap).toBeGreaterThan(0);
    expect(outcome.report.note).toBe(`the 0.01 s time limit was reached: this is the best plan found, proven within ${formatGap(report.gap)} of the best possible`);
    expect(infeasibility(p, outcome.committed)).toBeUndefined();
    expect(report.value).toBeGreaterThanOrEqual(report.rankAndFill.value);
  });

  it('commits every forced-in initiative and nothing else on a team they already overfill', async () => {
    const p = problem(
      [
        candidate(0, { status: 'forced-in', priority: 30, demand: { Legal: 6 } }),
        candidate(1, { status: 'forced-in', priority: 35, demand: { Legal: 6 } }),
        candidate(2, { priority: 90, demand: { Legal: 1 } }),
        candidate(3, { priority: 70, demand: { Security: 2 } }),
      ],
      { Legal: 8, Security: 4 },
    );
    const outcome = await selectOptimal(p, options, highsNodeSolver);
    expect(outcome.report.method).toBe('Optimal');
    expect(outcome.selection.decisions).toEqual(['Forced in', 'Forced in', 'Deferred (capacity)', 'Commit']);
    expect(outcome.selection.binding[2]).toEqual({ teams: [{ team: 'Legal', needed: 1, left: 0, unit: 'weeks' }] });
  });

  it('keeps every cap even when forced-in initiatives do not lead the ranking', async () => {
    const p = {
      candidates: [candidate(0, { priority: 90, demand: { Legal: 2 } }), candidate(1, { status: 'forced-in', priority: 20, demand: { Legal: 2 } }), candidate(2, { priority: 10, demand: { Legal: 1 } })],
      teams: [{ name: 'Legal', capacity: 3, unit: 'weeks' }],
      inFlightLimit: 3,
    };
    const outcome = await selectOptimal(p, options, highsNodeSolver);
    expect(infeasibility(p, outcome.committed)).toBeUndefined();
    expect(outcome.selection.decisions).toEqual(['Deferred (capacity)', 'Forced in', 'Commit']);
  });

  it('never calls the solver when there is nothing to choose', async () => {
    const solver = jest.fn<ReturnType<Solver>, Parameters<Solver>>();
    const p = problem([candidate(0, { status: 'forced-in', priority: 40 }), candidate(1, { status: 'gated' })], {});
    const outcome = await selectOptimal(p, options, solver);
    expect(solver).not.toHaveBeenCalled();
    expect(outcome.selection.decisions).toEqual(['Forced in', 'Not ready']);
    expect(outcome.report.optimisation).toMatchObject({ value: 40, bound: 40, gap: 0 });
  });
});

describe('optimal selection when the solver fails', () => {
  const p = problem(
    [candidate(0, { priority: 80, demand: { Legal: 4 } }), candidate(1, { priority: 60, demand: { Legal: 2 } }), candidate(2, { priority: 55, demand: { Legal: 2 } })],
    { Legal: 4 },
  );
  const rankAndFillDecisions = ['Commit', 'Deferred (capacity)', 'Deferred (capacity)'];
  const answer = (fields: Partial<SolverSolution>): Solver => async (model) =>
    model.integer ? { status: 'optimal', values: [], objective: 0, bound: 0, gap: 0, ...fields } : highsNodeSolver(model);

  it('falls back to rank and fill and says why when the solver throws', async () => {
    const outcome = await selectOptimal(p, options, async () => Promise.reject(new Error('wasm out of memory')));
    expect(outcome.report).toEqual({ method: 'Rank and fill', note: 'Optimal was chosen, but the solver failed (wasm out of memory); rank and fill was used instead.' });
    expect(outcome.selection.decisions).toEqual(rankAndFillDecisions);
  });

  it('falls back to rank and fill when the solver returns a plan over capacity', async () => {
    const outcome = await selectOptimal(p, options, answer({ values: [1, 1, 1] }));
    expect(outcome.report.method).toBe('Rank and fill');
    expect(outcome.report.note).toBe(
      "Optimal was chosen, but the solver's plan failed the capacity check (the plan would need more of Legal than its capacity); rank and fill was used instead.",
    );
    expect(outcome.selection.decisions).toEqual(rankAndFillDecisions);
  });

  it('falls back to rank and fill when the solver returns values that are not yes or no', async () => {
    const outcome = await selectOptimal(p, options, answer({ values: [0, 0.5, 1] }));
    expect(outcome.report.note).toBe('Optimal was chosen, but the solver returned values that are not yes/no choices; rank and fill was used instead.');
  });

  it('falls back to rank and fill when the solver calls feasible caps impossible', async () => {
    const outcome = await selectOptimal(p, options, answer({ status: 'infeasible' }));
    expect(outcome.report.note).toBe('Optimal was chosen, but the solver reported the caps impossible to meet, which they are not; rank and fill was used instead.');
  });

  it('falls back to rank and fill when the solver reports an error', async () => {
    const outcome = await selectOptimal(p, options, answer({ status: 'error', message: 'HiGHS ended with model status 4' }));
    expect(outcome.report.note).toBe('Optimal was chosen, but the solver failed (HiGHS ended with model status 4); rank and fill was used instead.');
  });

  it('gives the search only the time the LP relaxation left of the limit, less a fiftieth for handing it over', async () => {
    const limits: number[] = [];
    let ms = 0;
    const timed: Solver = async (model) => {
      limits.push(model.timeLimitSeconds);
      ms += model.integer ? 100 : 1500; // the relaxation takes 1.5 s on this clock
      return highsNodeSolver(model);
    };
    await selectOptimal(p, { ...options, timeLimitSeconds: 2, clock: () => ms }, timed);
    expect(limits).toHaveLength(2);
    expect(limits[0]).toBe(2);
    // 2 s less the 1.5 s gone, less 0.04 s (a fiftieth of 2 s).
    expect(limits[1]).toBeCloseTo(0.46);
  });

  it('still chooses the optimal plan when only the LP relaxation fails, without an LP bound', async () => {
    const solver: Solver = (model) => (model.integer ? highsNodeSolver(model) : Promise.reject(new Error('no LP today')));
    const outcome = await selectOptimal(p, options, solver);
    expect(outcome.report.method).toBe('Optimal');
    expect(outcome.report.optimisation).toMatchObject({ value: 115, lpBound: undefined });
  });

  it('keeps the rank-and-fill plan when the solver answers with a worse one', async () => {
    const q = problem([candidate(0, { priority: 80, demand: { Legal: 4 } }), candidate(1, { priority: 10, demand: { Legal: 4 } })], { Legal: 4 });
    const outcome = await selectOptimal(q, options, answer({ values: [0, 1] }));
    expect(outcome.report.method).toBe('Optimal');
    expect(outcome.selection.decisions).toEqual(['Commit', 'Deferred (capacity)']);
    expect(outcome.report.note).toBe("the solver's plan scored below rank and fill, which is kept");
  });
});
