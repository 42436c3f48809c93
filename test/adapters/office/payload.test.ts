import fc from 'fast-check';
import { ACTION_OVERHEAD_BYTES, jsonBytes, requestBudget, rowChunks } from '../../../src/adapters/office/payload';

describe('rowChunks', () => {
  it('cuts rows into consecutive blocks that each fit the size, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 5 }), { maxLength: 200 }), (rows) => {
        const chunks = rowChunks(rows, 500);
        expect(chunks.flatMap((c) => c.rows)).toEqual(rows);
        chunks.forEach((c, i) => expect(c.first).toBe(chunks.slice(0, i).reduce((n, p) => n + p.rows.length, 0)));
        for (const c of chunks) if (c.rows.length > 1) expect(jsonBytes(c.rows)).toBeLessThanOrEqual(500);
      }),
    );
  });

  it('keeps a single row larger than the size whole, in a block of its own', () => {
    const big = ['x'.repeat(1000)];
    expect(rowChunks([['a'], big, ['b']], 100).map((c) => c.rows)).toEqual([[['a']], [big], [['b']]]);
  });

  it('reports each block\'s size as its serialised length, at least', () => {
    for (const chunk of rowChunks<string | number | boolean>([['abc', 1], ['d', true]], 1000)) expect(chunk.bytes).toBeGreaterThanOrEqual(jsonBytes(chunk.rows));
  });
});

describe('requestBudget', () => {
  const counting = () => {
    const context = { syncs: 0, sync: async () => void context.syncs++ };
    return context;
  };

  it('sends nothing early while the queued writes fit', async () => {
    const context = counting();
    const budget = requestBudget(context, 10_000);
    for (let i = 0; i < 5; i++) await budget.spend(1_000);
    expect(context.syncs).toBe(0);
    expect(budget.queued).toBe(5 * (1_000 + ACTION_OVERHEAD_BYTES));
  });

  it('sends the queue first when the next write would pass the limit', async () => {
    const context = counting();
    const budget = requestBudget(context, 3_000);
    await budget.spend(2_000);
    await budget.spend(2_000);
    expect(context.syncs).toBe(1);
    expect(budget.queued).toBe(2_000 + ACTION_OVERHEAD_BYTES);
  });

  it('never sends an empty request, even for a write larger than the limit', async () => {
    const context = counting();
    await requestBudget(context, 100).spend(5_000);
    expect(context.syncs).toBe(0);
  });
});
