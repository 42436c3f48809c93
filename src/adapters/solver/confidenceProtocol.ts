// The messages between the pane and the confidence Web Worker, and the
// worker's side as a plain function, so Node tests run it as the worker does.
// The worker draws a written plan's futures with the method that chose it
// (HiGHS, loaded in the worker, only for an optimal plan) and posts progress as
// it goes; the pane cancels by terminating the worker.

import type { Confidence } from '../../engine/confidence';
import type { Plan } from '../../engine/plan';
import { withConfidenceBy } from '../../engine/prioritiseWith';
import type { Clock, Solver } from '../../engine/select/solver';

export type DrawRequest = { plan: Plan };
export type DrawMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'drawn'; confidence: Confidence | undefined }
  | { kind: 'failed'; error: string };

/** Progress is posted at most every 1% of the futures and every 150 ms: often enough for a bar, rarely enough to cost the pane nothing. */
const PROGRESS_STEP = 0.01;
const PROGRESS_MS = 150;

/** Answers one request: the figures, with progress posted on the way. A failure becomes a message, never an unhandled error. */
export function drawAnswerer(solver: Solver, clock: Clock): (request: DrawRequest, post: (message: DrawMessage) => void) => Promise<void> {
  return async ({ plan }, post) => {
    try {
      let posted = 0;
      let postedAt = -Infinity;
      const sure = await withConfidenceBy(plan, solver, {
        clock,
        onProgress: (done, total) => {
          if (done !== total && done - posted < Math.max(1, Math.floor(total * PROGRESS_STEP))) return;
          const at = clock();
          if (done === total || at - postedAt >= PROGRESS_MS) {
            posted = done;
            postedAt = at;
            post({ kind: 'progress', done, total });
          }
        },
      });
      post({ kind: 'drawn', confidence: sure.confidence });
    } catch (error) {
      post({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
}
