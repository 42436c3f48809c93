import { FRESH_BUFFER_MB, freshPageUs, pageFaults, randomAccessNs, singleCycle } from '../../bench/machine';

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

describe('the fresh memory probe', () => {
  const globals = global as { gc?: () => void };
  const realGc = globals.gc;
  afterEach(() => {
    globals.gc = realGc;
  });

  test('touching a new buffer page by page counts page faults', () => {
    const before = pageFaults();
    const buffer = new Uint8Array(new ArrayBuffer(FRESH_BUFFER_MB << 20));
    for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 1;
    expect(pageFaults()).toBeGreaterThan(before);
  });

  test('reports a positive time per fault when it can let each buffer go', () => {
    let collections = 0;
    globals.gc = () => void collections++;
    const us = freshPageUs();
    expect(us).not.toBeNull();
    expect(us!).toBeGreaterThan(0);
    expect(Number.isFinite(us)).toBe(true);
    expect(collections).toBe(5);
  });

  test('reports nothing without a collector to call, rather than a figure skewed by buffers still held', () => {
    globals.gc = undefined;
    expect(freshPageUs()).toBeNull();
  });
});

