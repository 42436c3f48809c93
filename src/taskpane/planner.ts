// The pane's planner: the engine with HiGHS in a Web Worker. The worker, HiGHS
// and its WebAssembly load on the first optimal run too large for the engine's
// own exact path; a rank-and-fill run, or a small portfolio, never touches them.

import { highsWorkerSolver } from '../adapters/solver/highsBrowser';
import type { WorkerSolver } from '../adapters/solver/highsWorker';
import type { Planner } from '../app/runPlan';
import { prioritise } from '../engine/plan';
import { prioritiseWith } from '../engine/prioritiseWith';
import { stoppableClock, stoppableSolver, type Stoppable } from './model/cancelRun';
import type { Planners } from './model/planners';
import type { Solver } from '../engine/select/solver';

let worker: WorkerSolver | undefined;
/** HiGHS in the worker, created on the first model the engine's own exact path leaves to it. */
/** It runs the engine's gap search too, so larger optimal plans and their futures are searched off the UI thread. */
export const paneSolver: Solver = Object.assign((model: Parameters<Solver>[0]) => (worker ??= highsWorkerSolver())(model), { runsSearch: true as const });

/** The run under way; `stop` (the pane's Cancel) ends its solve and lets it start no more. */
let current = { stopped: false };

export const panePlanner: Planner & Stoppable = Object.assign(
  ((input, context) => {
    const run = (current = { stopped: false });
    const stopped = () => run.stopped;
    return prioritiseWith(input, context, stoppableSolver(paneSolver, stopped), { clock: stoppableClock(() => performance.now(), stopped) });
  }) satisfies Planner,
  {
    stop: () => {
      current.stopped = true;
      worker?.dispose(); // the worker is made again for the next solve
    },
  },
);

/** Both methods for the pane: rank and fill stays synchronous and never loads the solver. */
export const PANE_PLANNERS: Planners = { 'Rank and fill': prioritise, Optimal: panePlanner };
