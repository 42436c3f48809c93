// Cancel for a run that plans long (the Optimal method with its economics).
// Nothing is written until the plan is made, so a run cancelled while it reads
// or plans leaves the workbook as it was: the cancelled planner rejects at once,
// runPlan never reaches its write, and the work still under way is cut short
// (the solver's answers refused, its budgets spent) so it does not keep the
// machine busy. A write, once started, is never cut off: a half-written
// workbook is worse than a late Cancel.

import type { Planner } from '../../app/runPlan';
import type { Clock, Solver } from '../../engine/select/solver';
import type { RunState } from '../controller/paneController';

export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled before anything was written.');
    this.name = 'RunCancelled';
  }
}

/** Cancel is offered while the run reads or plans; saving the settings and writing the plan finish once begun. */
export const canCancel = (run: RunState): boolean => run.status === 'busy' && (run.step === 'reading' || run.step === 'planning');

/**
 * The Cancel button: enabled while the run reads or plans, shown but disabled while it writes (so the
 * button does not vanish under the pointer), absent for everything else.
 */
export const cancelOffer = (run: RunState): 'enabled' | 'disabled' | undefined =>
  canCancel(run) ? 'enabled' : run.status === 'busy' && run.step === 'writing' ? 'disabled' : undefined;

/** Rejects as soon as the signal is aborted. */
const aborted = (signal: AbortSignal): Promise<never> =>
  new Promise((_, reject) => {
    if (signal.aborted) reject(new RunCancelled());
    else signal.addEventListener('abort', () => reject(new RunCancelled()), { once: true });
  });

/** The planner, whose answer is given up the moment the run is cancelled. */
export function cancellablePlanner(planner: Planner, signal: AbortSignal): Planner {
  return async (input, context) => {
    if (signal.aborted) throw new RunCancelled();
    const stopped = aborted(signal);
    stopped.catch(() => undefined); // a run that ends before any cancel leaves this promise waiting, unheard
    return Promise.race([Promise.resolve(planner(input, context)), stopped]);
  };
}

/** A planner that can cut its work short when the run it serves is cancelled (the pane's Optimal planner). */
export type Stoppable = { stop: () => void };

export const isStoppable = (planner: unknown): planner is Stoppable => typeof (planner as Partial<Stoppable> | undefined)?.stop === 'function';

/**
 * The solver for one run: once stopped it answers no more models (the solve under way is ended by
 * whoever stops it), so the engine falls back quickly and the run's work ends.
 */
export function stoppableSolver(solver: Solver, stopped: () => boolean): Solver {
  const stoppable = async (model: Parameters<Solver>[0]) => {
    if (stopped()) throw new RunCancelled();
    const solution = await solver(model);
    if (stopped()) throw new RunCancelled();
    return solution;
  };
  // A solver that runs the engine's gap search (the pane's worker) still does behind the wrapper.
  return solver.runsSearch ? Object.assign(stoppable, { runsSearch: true as const }) : stoppable;
}

/** The run's clock: once stopped, every time budget of the economics reads as spent, so no re-solve starts. */
export function stoppableClock(clock: Clock, stopped: () => boolean): Clock {
  const SPENT_MS = 1e12;
  return () => (stopped() ? clock() + SPENT_MS : clock());
}
