// Optimal selection with the bottleneck economics on the 25-row sample portfolio: what
// the room waits for after an edit in a live planning session. Cold is the first run in
// a fresh Node process (nothing compiled or loaded yet); warm is the median of later runs.

import { spawnSync } from 'node:child_process';
import { highsNodeSolver } from '../src/adapters/solver/highsNode';
import { prioritiseWith } from '../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../src/engine/settings';
import { sampleTables } from '../src/sample/samplePortfolio';
import { median, round } from './stats';

/** The flag that makes the bench process run only one cold measurement and print it. */
export const COLD_FLAG = '--optimal-sample-cold';

const runOnce = async (): Promise<number> => {
  const sample = sampleTables();
  const start = performance.now();
  const plan = await prioritiseWith(sample, { now: '2026-11-23T10:00:00Z', settings: { ...DEFAULT_SETTINGS, method: 'Optimal' } }, highsNodeSolver, { clock: () => performance.now() });
  const ms = performance.now() - start;
  if (!plan.bottlenecks || plan.selection.method !== 'Optimal') throw new Error('the sample did not get an optimal plan with its economics');
  return ms;
};

/** Run in the child process: one cold run, its time on stdout. */
export async function printColdRun(): Promise<void> {
  console.log(String(await runOnce()));
}

export async function benchOptimalSample(coldRuns = 3, warmRuns = 9): Promise<{ cold: number; warm: number }> {
  const cold: number[] = [];
  for (let i = 0; i < coldRuns; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, COLD_FLAG], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`the cold run failed: ${child.stderr}`);
    cold.push(Number(child.stdout.trim().split('\n').pop()));
  }
  await runOnce();
  const warm: number[] = [];
  for (let i = 0; i < warmRuns; i++) warm.push(await runOnce());
  return { cold: round(median(cold), 1), warm: round(median(warm), 1) };
}
