import { isEditingError, retryWhileEditing } from '../../src/port/editing';
import { WorkbookProblemError } from '../../src/port/workbookPort';

const editing = () => new WorkbookProblemError({ kind: 'editing', message: 'editing' });

describe('retrying while Excel is in cell-edit mode', () => {
  test('an attempt that is not refused returns at once without waiting', async () => {
    const onWaiting = jest.fn();
    await expect(retryWhileEditing(async () => 'done', { delaysMs: [1], onEditing: onWaiting })).resolves.toBe('done');
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
    await expect(retryWhileEditing(attempt, { delaysMs: [1], onEditing: onWaiting })).resolves.toBe(3);
    expect(onWaiting).toHaveBeenCalledTimes(1);
  });

  test('a result that says it was refused is tried again too', async () => {
    const results = ['editing', 'editing', 'written'];
    await expect(retryWhileEditing(async () => results.shift()!, { isEditing: (r) => r === 'editing', delaysMs: [1] })).resolves.toBe('written');
  });

  test('stopping the wait ends the retries with no result', async () => {
    const waiting = { cancelled: false };
    const attempt = jest.fn(async () => {
      throw editing();
    });
    const result = retryWhileEditing(attempt, { delaysMs: [5], onEditing: () => (waiting.cancelled = true), stopped: () => waiting.cancelled });
    await expect(result).resolves.toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('any other failure is not retried', async () => {
    const attempt = jest.fn(async () => {
      throw new Error('broken');
    });
    await expect(retryWhileEditing(attempt, { delaysMs: [1] })).rejects.toThrow('broken');
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  test('the port refusal for cell-edit mode is told from every other problem and error', () => {
    expect(isEditingError(editing())).toBe(true);
    expect(isEditingError(new WorkbookProblemError({ kind: 'changed', message: 'changed' }))).toBe(false);
    expect(isEditingError(new Error('editing'))).toBe(false);
  });
});
