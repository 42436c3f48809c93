import { CELL_EDIT_CODE } from '../../../src/adapters/office/officeErrors';
import { retryWhenEditingEnds } from '../../../src/adapters/office/retryWhenEditingEnds';

const editing = Object.assign(new Error('cell edit'), { code: CELL_EDIT_CODE });

describe('retryWhenEditingEnds', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('returns at once when Excel is not in cell-edit mode', async () => {
    const attempt = jest.fn().mockResolvedValue('done');
    await expect(retryWhenEditingEnds(attempt)).resolves.toBe('done');
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('tries again, waiting longer each time, until the user leaves the cell', async () => {
    const attempt = jest.fn().mockRejectedValueOnce(editing).mockRejectedValueOnce(editing).mockRejectedValueOnce(editing).mockResolvedValue('done');
    const result = retryWhenEditingEnds(attempt, { delaysMs: [100, 200, 400] });
    await jest.advanceTimersByTimeAsync(99);
    expect(attempt).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(200);
    expect(attempt).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(400);
    await expect(result).resolves.toBe('done');
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  it('tells the pane once that it is waiting, however many tries it takes', async () => {
    const onEditing = jest.fn();
    const attempt = jest.fn().mockRejectedValueOnce(editing).mockRejectedValueOnce(editing).mockResolvedValue('done');
    const result = retryWhenEditingEnds(attempt, { delaysMs: [10], onEditing });
    await jest.advanceTimersByTimeAsync(100);
    await result;
    expect(onEditing).toHaveBeenCalledTimes(1);
  });

  it('treats an outcome that says "editing" like the error, for write()', async () => {
    const attempt = jest.fn<Promise<{ kind: string }>, []>().mockResolvedValueOnce({ kind: 'editing' }).mockResolvedValue({ kind: 'ok' });
    const result = retryWhenEditingEnds(attempt, { delaysMs: [10], isEditing: (r) => r.kind === 'editing' });
    await jest.advanceTimersByTimeAsync(10);
    await expect(result).resolves.toEqual({ kind: 'ok' });
  });

  it('gives up after the time limit and hands back Excel\'s error', async () => {
    const attempt = jest.fn().mockRejectedValue(editing);
    const result = retryWhenEditingEnds(attempt, { delaysMs: [100], giveUpAfterMs: 300 });
    const settled = expect(result).rejects.toBe(editing);
    await jest.advanceTimersByTimeAsync(1_000);
    await settled;
    expect(attempt).toHaveBeenCalledTimes(4);
  });

  it('does not retry other errors', async () => {
    const other = Object.assign(new Error('gone'), { code: 'ItemNotFound' });
    const attempt = jest.fn().mockRejectedValue(other);
    await expect(retryWhenEditingEnds(attempt)).rejects.toBe(other);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
