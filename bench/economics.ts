// The whole plan with its bottleneck economics, by each method: what a live
// session waits for after an edit. On the sample portfolio (25 initiatives)
// and on a generated one of 200.

import { highsNodeSolver } from '../src/adapters/solver/highsNode';
import { prioritise, type WorkbookInput } from '../src/engine/plan';
import { prioritiseWith } from '../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import type { Settings } from '../src/engine/types';
import { sampleTables } from '../src/sample/samplePortfolio';
import { generatePortfolio } from './generate';
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

/**
 * generatePortfolio's owners ("Owner 12") are placeholders to the gate, so every row would be
 * blocked and there would be nothing to select; these get a named person instead.
 */
function withNamedOwners(count: number): WorkbookInput {
  const portfolio = generatePortfolio(count, count);
  const owner = portfolio.initiatives.headers.indexOf('Owner');
  const rows = portfolio.initiatives.rows.map((row) => row.map((cell, i) => (i === owner && String(cell).startsWith('Owner') ? 'Dana Okafor' : cell)));
  return { initiatives: { ...portfolio.initiatives, rows }, capacity: portfolio.capacity };
}

export async function benchEconomics(runs = 5): Promise<{ plan_ms: Record<string, number> }> {
  const now = '2026-11-23T10:00:00Z';
  const optimal: Settings = { ...DEFAULT_SETTINGS, method: 'Optimal' };
  const sample = sampleTables();
  const large = withNamedOwners(200);
  const largeSettings = { ...DEFAULT_SETTINGS, inFlightLimit: 70 };
  const plan_ms: Record<string, number> = {
    sample_rank_and_fill: await timeMedianAsync(async () => prioritise(sample, { now }), runs),
    sample_optimal: await timeMedianAsync(() => prioritiseWith(sample, { now, settings: optimal }, highsNodeSolver, { clock: () => performance.now() }), runs),
    n200_rank_and_fill: await timeMedianAsync(async () => prioritise(large, { now, settings: largeSettings }), runs),
    n200_optimal_plan_only: await timeMedianAsync(() => prioritiseWith(large, { now, settings: { ...largeSettings, method: 'Optimal' } }, highsNodeSolver, { clock: () => performance.now(), economics: false }), 3),
    n200_optimal: await timeMedianAsync(() => prioritiseWith(large, { now, settings: { ...largeSettings, method: 'Optimal' } }, highsNodeSolver, { clock: () => performance.now() }), 1),
  };
  return { plan_ms: Object.fromEntries(Object.entries(plan_ms).map(([k, v]) => [k, round(v, 1)])) };
}
