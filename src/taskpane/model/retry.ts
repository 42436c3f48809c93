// Excel refuses every change while the user is typing in a cell. The pane says
// so and tries again until the user leaves the cell, or stops waiting.

import { WorkbookProblemError } from '../../port/workbookPort';

export const isEditingError = (error: unknown): boolean => error instanceof WorkbookProblemError && error.problem.kind === 'editing';

export type Waiting = { cancelled: boolean };

/**
 * Run `attempt` until it is not refused for cell-edit mode. `onWaiting` is told once when waiting starts.
 * Resolves undefined if `waiting.cancelled` is set while waiting.
 */
export async function retryWhileEditing<T>(
  attempt: () => Promise<T>,
  isRefused: (result: T) => boolean,
  options: { delayMs: number; onWaiting: () => void; waiting: Waiting },
): Promise<T | undefined> {
  let told = false;
  for (;;) {
    let refused: boolean;
    let result: T | undefined;
    try {
      result = await attempt();
      refused = isRefused(result);
    } catch (error) {
      if (!isEditingError(error)) throw error;
      refused = true;
    }
    if (!refused) return result;
    if (!told) {
      told = true;
      options.onWaiting();
    }
    await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (options.waiting.cancelled) return undefined;
  }
}
