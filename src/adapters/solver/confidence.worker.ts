// The confidence Web Worker: the futures are drawn here, off the pane's UI
// thread. HiGHS is fetched only when an optimal plan's futures need it.

import type { Highs } from 'highs';
import type { Solver } from '../../engine/select/solver';
import { drawAnswerer, type DrawMessage, type DrawRequest } from './confidenceProtocol';
import { solveWithHighs } from './highsSolve';

type WorkerScope = { onmessage: ((event: MessageEvent<DrawRequest>) => void) | null; postMessage(message: DrawMessage): void };
const scope = self as unknown as WorkerScope;

let runtime: Promise<Highs> | undefined;
const solver: Solver = async (model) => {
  runtime ??= import(/* webpackChunkName: "highs" */ 'highs').then((m) => m.default());
  return solveWithHighs(await runtime, model);
};
const answer = drawAnswerer(solver, () => performance.now());

scope.onmessage = (event) => void answer(event.data, (message) => scope.postMessage(message));
