// Excel refuses every change while the user is typing in a cell. One test for that refusal as the
// port reports it, and one loop that waits it out: the Office adapter waits on Excel's own error
// before giving up with the port's 'editing' problem, and the pane waits on the port, telling the
// user it waits, until the user leaves the cell or stops waiting.

import { WorkbookProblemError } from './workbookPort';

/** The port's refusal for cell-edit mode. */
export const isEditingError = (error: unknown): boolean => error instanceof WorkbookProblemError && error.problem.kind === 'editing';

export type EditingRetry<T> = {
  /** An error that means Excel was in cell-edit mode (by default the port's refusal). */
  isEditingError?: (error: unknown) => boolean;
  /** A result that means the same (a write outcome of kind 'editing'). */
  isEditing?: (result: T) => boolean;
  /** Called once, when the first attempt is refused, so the pane can say it waits. */
  onEditing?: () => void;
  /** Waits between attempts, in ms; the last one repeats. */
  delaysMs?: readonly number[];
  /** Stop trying after this long, in ms, and hand back the last result (or error). */
  giveUpAfterMs?: number;
  /** Asked after each wait: true when the user stopped waiting, and the retry resolves undefined. */
  stopped?: () => boolean;
  sleep?: (ms: number) => Promise<void>;
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Run `attempt` until Excel no longer refuses it for cell-edit mode; undefined only when `stopped`. */
export async function retryWhileEditing<T>(attempt: () => Promise<T>, options: EditingRetry<T> = {}): Promise<T | undefined> {
  const delays = options.delaysMs ?? [1000];
  const sleep = options.sleep ?? defaultSleep;
  const giveUpAfter = options.giveUpAfterMs ?? Infinity;
  const editingError = options.isEditingError ?? isEditingError;
  const editing = (result: Attempt<T>) => (result.ok ? (options.isEditing?.(result.value) ?? false) : editingError(result.error));
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
    if (options.stopped?.()) return undefined;
  }
}
