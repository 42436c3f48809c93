// Optimal selection: the set of open initiatives with the largest total
// objective that every team's capacity and the in-flight limit allow, found by
// a MIP solver behind the `Solver` port. Whatever comes back is re-checked
// before it is used; when the solver fails, rank and fill decides and the
// report says so.

import type { Objective, SelectionReport } from '../types';
import { decisionsForChosenSet, isRoadmap, type Selection, type SelectionProblem } from './problem';
import { selectOptimalRoadmap } from './roadmapOptimal';
import { rankAndFill } from './rankAndFill';
import {
  committedFromValues,
  committedOf,
  committedValue,
  fitted,
  infeasibility,
  openPositions,
  planObjective,
  selectionModel,
  simpleBound,
  topUp,
} from './selectionModel';
import { solveSeconds, type Clock, type Solver, type SolverModel, type SolverSolution } from './solver';
import { dot, engineFirst, EXACT_UP_TO, mipInEngine, relaxationInEngine, SEARCH_UP_TO } from './exactPath';
import { bestBound, limitNote, provenGap } from './gap';
import { settled } from './links';

/** Stop once the plan is proven within 0.1% of the best possible. */
export const MIP_RELATIVE_GAP = 0.001;

export type OptimalOptions = {
  objective: Objective;
  timeLimitSeconds: number;
  /** For the time limit: what the LP relaxation took comes out of the search's time. */
  clock: Clock;
  relativeGap?: number;
  /** Another feasible plan (committed per candidate) to start from when it beats rank and fill. */
  hint?: readonly boolean[];
  /** Solve the LP relaxation too, for its bound and shadow prices (default true). */
  relaxation?: boolean;
  /**
   * The most open candidates the engine solves itself, exactly, before it asks the solver
   * (default `EXACT_UP_TO`; 0 sends every model to the solver).
   */
  exactUpTo?: number;
  /**
   * For selections past `exactUpTo`: the nodes the engine's gap search may visit, keeping its best plan
   * at that limit rather than asking the solver. The drawn futures set it, so each is solved fast and the
   * same way every time. Unset, the search hands an unproven plan over to the solver.
   */
  searchNodes?: number;
};

/** What the LP relaxation says: the bound, and what one more unit of each limit is worth in it. */
export type Relaxation = {
  bound: number;
  /** Shadow price per team with a row in the model. */
  teamPrices: Map<string, number>;
  inFlightPrice: number;
  /** Reduced cost per candidate position (≤ 0 for a candidate left out). */
  reducedCosts: Map<number, number>;
};

export type OptimalOutcome = {
  selection: Selection;
  /** Committed per candidate, forced-in included. */
  committed: boolean[];
  report: SelectionReport;
  relaxation?: Relaxation;
  /** The solver's answer was used (false after a fallback to rank and fill). */
  solved: boolean;
};

const fallback = (problem: SelectionProblem, reason: string): OptimalOutcome => {
  const selection = rankAndFill(problem);
  return {
    selection,
    committed: committedOf(selection),
    report: { method: 'Rank and fill', note: `Optimal was chosen, but ${reason}; rank and fill was used instead.` },
    solved: false,
  };
};

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The LP relaxation of the selection: its bound and shadow prices. Undefined when the solver cannot give them. */
export async function solveRelaxation(
  problem: SelectionProblem,
  objective: Objective,
  timeLimitSeconds: number,
  solver: Solver,
  exactUpTo?: number,
): Promise<Relaxation | undefined> {
  return relax(problem, { objective, timeLimitSeconds, ...(exactUpTo !== undefined ? { exactUpTo } : {}) }, solver);
}

async function relax(original: SelectionProblem, options: Pick<OptimalOptions, 'objective' | 'timeLimitSeconds' | 'exactUpTo' | 'searchNodes'>, solver: Solver): Promise<Relaxation | undefined> {
  // Over horizons the shadow prices would be per team and horizon: not worked out yet.
  if (isRoadmap(original)) return undefined;
  const problem = settled(original);
  if (openPositions(problem).length === 0) return undefined;
  const built = selectionModel(problem, {
    objective: options.objective,
    integer: false,
    timeLimitSeconds: options.timeLimitSeconds,
    relativeGap: 0,
  });
  let lp: SolverSolution;
  try {
    lp = (searchable(problem, options) && relaxationInEngine(built.model)) || (await solver(built.model));
  } catch {
    return undefined; // The bound is a report, not a requirement: the MIP still runs.
  }
  if (lp.status !== 'optimal' || lp.objective === undefined) return undefined;
  const teamPrices = new Map<string, number>();
  let inFlightPrice = 0;
  built.rowTeams.forEach((team, row) => {
    const price = Math.max(0, lp.rowDuals?.[row] ?? 0);
    if (team === undefined) inFlightPrice = price;
    else teamPrices.set(team, price);
  });
  const reducedCosts = new Map<number, number>();
  built.columns.forEach((position, column) => reducedCosts.set(position, lp.reducedCosts?.[column] ?? 0));
  return { bound: lp.objective, teamPrices, inFlightPrice, reducedCosts };
}

/** The better of rank and fill and the hint, as the solver's starting plan. */
function startingPlan(problem: SelectionProblem, options: OptimalOptions): { committed: boolean[]; fromHint: boolean } {
  // Rank and fill keeps every cap when forced-in candidates lead the ranking, as the engine ranks them;
  // should a caller break that order, the forced-in set alone is the safe start.
  const ranked = committedOf(rankAndFill(problem));
  const rf = infeasibility(problem, ranked) ? problem.candidates.map((c) => c.status === 'forced-in') : ranked;
  // A hint that no longer fits (a drawn future's larger demands) gives what of it still does.
  const hint = options.hint && (infeasibility(problem, options.hint) ? fitted(problem, options.hint, options.objective) : options.hint);
  if (hint && !infeasibility(problem, hint) && planObjective(problem, hint, options.objective) > planObjective(problem, rf, options.objective)) {
    return { committed: [...hint], fromHint: true };
  }
  return { committed: rf, fromHint: false };
}

