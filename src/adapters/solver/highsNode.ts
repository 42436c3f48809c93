// The solver in Node (command line, bench, tests): HiGHS loaded once, on first use,
// so a run by rank and fill never loads it.

import type { Highs } from 'highs';
import type { Solver } from '../../engine/select/solver';
import { solveWithHighs } from './highsSolve';

let runtime: Promise<Highs> | undefined;

/** A `Solver` backed by HiGHS in this process. The WebAssembly module loads on the first solve. */
export const highsNodeSolver: Solver = async (model) => {
  runtime ??= import('highs').then(({ default: loadHighs }) => loadHighs()).catch((error: unknown) => {
    runtime = undefined; // A failed load is retried on the next solve.
    throw error;
  });
  return solveWithHighs(await runtime, model);
};
