// The whole engine on generated portfolios: read, score, gate, select, change impact, layout.

import { prioritise } from '../src/engine/plan';
import { changeImpactSheet } from '../src/layout/changeImpactSheet';
import { decisionLogRow } from '../src/layout/decisionLog';
import { outputColumnsLayout } from '../src/layout/outputColumns';
import { settingsSheet } from '../src/layout/settingsSheet';
import { generatePortfolio } from './generate';
import { heapMb, round, timeMedian } from './stats';

export const ENGINE_SIZES = [100, 1000, 10000];

export function runEngineOnce(portfolio: ReturnType<typeof generatePortfolio>): number {
  const plan = prioritise({ initiatives: portfolio.initiatives, capacity: portfolio.capacity }, { now: '2026-11-23T10:00:00Z' });
  const outputs = outputColumnsLayout(plan);
  const sheet = changeImpactSheet(plan);
  const log = decisionLogRow(plan.logEntry, plan.settings.currency);
  const settings = settingsSheet(plan.settings);
  return outputs.values.length + sheet.values.length + log.values.length + settings.values.length;
}

export function benchEngine(runs = 7): { engine_ms: Record<string, number>; heap_mb: Record<string, number> } {
  const engine_ms: Record<string, number> = {};
  const heap_mb: Record<string, number> = {};
  for (const size of ENGINE_SIZES) {
    const portfolio = generatePortfolio(size, size);
    global.gc?.();
    const before = heapMb();
    let peak = before;
    engine_ms[size] = round(
      timeMedian(() => {
        runEngineOnce(portfolio);
        peak = Math.max(peak, heapMb());
      }, runs, 2),
    );
    heap_mb[size] = round(peak - before);
  }
  return { engine_ms, heap_mb };
}
