// The pane's side of the solver worker: a `Solver` that posts each model to
// one Web Worker, created on the first solve, and matches answers by id. A
// worker that errors or stops answering is terminated and replaced, and the
// solve rejects, so the engine falls back to rank and fill and says so.

import type { Solver, SolverModel, SolverSolution } from '../../engine/select/solver';
import type { SolveRequest, SolveResponse } from './workerProtocol';

/** What the client needs of a Worker, so tests can hand it a fake one. */
export type WorkerLike = {
  postMessage(message: SolveRequest): void;
  terminate(): void;
  onmessage: ((event: { data: SolveResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
};

export type WorkerSolver = Solver & { dispose(): void; readonly runsSearch: true };

export type WorkerSolverOptions = {
  /** Seconds allowed beyond the model's time limit (the first solve also loads HiGHS) before the worker counts as hung. */
  graceSeconds?: number;
};

type Pending = { resolve: (solution: SolverSolution) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };

export function workerSolver(createWorker: () => WorkerLike, options: WorkerSolverOptions = {}): WorkerSolver {
  const graceSeconds = options.graceSeconds ?? 20;
  const pending = new Map<number, Pending>();
  let worker: WorkerLike | undefined;
  let nextId = 1;

  const failAll = (message: string) => {
    worker?.terminate();
    worker = undefined;
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      pending.delete(id);
      p.reject(new Error(message));
    }
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const created = createWorker();
    created.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return; // An answer after a timeout: nobody waits for it any more.
      clearTimeout(p.timer);
      pending.delete(data.id);
      if (data.ok) p.resolve(data.solution);
      else p.reject(new Error(data.error));
    };
    created.onerror = (event) => failAll(`the solver worker failed${event.message ? ` (${event.message})` : ''}`);
    worker = created;
    return created;
  };

  const solve = (model: SolverModel): Promise<SolverSolution> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const limit = model.timeLimitSeconds + graceSeconds;
      const timer = setTimeout(() => failAll(`the solver did not answer within ${limit} s`), limit * 1000);
      pending.set(id, { resolve, reject, timer });
      try {
        ensureWorker().postMessage({ id, model });
      } catch (error) {
        failAll(`the solver worker could not start (${error instanceof Error ? error.message : String(error)})`);
      }
    });

  // The worker runs the engine's gap search too (workerProtocol.ts), so the UI thread hands it the larger models.
  return Object.assign(solve, { dispose: () => failAll('the solver was closed'), runsSearch: true as const });
}
