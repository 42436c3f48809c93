// Live mode, engine plus the in-memory adapter: from a typed capacity to the
// changed output cells written (read, plan, lay out, diff, write), as the pane's
// live re-run does it after its 300 ms pause (the pause itself is not counted).

import { enterText, findTable, memoryPort } from '../src/adapters/memory';
import { liveRun, type LiveBase } from '../src/app/liveRun';
import { prioritise } from '../src/engine/plan';
import { workbookWith } from '../test/adapters/memory/memoryBuilders';
import { generatePortfolio } from './generate';
import { median, round } from './stats';

export const LIVE_SIZES = [500];
/** Issue 19: live mode at 500 initiatives over 4 horizons, reported beside the figure without them as "500x4". */
const LIVE_HORIZONS = 'Q1, Q2, Q3, Q4';
const NOW = '2026-11-23T10:00:00Z';

/**
 * The median ms of `runs` live re-runs on `size` initiatives, each after one edit of the first team's capacity;
 * with `horizons`, the same portfolio planned as a roadmap over them.
 */
async function liveMs(size: number, runs: number, horizons?: string): Promise<{ ms: number; cells: number }> {
  const portfolio = generatePortfolio(size, size);
  const settings = horizons ? { ...portfolio.settings, rows: [...portfolio.settings.rows, ['Horizons', horizons]] } : portfolio.settings;
  const workbook = workbookWith(portfolio.initiatives, portfolio.capacity, settings);
  const port = memoryPort(workbook);
  const first = await liveRun(port, { now: NOW }, { planner: prioritise, base: undefined });
  if (first.kind !== 'written') throw new Error(`the first live run ended ${first.kind}`);
  let base: LiveBase = first.base;
  const capacity = findTable(workbook, portfolio.capacity.name)!;
  const original = Number(portfolio.capacity.rows[0]![1]);
  const times: number[] = [];
  const cells: number[] = [];
  for (let i = 0; i <= runs; i++) {
    // Alternate a cut and the original, so every run changes the plan.
    enterText(workbook, capacity.sheet, capacity.row + 1, capacity.column + 1, String(i % 2 === 0 ? Math.round(original * 0.7) : original));
    const start = performance.now();
    const outcome = await liveRun(port, { now: NOW }, { planner: prioritise, base });
    const ms = performance.now() - start;
    if (outcome.kind !== 'written') throw new Error(`a live run ended ${outcome.kind}`);
    base = outcome.base;
    if (i === 0) continue; // warm-up
    times.push(ms);
    cells.push(outcome.outcome.cellsWritten ?? 0);
  }
  return { ms: median(times), cells: median(cells) };
}

export type LiveBench = { live_ms: Record<string, number>; live_cells: Record<string, number> };

export async function benchLive(runs = 7): Promise<LiveBench> {
  const result: LiveBench = { live_ms: {}, live_cells: {} };
  for (const size of LIVE_SIZES) {
    const { ms, cells } = await liveMs(size, runs);
    result.live_ms[size] = round(ms);
    result.live_cells[size] = cells;
  }
  const size = LIVE_SIZES[0]!;
  const roadmap = await liveMs(size, runs, LIVE_HORIZONS);
  const key = `${size}x${LIVE_HORIZONS.split(',').length}`;
  result.live_ms[key] = round(roadmap.ms);
  result.live_cells[key] = roadmap.cells;
  return result;
}
