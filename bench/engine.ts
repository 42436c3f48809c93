// The whole engine on generated portfolios: read, score, gate, select, change impact, layout.
// `engine_ms` is that pipeline; `engine_economics_ms` adds the bottleneck economics that every
// rank-and-fill plan also carries (what one more unit of each team is worth, and so on).

import { prioritise } from '../src/engine/plan';
import { planLayout, type PlanLayout } from '../src/layout/planLayout';
import { generatePortfolio } from './generate';
import { heapMb, round, timeMedian } from './stats';

export const ENGINE_SIZES = [100, 1000, 10000];

type Portfolio = ReturnType<typeof generatePortfolio>;

export function runEngineOnce(portfolio: Portfolio, economics = false): PlanLayout {
  const input = { initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings };
  return planLayout(prioritise(input, { now: '2026-11-23T10:00:00Z' }, { economics }));
}

/** Heap held by one run's plan and layout once garbage is collected (needs --expose-gc). */
function retainedMb(portfolio: Portfolio): number | null {
  const gc = global.gc;
  if (!gc) return null;
  gc();
  const before = heapMb();
  const kept = runEngineOnce(portfolio);
  gc();
  const after = heapMb();
  return kept ? round(after - before) : null;
}

export type EngineBench = { engine_ms: Record<string, number>; engine_economics_ms: Record<string, number>; heap_mb: Record<string, number> };

export function benchEngine(runs = 7): EngineBench {
  const result: EngineBench = { engine_ms: {}, engine_economics_ms: {}, heap_mb: {} };
  for (const size of ENGINE_SIZES) {
    const portfolio = generatePortfolio(size, size);
    result.engine_ms[size] = round(timeMedian(() => runEngineOnce(portfolio), runs, 2));
    result.engine_economics_ms[size] = round(timeMedian(() => runEngineOnce(portfolio, true), runs, 1));
    result.heap_mb[size] = retainedMb(portfolio) ?? 0;
  }
  return result;
}
