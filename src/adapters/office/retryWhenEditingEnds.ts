// Excel refuses requests while the user is typing in a cell. Rather than fail, the adapter waits and
// tries again, a little less often each time, until the user leaves the cell or a time limit passes
// (the loop is the port's `retryWhileEditing`, told Excel's own error).

import { retryWhileEditing, type EditingRetry } from '../../port/editing';
import { isCellEditError } from './officeErrors';

export type RetryOptions<T> = Pick<EditingRetry<T>, 'isEditing' | 'onEditing' | 'delaysMs' | 'giveUpAfterMs' | 'sleep'>;

export const RETRY_DELAYS_MS = [250, 500, 1000, 2000] as const;
export const GIVE_UP_AFTER_MS = 5 * 60_000;

export async function retryWhenEditingEnds<T>(attempt: () => Promise<T>, options: RetryOptions<T> = {}): Promise<T> {
  const settled = await retryWhileEditing(attempt, { delaysMs: RETRY_DELAYS_MS, giveUpAfterMs: GIVE_UP_AFTER_MS, ...options, isEditingError: isCellEditError });
  // Never stopped from outside, so the loop ends only with a result or an error.
  return settled as T;
}
