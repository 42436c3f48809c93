// The pane's planner: the engine with HiGHS in a Web Worker. The worker, HiGHS
// and its WebAssembly load on the first optimal run too large for the engine's
// own exact path; a rank-and-fill run, or a small portfolio, never touches them.

import { highsWorkerSolver } from '../adapters/solver/highsBrowser';
import type { WorkerSolver } from '../adapters/solver/highsWorker';
import type { Planner } from '../app/runPlan';
import { prioritise } from '../engine/plan';
import { prioritiseWith } from '../engine/prioritiseWith';
import type { Planners } from './model/planners';
import type { Solver } from '../engine/select/solver';

let worker: WorkerSolver | undefined;
/** HiGHS in the worker, created on the first model the engine's own exact path leaves to it. */
export const paneSolver: Solver = (model) => (worker ??= highsWorkerSolver())(model);

export const panePlanner: Planner = (input, context) => prioritiseWith(input, context, paneSolver, { clock: () => performance.now() });

/** Both methods for the pane: rank and fill stays synchronous and never loads the solver. */
export const PANE_PLANNERS: Planners = { 'Rank and fill': prioritise, Optimal: panePlanner };
