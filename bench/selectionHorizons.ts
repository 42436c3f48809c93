// Selection over horizons (issue 19): the dependencies bench's 500 initiatives
// over 4 horizons, a quarter running two horizons and a tenth with an earliest
// start. Optimal (one time-indexed model) as the product runs it, against its
// best proven bound and rank and fill's roadmap on the same instance.

import { highsNodeSolver } from '../src/adapters/solver/highsNode';
import { selectOptimal } from '../src/engine/select/optimal';
import type { SelectionProblem } from '../src/engine/select/problem';
import { rankAndFill } from '../src/engine/select/rankAndFill';
import { roadmapInfeasibility, roadmapObjective } from '../src/engine/select/roadmapOptimal';
import { seeded } from './generate';
import { dependenciesInstance } from './selectionDependencies';
import { round } from './stats';

export const HORIZONS_SIZE = 500;
export const HORIZONS = ['Q1', 'Q2', 'Q3', 'Q4'];
/** The issue's goal: within 0.5% of the best bound in 3 s or less. */
const GOAL_GAP = 0.005;
const GOAL_SECONDS = 3;

type Roadmap = SelectionProblem & { horizons: readonly string[] };

export type HorizonsBench = { n: number; horizons: number; ms: number; gap: number | null; objective: number; rank_and_fill_objective: number; feasible: boolean };

export function horizonsInstance(count: number, seed: number): Roadmap {
  const problem = dependenciesInstance(count, seed);
  const random = seeded(seed + 19);
  return {
    ...problem,
    horizons: HORIZONS,
    candidates: problem.candidates.map((c) => ({ ...c, duration: random() < 0.25 ? 2 : 1, earliest: random() < 0.1 ? 1 + Math.floor(random() * 3) : 0 })),
  };
}

const startsOf = (decisions: readonly string[], placements: readonly ({ start: number } | undefined)[] | undefined): number[] =>
  decisions.map((d, p) => (d === 'Commit' || d === 'Forced in' ? (placements?.[p]?.start ?? -1) : -1));

/** Median of 3 warm solves (after one untimed), with the issue's 3 s limit. */
export async function benchSelectionHorizons(n = HORIZONS_SIZE): Promise<HorizonsBench> {
  const problem = horizonsInstance(n, 4242);
  const rf = rankAndFill(problem);
  const rfStarts = startsOf(rf.decisions, rf.placements);
  const solve = async () => {
    const start = performance.now();
    const outcome = await selectOptimal(problem, { objective: 'Priority score', timeLimitSeconds: GOAL_SECONDS, relativeGap: GOAL_GAP / 5, clock: () => performance.now() }, highsNodeSolver);
    return { ms: performance.now() - start, outcome };
  };
  await solve();
  const runs = [await solve(), await solve(), await solve()].sort((a, b) => a.ms - b.ms);
  const { ms, outcome } = runs[1]!;
  const starts = startsOf(outcome.selection.decisions, outcome.selection.placements);
  const report = outcome.report.optimisation;
  return {
    n,
    horizons: HORIZONS.length,
    ms: round(ms, 1),
    gap: report ? Number(report.gap.toPrecision(3)) : null,
    objective: round(roadmapObjective(problem, starts, 'Priority score'), 2),
    rank_and_fill_objective: round(roadmapObjective(problem, rfStarts, 'Priority score'), 2),
    feasible: outcome.solved && roadmapInfeasibility(problem, starts) === undefined,
  };
}

export function horizonsLine(b: HorizonsBench): string {
  const met = b.feasible && b.gap !== null && b.gap <= GOAL_GAP && b.ms <= GOAL_SECONDS * 1000 && b.objective >= b.rank_and_fill_objective;
  return `selection over horizons (n=${b.n} × ${b.horizons} horizons, with dependencies; median of 3 warm optimal solves): ${b.ms} ms, proven gap ${b.gap === null ? 'n/a' : `${(b.gap * 100).toFixed(3)}%`}, objective ${b.objective} against rank and fill ${b.rank_and_fill_objective}; feasible ${b.feasible ? 'yes' : 'NO'}; goal within 0.5% in 3 s, never below rank and fill: ${met ? 'met' : 'MISSED'}`;
}
