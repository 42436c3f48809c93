// The pane's side of the confidence worker: a `Drawer` that posts the written
// plan to a fresh Web Worker and reports its progress. Cancel terminates the
// worker at once (a worker deep in its draws hears no message), so the job
// gives no figures; the next job starts another worker.

import type { Drawer } from '../../app/confidenceDraws';
import type { Confidence } from '../../engine/confidence';
import type { DrawMessage, DrawRequest } from './confidenceProtocol';

/** What the drawer needs of a Worker, so tests can hand it a fake one. */
export type DrawWorkerLike = {
  postMessage(message: DrawRequest): void;
  terminate(): void;
  onmessage: ((event: { data: DrawMessage }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
};

export function workerDrawer(createWorker: () => DrawWorkerLike): Drawer {
  return (plan, onProgress) => {
    let worker: DrawWorkerLike | undefined;
    let settle: ((value: Confidence | undefined) => void) | undefined;
    const result = new Promise<Confidence | undefined>((resolve, reject) => {
      const end = () => {
        worker?.terminate();
        worker = undefined;
      };
      settle = (value) => {
        end();
        resolve(value);
      };
      try {
        worker = createWorker();
      } catch (error) {
        return reject(new Error(`the confidence worker could not start (${error instanceof Error ? error.message : String(error)})`));
      }
      worker.onmessage = ({ data }) => {
        if (data.kind === 'progress') onProgress(data.done, data.total);
        else if (data.kind === 'drawn') settle?.(data.confidence);
        else {
          end();
          reject(new Error(data.error));
        }
      };
      worker.onerror = (event) => {
        end();
        reject(new Error(`the confidence worker failed${event.message ? ` (${event.message})` : ''}`));
      };
      worker.postMessage({ plan });
    });
    return { result, cancel: () => settle?.(undefined) };
  };
}
