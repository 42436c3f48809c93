import { retryWhileEditing } from '../../../src/taskpane/model/retry';
import { WorkbookProblemError } from '../../../src/port/workbookPort';

const editing = () => new WorkbookProblemError({ kind: 'editing', message: 'editing' });

describe('retrying while Excel is in cell-edit mode', () => {
  test('an attempt that is not refused returns at once without waiting', async () => {
    const onWaiting = jest.fn();
    await expect(retryWhileEditing(async () => 'done', () => false, { delayMs: 1, onWaiting, waiting: { cancelled: false } })).resolves.toBe('done');
    expect(onWaiting).not.toHaveBeenCalled();
  });

  test('a refused attempt is tried again until it passes, and waiting is announced once', async () => {
    const onWaiting = jest.fn();
    let tries = 0;
    const attempt = async () => {
      tries++;
      if (tries < 3) throw editing();
      return tries;
    };
    await expect(retryWhileEditing(attempt, () => false, { delayMs: 1, onWaiting, waiting: { cancelled: false } })).resolves.toBe(3);
    expect(onWaiting).toHaveBeenCalledTimes(1);
  });

  test('a result that says it was refused is tried again too', async () => {
    const results = ['editing', 'editing', 'written'];
    await expect(retryWhileEditing(async () => results.shift()!, (r) => r === 'editing', { delayMs: 1, onWaiting: () => {}, waiting: { cancelled: false } })).resolves.toBe('written');
  });

  test('stopping the wait ends the retries with no result', async () => {
    const waiting = { cancelled: false };
    const attempt = jest.fn(async () => {
      throw editing();
    });
    const result = retryWhileEditing(attempt, () => false, { delayMs: 5, onWaiting: () => (waiting.cancelled = true), waiting });
    await expect(result).resolves.toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('any other failure is not retried', async () => {
    const attempt = jest.fn(async () => {
      throw new Error('broken');
    });
    await expect(retryWhileEditing(attempt, () => false, { delayMs: 1, onWaiting: () => {}, waiting: { cancelled: false } })).rejects.toThrow('broken');
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
