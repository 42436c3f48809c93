// The whole engine on generated portfolios: read, score, gate, select, change impact, layout.

import { prioritise } from '../src/engine/plan';
import { planLayout, type PlanLayout } from '../src/layout/planLayout';
import { generatePortfolio } from './generate';
import { heapMb, round, timeMedian } from './stats';

export const ENGINE_SIZES = [100, 1000, 10000];

export function runEngineOnce(portfolio: ReturnType<typeof generatePortfolio>): PlanLayout {
  const plan = prioritise({ initiatives: portfolio.initiatives, capacity: portfolio.capacity, settings: portfolio.settings }, { now: '2026-11-23T10:00:00Z' });
  return planLayout(plan);
}

/** Heap held by one run's plan and layout once garbage is collected (needs --expose-gc). */
function retainedMb(portfolio: ReturnType<typeof generatePortfolio>): number | null {
  const gc = global.gc;
  if (!gc) return null;
  gc();
  const before = heapMb();
  const kept = runEngineOnce(portfolio);
  gc();
  const after = heapMb();
  return kept ? round(after - before) : null;
}

export function benchEngine(runs = 7): { engine_ms: Record<string, number>; heap_mb: Record<string, number> } {
  const engine_ms: Record<string, number> = {};
  const heap_mb: Record<string, number> = {};
  for (const size of ENGINE_SIZES) {
    const portfolio = generatePortfolio(size, size);
    engine_ms[size] = round(timeMedian(() => runEngineOnce(portfolio), runs, 2));
    heap_mb[size] = retainedMb(portfolio) ?? 0;
  }
  return { engine_ms, heap_mb };
}
