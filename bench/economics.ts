// The whole plan with its bottleneck economics on the sample portfolio, by each
// method: what a live session waits for after an edit.

import { highsNodeSolver } from '../src/adapters/solver/highsNode';
import { prioritise } from '../src/engine/plan';
import { prioritiseWith } from '../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import { sampleTables } from '../src/sample/samplePortfolio';
import { median, round } from './stats';

async function timeMedianAsync(work: () => Promise<unknown>, runs: number): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchEconomics(runs = 5): Promise<{ plan_ms: Record<string, number> }> {
  const tables = sampleTables();
  const now = '2026-11-23T10:00:00Z';
  const rankAndFill = await timeMedianAsync(async () => prioritise(tables, { now }), runs);
  const optimal = await timeMedianAsync(
    () => prioritiseWith(tables, { now, settings: { ...DEFAULT_SETTINGS, method: 'Optimal' } }, highsNodeSolver),
    runs,
  );
  return { plan_ms: { sample_rank_and_fill: round(rankAndFill, 2), sample_optimal: round(optimal, 1) } };
}
