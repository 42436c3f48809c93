import fc from 'fast-check';
import {
  committedFromValues,
  infeasibility,
  residualLimits,
  selectionModel,
  simpleBound,
  topUp,
} from '../../../src/engine/select/selectionModel';
import { bruteForceBest, candidate, problem, problemArbitrary } from './problems';

const modelOptions = { objective: 'Priority score' as const, integer: true, timeLimitSeconds: 2, relativeGap: 0.001 };

describe('the selection model', () => {
  const p = problem(
    [
      candidate(0, { status: 'forced-in', priority: 40, demand: { Legal: 3 } }),
      candidate(1, { priority: 90, demand: { Legal: 2, Security: 1 } }),
      candidate(2, { status: 'gated', priority: 80, demand: { Legal: 1 } }),
      candidate(3, { priority: 70, demand: { Security: 4 } }),
      candidate(4, { status: 'forced-out', priority: 60 }),
    ],
    { Legal: 4, Security: 3, Unused: 5 },
    3,
  );

  it('has one column per open initiative and rows for the capacity left after forced-in work', () => {
    const { model, columns, rowTeams } = selectionModel(p, modelOptions);
    expect(columns.map((position) => p.candidates[position]!.index)).toEqual([1, 3]);
    expect(model.objective).toEqual([90, 70]);
    expect(model.offset).toBe(40);
    expect(rowTeams).toEqual(['Legal', 'Security', undefined]);
    expect(model.rows).toEqual([
      { indices: [0], values: [2], upper: 1 },
      { indices: [0, 1], values: [1, 4], upper: 3 },
      { indices: [0, 1], values: [1, 1], upper: 2 },
    ]);
  });

  it('gives the open initiatives zero capacity, never less, on a team forced-in work overfills', () => {
    const overfilled = problem([candidate(0, { status: 'forced-in', demand: { Legal: 9 } }), candidate(1, { demand: { Legal: 1 } })], { Legal: 4 }, 0);
    expect(residualLimits(overfilled)).toEqual({ teams: new Map([['Legal', 0]]), inFlight: 0 });
    expect(selectionModel(overfilled, modelOptions).model.rows.map((r) => r.upper)).toEqual([0, 0]);
  });

  it('passes the starting plan as one value per column', () => {
    const start = [true, false, false, true, false];
    expect(selectionModel(p, { ...modelOptions, start }).model.start).toEqual([0, 1]);
  });

  it('reads whole values back into a committed set with forced-in initiatives in', () => {
    const { columns } = selectionModel(p, modelOptions);
    expect(committedFromValues(p, columns, [1 - 1e-9, 1e-9])).toEqual([true, true, false, false, false]);
  });

  it('refuses values that are not close to 0 or 1, or of the wrong length', () => {
    const { columns } = selectionModel(p, modelOptions);
    expect(committedFromValues(p, columns, [0.5, 0])).toBeUndefined();
    expect(committedFromValues(p, columns, [1])).toBeUndefined();
    expect(committedFromValues(p, columns, [Number.NaN, 0])).toBeUndefined();
  });
});

describe('the feasibility check', () => {
  const p = problem(
    [
      candidate(0, { status: 'forced-in', demand: { Legal: 2 } }),
      candidate(1, { demand: { Legal: 2 } }),
      candidate(2, { demand: { Legal: 1 } }),
      candidate(3, { status: 'gated' }),
      candidate(4, { status: 'forced-out' }),
    ],
    { Legal: 4 },
    3,
  );
  const position = (index: number) => p.candidates.findIndex((c) => c.index === index);
  const committing = (...indices: number[]) => p.candidates.map((c) => indices.includes(c.index));

  it('accepts a plan within every cap', () => {
    expect(infeasibility(p, committing(0, 1))).toBeUndefined();
  });

  it('names the team whose capacity a plan exceeds', () => {
    expect(infeasibility(p, committing(0, 1, 2))).toBe('the plan would need more of Legal than its capacity');
  });

  it('refuses a plan that leaves a forced-in initiative out', () => {
    expect(infeasibility(p, committing(1))).toBe('a forced-in initiative was left out');
  });

  it('refuses a plan that commits an initiative that is not ready or forced out', () => {
    expect(infeasibility(p, committing(0, 3))).toBe('an initiative that is not ready was committed');
    expect(infeasibility(p, committing(0, 4))).toBe('an initiative that is forced out was committed');
  });

  it('refuses a plan over the in-flight limit', () => {
    const tight = { ...p, inFlightLimit: 1 };
    expect(infeasibility(tight, committing(0, 2))).toBe('the plan would exceed the in-flight limit');
    expect(position(0)).toBe(0);
  });
});

describe('topping up the room the optimum leaves', () => {
  it('commits, in rank order, initiatives worth nothing that still fit', () => {
    const p = problem([candidate(0, { annualValue: 5, demand: { Legal: 2 } }), candidate(1, { priority: 40, annualValue: 0, demand: { Legal: 1 } }), candidate(2, { priority: 30, annualValue: 0, demand: { Legal: 2 } })], { Legal: 3 });
    expect(topUp(p, [true, false, false], 'Annual value')).toEqual([true, true, false]);
  });

  it('never adds an initiative that lowers the objective', () => {
    const p = problem([candidate(0, { annualValue: -100 })], {});
    expect(topUp(p, [false], 'Annual value')).toEqual([false]);
  });
});

describe('the bound that needs no solver', () => {
  it('is never below the best possible plan', () => {
    fc.assert(
      fc.property(problemArbitrary(12), fc.constantFrom('Priority score' as const, 'Annual value' as const), (p, objective) => {
        expect(simpleBound(p, objective)).toBeGreaterThanOrEqual(bruteForceBest(p, objective) - 1e-6);
      }),
      { numRuns: 200 },
    );
  });

  it('is the best few by objective when only the in-flight limit binds', () => {
    const p = problem([candidate(0, { priority: 90 }), candidate(1, { priority: 80 }), candidate(2, { priority: 10 })], {}, 2);
    expect(simpleBound(p, 'Priority score')).toBe(170);
  });
});
