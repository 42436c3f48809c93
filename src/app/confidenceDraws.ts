// Who draws the futures once the plan is on screen: a `Drawer`. The pane's
// draws run in a Web Worker (adapters/solver/confidenceWorker.ts) so the room
// can read and scroll the plan meanwhile; tests and front ends without workers
// draw in this thread. Either way a job can be cancelled, and a cancelled job
// gives no figures at all: a partial count is never written.

import type { Confidence } from '../engine/confidence';
import type { Plan } from '../engine/plan';
import { withConfidenceBy } from '../engine/prioritiseWith';
import type { Clock, Solver } from '../engine/select/solver';

/** One run of the draws: its figures (undefined once cancelled), and the way to stop it. */
export type DrawJob = { result: Promise<Confidence | undefined>; cancel(): void };

/** Starts drawing a written plan's futures, telling `onProgress` how many are done. */
export type Drawer = (plan: Plan, onProgress: (done: number, total: number) => void) => DrawJob;

/**
 * Draws in this thread, with the method that chose the plan (the solver for an optimal one). Rank and
 * fill never waits between futures, so a cancel is heard at the next future only when it comes from
 * the same turn (a progress callback); front ends with a Web Worker use the worker's drawer.
 */
export function inThreadDrawer(solver: Solver | undefined, clock: Clock): Drawer {
  return (plan, onProgress) => {
    let cancelled = false;
    const result = withConfidenceBy(plan, solver, { clock, cancelled: () => cancelled, onProgress }).then((sure) => (cancelled ? undefined : sure.confidence));
    return { result, cancel: () => void (cancelled = true) };
  };
}