const inEngine = (problem: SelectionProblem, options: Pick<OptimalOptions, 'exactUpTo'>): boolean => openPositions(problem).length <= (options.exactUpTo ?? EXACT_UP_TO);

/** Within reach of the engine's gap search and LP relaxation; `exactUpTo: 0` sends everything to the solver. */
const searchable = (problem: SelectionProblem, options: Pick<OptimalOptions, 'exactUpTo' | 'searchNodes'>): boolean =>
  options.exactUpTo !== 0 && (inEngine(problem, options) || options.searchNodes !== undefined || openPositions(problem).length <= SEARCH_UP_TO);

/**
 * The MIP: by the engine's exact path when the selection is small; by its gap search when larger, up to
 * SEARCH_UP_TO open candidates (in the solver's worker when it runs the search there); by the solver when
 * neither proves a plan, starting from the best they found.
 */
async function solveMip(problem: SelectionProblem, options: OptimalOptions, model: SolverModel, solver: Solver): Promise<SolverSolution> {
  if (!searchable(problem, options)) return solver(model);
  if (inEngine(problem, options)) {
    const engine = mipInEngine(model);
    if (engine.solution) return engine.solution;
    const better = engine.start && model.start && dot(model.objective, engine.start) > dot(model.objective, model.start);
    return solver(better ? { ...model, start: engine.start } : model);
  }
  const search = options.searchNodes !== undefined ? { nodeLimit: options.searchNodes } : {};
  if (solver.runsSearch) return solver({ ...model, search });
  const first = engineFirst(model, options.searchNodes);
  return 'solution' in first ? first.solution : solver(first.model);
}

/** The one entry point of the Optimal method: over horizons when the problem has two or more (roadmapOptimal.ts). */
export async function selectOptimal(original: SelectionProblem, options: OptimalOptions, solver: Solver): Promise<OptimalOutcome> {
  if (isRoadmap(original)) return selectOptimalRoadmap(original, options, solver);
  // Overrides settled against the dependencies first: every check below then sees the same statuses.
  const problem = settled(original);
  const { objective } = options;
  const relativeGap = options.relativeGap ?? MIP_RELATIVE_GAP;
  const rf = committedOf(rankAndFill(problem));
  const rankAndFillReport = { value: planObjective(problem, rf, objective), committedValue: committedValue(problem, rf) };
  const start = startingPlan(problem, options);
  const startValue = planObjective(problem, start.committed, objective);

  let relaxation: Relaxation | undefined;
  let committed: boolean[];
  let solverBound: number | undefined;
  let timedOut = false;
  let note: string | undefined;
  if (openPositions(problem).length === 0) {
    committed = start.committed; // Nothing to choose: the plan is the forced-in set.
  } else {
    // The relaxation's time comes out of the same limit, so the whole solve keeps the time limit.
    let spentSeconds = 0;
    if (options.relaxation !== false) {
      const started = options.clock();
      relaxation = await relax(problem, options, solver);
      spentSeconds = (options.clock() - started) / 1000;
    }
    const left = solveSeconds(options.timeLimitSeconds, spentSeconds);
    const built = selectionModel(problem, { objective, integer: true, timeLimitSeconds: left, relativeGap, start: start.committed });
    let mip: SolverSolution;
    try {
      mip = await solveMip(problem, options, built.model, solver);
    } catch (error) {
      return fallback(problem, `the solver failed (${describeError(error)})`);
    }
    if (mip.status === 'infeasible') return fallback(problem, 'the solver reported the caps impossible to meet, which they are not');
    if (mip.status === 'error') return fallback(problem, `the solver failed (${mip.message ?? 'no reason given'})`);
    const answer = committedFromValues(problem, built.columns, mip.values);
    if (!answer) return fallback(problem, mip.values.length === 0 ? 'the solver found no plan in its time limit' : 'the solver returned values that are not yes/no choices');
    const broken = infeasibility(problem, answer);
    if (broken) return fallback(problem, `the solver's plan failed the capacity check (${broken})`);
    committed = topUp(problem, answer, objective);
    timedOut = mip.status === 'time-limit';
    solverBound = mip.bound;
    if (planObjective(problem, committed, objective) < startValue) {
      committed = start.committed;
      note = `the solver's plan scored below ${start.fromHint ? 'the plan it started from' : 'rank and fill'}, which is kept`;
    }
  }

  const value = planObjective(problem, committed, objective);
  const bound = bestBound(value, [solverBound, relaxation?.bound, simpleBound(problem, objective)]);
  const gap = provenGap(value, bound);
  if (timedOut) note = limitNote(options.searchNodes !== undefined ? `search's limit of ${options.searchNodes} nodes` : `${options.timeLimitSeconds} s time limit`, gap, note);
  const report: SelectionReport = {
    method: 'Optimal',
    ...(note ? { note } : {}),
    optimisation: {
      objective,
      value,
      bound,
      lpBound: relaxation?.bound,
      gap,
      timedOut,
      committedValue: committedValue(problem, committed),
      rankAndFill: rankAndFillReport,
      improvement: value - rankAndFillReport.value,
    },
  };
  return {
    selection: decisionsForChosenSet(problem, committed),
    committed,
    report,
    ...(relaxation ? { relaxation } : {}),
    solved: true,
  };
}
