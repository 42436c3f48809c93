// The whole engine on generated portfolios: read, score, gate, select, change impact, layout.
// `engine_ms` is that pipeline; `engine_economics_ms` adds the bottleneck economics that every
// rank-and-fill plan also carries (what one more unit of each team is worth, and so on).

import { prioritise } from '../src/engine/plan';
import { planLayout, type PlanLayout } from '../src/layout/planLayout';
import { generatePortfolio } from './generate';
import { pageFaults } from './machine';
import { heapMb, median, round, timeMedian } from './stats';

export const ENGINE_SIZES = [100, 1000, 10000];

type Portfolio = ReturnType<typeof generatePortfolio>;

export function runEngineOnce(portfolio: Portfolio, economics = false): PlanLayout {
  const input = { initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings };
  return planLayout(prioritise(input, { now: '2026-11-23T10:00:00Z' }, { economics }));
}

/**
 * Heap held by one run's layout (needs --expose-gc): what a collection frees once the layout is
 * let go. The plan itself is garbage by then, except the texts the layout shares with it.
 * Measured from the release, not from before the run, because a result of an earlier run can
 * still be referenced from the stack at that point and would be counted twice.
 */
function retainedMb(portfolio: Portfolio): number | null {
  const gc = global.gc;
  if (!gc) return null;
  let _held: PlanLayout | undefined = runEngineOnce(portfolio); // only held, never read
  gc();
  const heldMb = heapMb();
  _held = undefined;
  gc();
  // At 100 initiatives the plan is smaller than the heap's own noise: never report less than nothing.
  return Math.max(0, round(heldMb - heapMb()));
}

export type EngineBench = {
  engine_ms: Record<string, number>;
  /** The first run at each size, before the warm-up: what a pane's first Run costs once the code is loaded. */
  engine_first_ms: Record<string, number>;
  engine_economics_ms: Record<string, number>;
  heap_mb: Record<string, number>;
  /** Page faults per run (median of the timed runs): the new 4 KB pages the heap took from the system. */
  engine_page_faults: Record<string, number>;
};

export const ENGINE_RUNS = 11;

/**
 * Each size starts from a collected heap, so it does not pay for the previous size's garbage or
 * for generating its portfolio. Three warm-up runs: on these machines the first runs at 10,000
 * are slower while V8 optimises the hot loops and sizes its young generation.
 */
export function benchEngine(runs = ENGINE_RUNS): EngineBench {
  const result: EngineBench = { engine_ms: {}, engine_first_ms: {}, engine_economics_ms: {}, heap_mb: {}, engine_page_faults: {} };
  for (const size of ENGINE_SIZES) {
    const portfolio = generatePortfolio(size, size);
    global.gc?.();
    const start = performance.now();
    runEngineOnce(portfolio);
    result.engine_first_ms[size] = round(performance.now() - start);
    // Faults are counted inside each timed run (a system call of a few microseconds); the warm-up runs' are dropped.
    const faults: number[] = [];
    const warmup = 3;
    result.engine_ms[size] = round(
      timeMedian(
        () => {
          const before = pageFaults();
          runEngineOnce(portfolio);
          faults.push(pageFaults() - before);
        },
        runs,
        warmup,
      ),
    );
    result.engine_page_faults[size] = median(faults.slice(warmup));
    result.engine_economics_ms[size] = round(timeMedian(() => runEngineOnce(portfolio, true), runs, 1));
    result.heap_mb[size] = retainedMb(portfolio) ?? 0;
  }
  return result;
}
