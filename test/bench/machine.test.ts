import { randomAccessNs, singleCycle } from '../../bench/machine';

describe('the memory speed probe', () => {
  test.each([2, 3, 17, 1000])('following the permutation of %i slots from 0 visits every slot once before coming back', (size) => {
    const next = singleCycle(size);
    const seen = new Set<number>();
    let at = 0;
    do {
      expect(seen.has(at)).toBe(false);
      seen.add(at);
      at = next[at]!;
    } while (at !== 0);
    expect(seen.size).toBe(size);
  });

  test('reports a positive time per read', () => {
    const ns = randomAccessNs(1 << 12, 10_000);
    expect(Number.isFinite(ns)).toBe(true);
    expect(ns).toBeGreaterThan(0);
  });
});
