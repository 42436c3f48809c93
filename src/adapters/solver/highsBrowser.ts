// The browser's solver: HiGHS in a Web Worker. Only this file names the worker
// module, so webpack splits the worker, HiGHS and its WebAssembly into chunks
// of their own; nothing is fetched until the first optimal plan is asked for.

import { workerSolver, type WorkerLike, type WorkerSolver } from './highsWorker';

// A DOM Worker types its handlers with MessageEvent; the client reads only `data` and `message`.
const createHighsWorker = (): WorkerLike => new Worker(new URL('./highs.worker.ts', import.meta.url)) as unknown as WorkerLike;

export const highsWorkerSolver = (): WorkerSolver => workerSolver(createHighsWorker);
