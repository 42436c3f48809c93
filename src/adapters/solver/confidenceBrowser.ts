// The browser's drawer: the futures drawn in a Web Worker. Only this file
// names the worker module, so webpack splits it into a chunk of its own.

import type { Drawer } from '../../app/confidenceDraws';
import { workerDrawer, type DrawWorkerLike } from './confidenceWorker';

const createDrawWorker = (): DrawWorkerLike => new Worker(/* webpackChunkName: "confidence-worker" */ new URL('./confidence.worker.ts', import.meta.url)) as unknown as DrawWorkerLike;

export const confidenceWorkerDrawer = (): Drawer => workerDrawer(createDrawWorker);
