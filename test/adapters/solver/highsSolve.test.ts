import loadHighs, { type Highs } from 'highs';
import { solveWithHighs } from '../../../src/adapters/solver/highsSolve';
import type { SolverModel } from '../../../src/engine/select/solver';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

// Three initiatives worth 5, 4 and 3 on one team of capacity 2 (demands 2, 1, 1), plus 10 already forced in.
const knapsack = (integer: boolean): SolverModel => ({
  objective: [5, 4, 3],
  offset: 10,
  lower: [0, 0, 0],
  upper: [1, 1, 1],
  integer,
  rows: [{ indices: [0, 1, 2], values: [2, 1, 1], upper: 2 }],
  timeLimitSeconds: 5,
  relativeGap: 0,
});

describe('solving with HiGHS from plain arrays', () => {
  it('finds the best 0-1 choice and counts the offset in the objective and the bound', () => {
    const result = solveWithHighs(highs, knapsack(true));
    expect(result).toMatchObject({ status: 'optimal', values: [0, 1, 1], objective: 17, bound: 17, gap: 0 });
    expect(result.rowDuals).toBeUndefined();
  });

  it('returns shadow prices and reduced costs for the relaxation', () => {
    const result = solveWithHighs(highs, knapsack(false));
    expect(result.status).toBe('optimal');
    expect(result.objective).toBeCloseTo(17, 9);
    expect(result.rowDuals![0]).toBeCloseTo(2.5, 9);
    expect(result.reducedCosts).toEqual([expect.closeTo(0, 9), expect.closeTo(1.5, 9), expect.closeTo(0.5, 9)]);
  });

  it('reports a model whose rows cannot all hold as infeasible, with no values', () => {
    const impossible = { ...knapsack(true), rows: [{ indices: [0, 1, 2], values: [1, 1, 1], lower: 4, upper: 5 }] };
    expect(solveWithHighs(highs, impossible)).toMatchObject({ status: 'infeasible', values: [], objective: undefined });
  });

  it('accepts a starting plan and still proves the best one', () => {
    expect(solveWithHighs(highs, { ...knapsack(true), start: [1, 0, 0] })).toMatchObject({ status: 'optimal', objective: 17 });
  });
});
