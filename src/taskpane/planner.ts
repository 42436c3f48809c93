// The pane's planner: the engine with HiGHS in a Web Worker. The worker, HiGHS
// and its WebAssembly load on the first optimal run too large for the engine's
// own exact path; a rank-and-fill run, or a small portfolio, never touches them.

import { highsWorkerSolver } from '../adapters/solver/highsBrowser';
import type { WorkerSolver } from '../adapters/solver/highsWorker';
import type { Planner } from '../app/runPlan';
import { confidenceWorkerDrawer } from '../adapters/solver/confidenceBrowser';
import type { Drawer } from '../app/confidenceDraws';
import { stoppableClock, stoppableSolver, type Stoppable } from './model/cancelRun';
import { rankAndFillPlanner, type Planners } from './model/planners';
import { loadPlanning } from './loadPlanning';
import type { Solver } from '../engine/select/solver';

let worker: WorkerSolver | undefined;
/**
 * HiGHS in the worker, created on the first model the engine's own exact path leaves to it. The worker runs
 * the engine's gap search too, so larger optimal plans are searched off the UI thread.
 */
export const paneSolver: Solver = Object.assign((model: Parameters<Solver>[0]) => (worker ??= highsWorkerSolver())(model), { runsSearch: true as const });

/** The plan without its confidence draws: those run in their own worker once the plan is on screen (PANE_DRAWER). */
/** The run under way; `stop` (the pane's Cancel) ends its solve and lets it start no more. */
let current = { stopped: false };

export const panePlanner: Planner & Stoppable = Object.assign(
  (async (input, context) => {
    const run = (current = { stopped: false });
    const stopped = () => run.stopped;
    const { prioritiseWith } = await loadPlanning();
    return prioritiseWith(input, context, stoppableSolver(paneSolver, stopped), { clock: stoppableClock(() => performance.now(), stopped), confidence: false });
  }) satisfies Planner,
  {
    stop: () => {
      current.stopped = true;
      worker?.dispose(); // the worker is made again for the next solve
    },
  },
);

/** Both methods for the pane: rank and fill never loads the solver. */
export const PANE_PLANNERS: Planners = { 'Rank and fill': rankAndFillPlanner, Optimal: panePlanner };

/** The confidence draws in a Web Worker of their own, started after each plan is written. */
export const PANE_DRAWER: Drawer = confidenceWorkerDrawer();
