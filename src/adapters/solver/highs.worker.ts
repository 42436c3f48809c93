// The solver's Web Worker: HiGHS runs here, off the pane's UI thread. Webpack
// emits this file, HiGHS and its WebAssembly as chunks of their own, fetched
// only when the pane first asks for an optimal plan.

import loadHighs from 'highs';
import { requestAnswerer, type SolveRequest, type SolveResponse } from './workerProtocol';

type WorkerScope = { onmessage: ((event: MessageEvent<SolveRequest>) => void) | null; postMessage(message: SolveResponse): void };
const scope = self as unknown as WorkerScope;
const answer = requestAnswerer(() => loadHighs());

scope.onmessage = (event) => {
  void answer(event.data).then((response) => scope.postMessage(response));
};
