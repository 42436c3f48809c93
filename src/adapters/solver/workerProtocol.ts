// The messages between the pane and the solver's Web Worker, and the worker's
// side of the exchange as a plain function, so Node tests run it with real HiGHS.

import type { Highs } from 'highs';
import { engineFirst } from '../../engine/select/exactPath';
import type { SolverModel, SolverSolution } from '../../engine/select/solver';
import { solveWithHighs } from './highsSolve';

export type SolveRequest = { id: number; model: SolverModel };
export type SolveResponse = { id: number; ok: true; solution: SolverSolution } | { id: number; ok: false; error: string };

/**
 * Answers each request: by the engine's gap search first when the model asks for it, else (or when it
 * proves nothing) by HiGHS, loaded on the first model that needs it. A failure becomes an answer, never
 * an unhandled error.
 */
export function requestAnswerer(load: () => Promise<Highs>): (request: SolveRequest) => Promise<SolveResponse> {
  let runtime: Promise<Highs> | undefined;
  return async ({ id, model: asked }) => {
    try {
      let model = asked;
      if (asked.search) {
        const { search, ...plain } = asked;
        const first = engineFirst(plain, search.nodeLimit);
        if ('solution' in first) return { id, ok: true, solution: first.solution };
        model = first.model;
      }
      runtime ??= load();
      return { id, ok: true, solution: solveWithHighs(await runtime, model) };
    } catch (error) {
      runtime = undefined; // A failed load or a broken instance is replaced on the next request.
      return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
