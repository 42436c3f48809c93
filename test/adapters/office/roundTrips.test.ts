// The performance contract, measured on the counting fake: round trips
// that do not grow with the rows, and no request over 4 MB.

import { runPlan } from '../../../src/app/runPlan';
import { REQUEST_LIMIT_BYTES } from '../../../src/adapters/office/payload';
import { NOW, generatedWorkbook, portOn, syncsSince } from './workbooks';

async function measure(rows: number) {
  const fake = generatedWorkbook(rows);
  const result = await runPlan(portOn(fake), { now: NOW });
  return { result, syncs: syncsSince(fake) };
}

describe('round trips of a whole run (read and write)', () => {
  it('are four for 10 initiatives and for 2,000, whose writes fit in one request', async () => {
    const small = await measure(10);
    const large = await measure(2_000);
    expect([small.result.kind, large.result.kind]).toEqual(['written', 'written']);
    expect([small.syncs.length, large.syncs.length]).toEqual([4, 4]);
  });

  describe('for 10,000 initiatives', () => {
    let large: Awaited<ReturnType<typeof measure>>;
    beforeAll(async () => {
      large = await measure(10_000);
    });

    it('are five: the read and the check take the same three, and 5.5 MB of outputs need a second write request', () => {
      expect(large.result.kind).toBe('written');
      expect(large.syncs).toHaveLength(5);
      expect(large.syncs.slice(0, 3).every((s) => s.requestBytes < 10_000)).toBe(true);
    });

    it('never send a request over 4 MB', () => {
      expect(Math.max(...large.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    });
  });
});
