import fc from 'fast-check';
import { highsNodeSolver } from '../../../src/adapters/solver/highsNode';
import { selectOptimal } from '../../../src/engine/select/optimal';
import type { SelectionProblem } from '../../../src/engine/select/problem';
import { rankAndFill } from '../../../src/engine/select/rankAndFill';
import { roadmapObjective } from '../../../src/engine/select/roadmapOptimal';
import type { Objective } from '../../../src/engine/types';
import { STILL_CLOCK } from '../../builders';
import { candidate, problem } from '../select/problems';
import { roadmapArbitrary, roadmapBreaks, startsOf } from './roadmapProblems';

type Roadmap = SelectionProblem & { horizons: readonly string[] };
const options = (objective: Objective, exactUpTo = 0) => ({ objective, timeLimitSeconds: 5, clock: STILL_CLOCK, exactUpTo });

describe('Optimal over horizons', () => {
  it('chooses which and when: two small ones in H1 rather than the big one first', async () => {
    // Rank and fill puts A (Legal 4) in H1 and B, C in H2; starting B and C in H1 and A in H2 scores more.
    const p: Roadmap = {
      ...problem([candidate(0, { priority: 60, demand: { Legal: 4 } }), candidate(1, { priority: 55, demand: { Legal: 2 } }), candidate(2, { priority: 50, demand: { Legal: 2 } })], { Legal: 4 }),
      horizons: ['H1', 'H2'],
    };
    expect(startsOf(rankAndFill(p))).toEqual([0, 1, 1]);
    const outcome = await selectOptimal(p, options('Priority score'), highsNodeSolver);
    expect(outcome.report.method).toBe('Optimal');
    expect(startsOf(outcome.selection)).toEqual([1, 0, 0]);
    expect(outcome.selection.placements?.[0]?.reason).toEqual({ kind: 'full', constraint: { teams: [{ team: 'Legal', needed: 4, left: 0, unit: 'weeks' }], horizon: 'H1' } });
    expect(outcome.report.optimisation?.value).toBeCloseTo(60 * 0.99 + 55 + 50);
    expect(outcome.report.optimisation?.rankAndFill.value).toBeCloseTo(60 + 55 * 0.99 + 50 * 0.99);
  });

  it('on Annual value, values what is delivered within the horizons: finishing sooner delivers more', async () => {
    const p: Roadmap = {
      ...problem([candidate(0, { priority: 90, annualValue: 100, demand: { Legal: 4 } }), candidate(1, { priority: 50, annualValue: 300, demand: { Legal: 4 } })], { Legal: 4 }),
      horizons: ['Q1', 'Q2', 'Q3', 'Q4'],
    };
    const outcome = await selectOptimal(p, options('Annual value'), highsNodeSolver);
    expect(startsOf(outcome.selection)).toEqual([1, 0]);
    // 300 × 3/4 + 100 × 2/4 against rank and fill's 100 × 3/4 + 300 × 2/4.
    expect(outcome.report.optimisation?.value).toBeCloseTo(275);
    expect(outcome.report.optimisation?.rankAndFill.value).toBeCloseTo(225);
  });

  it('gives the solver what is left of the time limit once rank and fill and the model are made, less a fiftieth for handing it over', async () => {
    const p: Roadmap = {
      ...problem([candidate(0, { priority: 60, demand: { Legal: 4 } }), candidate(1, { priority: 55, demand: { Legal: 2 } })], { Legal: 4 }),
      horizons: ['H1', 'H2'],
    };
    let now = 0;
    // Every reading of the clock finds 400 ms more gone: the work before the solve read it twice.
    const ticking = () => (now += 400);
    const limits: number[] = [];
    const spy = async (model: Parameters<typeof highsNodeSolver>[0]) => {
      limits.push(model.timeLimitSeconds);
      return highsNodeSolver(model);
    };
    await selectOptimal(p, { ...options('Priority score'), clock: ticking }, spy);
    // 5 s less the 0.4 s gone, less 0.1 s (a fiftieth of 5 s).
    expect(limits).toHaveLength(1);
    expect(limits[0]).toBeCloseTo(4.5);
  });

  it('keeps every rule, is deterministic and is never worse than rank and fill on its own objective', async () => {
    await fc.assert(
      fc.asyncProperty(roadmapArbitrary(8), fc.constantFrom<Objective>('Priority score', 'Annual value'), fc.boolean(), async (p, objective, inEngine) => {
        const outcome = await selectOptimal(p, options(objective, inEngine ? 60 : 0), highsNodeSolver);
        const starts = startsOf(outcome.selection);
        expect(roadmapBreaks(p, starts)).toBeUndefined();
        const rf = startsOf(rankAndFill(p));
        const r = p as Roadmap;
        expect(roadmapObjective(r, starts, objective)).toBeGreaterThanOrEqual(roadmapObjective(r, rf, objective) - 1e-6);
        expect(outcome.report.optimisation?.value ?? roadmapObjective(r, rf, objective)).toBeCloseTo(roadmapObjective(r, starts, objective));
        const again = await selectOptimal(p, options(objective, inEngine ? 60 : 0), highsNodeSolver);
        expect(startsOf(again.selection)).toEqual(starts);
      }),
      { numRuns: 120 },
    );
  });
});
