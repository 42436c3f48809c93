// The messages between the pane and the solver's Web Worker, and the worker's
// side of the exchange as a plain function, so Node tests run it with real HiGHS.

import type { Highs } from 'highs';
import type { SolverModel, SolverSolution } from '../../engine/select/solver';
import { solveWithHighs } from './highsSolve';

export type SolveRequest = { id: number; model: SolverModel };
export type SolveResponse = { id: number; ok: true; solution: SolverSolution } | { id: number; ok: false; error: string };

/** Answers each request; loads HiGHS on the first one. A failure becomes an answer, never an unhandled error. */
export function requestAnswerer(load: () => Promise<Highs>): (request: SolveRequest) => Promise<SolveResponse> {
  let runtime: Promise<Highs> | undefined;
  return async ({ id, model }) => {
    try {
      runtime ??= load();
      return { id, ok: true, solution: solveWithHighs(await runtime, model) };
    } catch (error) {
      runtime = undefined; // A failed load or a broken instance is replaced on the next request.
      return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
