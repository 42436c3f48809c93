// Excel refuses requests while the user is typing in a cell. Rather than fail,
// the add-in waits and tries again, a little less often each time, until the
// user leaves the cell or a time limit passes.

import { isCellEditError } from './officeErrors';

export type RetryOptions<T> = {
  /** Tells a result that means "Excel was in cell-edit mode" (e.g. a write outcome of kind 'editing'). */
  isEditing?: (result: T) => boolean;
  /** Called once, when the first attempt finds Excel in cell-edit mode, so the pane can say so. */
  onEditing?: () => void;
  /** Waits between attempts, in ms; the last one repeats. */
  delaysMs?: readonly number[];
  /** Stop trying after this long, in ms, and hand back the last result (or error). */
  giveUpAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

export const RETRY_DELAYS_MS = [250, 500, 1000, 2000] as const;
export const GIVE_UP_AFTER_MS = 5 * 60_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function retryWhenEditingEnds<T>(attempt: () => Promise<T>, options: RetryOptions<T> = {}): Promise<T> {
  const delays = options.delaysMs ?? RETRY_DELAYS_MS;
  const sleep = options.sleep ?? defaultSleep;
  const giveUpAfter = options.giveUpAfterMs ?? GIVE_UP_AFTER_MS;
  const editing = (result: Attempt<T>) => (result.ok ? (options.isEditing?.(result.value) ?? false) : isCellEditError(result.error));
  let waited = 0;
  for (let tries = 0; ; tries++) {
    const result = await attempt().then(
      (value): Attempt<T> => ({ ok: true, value }),
      (error: unknown): Attempt<T> => ({ ok: false, error }),
    );
    const delay = delays[Math.min(tries, delays.length - 1)] ?? 1000;
    if (!editing(result) || waited + delay > giveUpAfter) {
      if (result.ok) return result.value;
      throw result.error;
    }
    if (tries === 0) options.onEditing?.();
    await sleep(delay);
    waited += delay;
  }
}
