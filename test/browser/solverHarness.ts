// A page for the Chromium check of the solver worker: the pane's own planner
// on the sample portfolio, with the main thread's longest stall measured
// while the plan is worked out.

import { panePlanner, paneSolver } from '../../src/taskpane/planner';
import { prioritiseWith } from '../../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { sampleTables } from '../../src/sample/samplePortfolio';

type Check = { method: string; note?: string; value?: number; committed: number; capacity: string[]; longestStallMs: number; ms: number };

declare global {
  interface Window {
    runOptimal(): Promise<Check>;
    /** The same plan with the engine's exact path off, so every model goes to HiGHS in the worker. */
    runOptimalInWorker(): Promise<Check>;
  }
}

const check = async (run: () => ReturnType<typeof panePlanner>): Promise<Check> => {
  let last = performance.now();
  let longestStallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const plan = await run();
  const ms = performance.now() - started;
  // A run that never yields lets no tick through: the gap since the last tick is a stall too.
  longestStallMs = Math.max(longestStallMs, performance.now() - last);
  clearInterval(ticker);
  return {
    method: plan.selection.method,
    ...(plan.selection.note ? { note: plan.selection.note } : {}),
    ...(plan.selection.optimisation ? { value: plan.selection.optimisation.value } : {}),
    committed: plan.summary.committedValue,
    capacity: plan.bottlenecks?.capacity.map((f) => f.text) ?? [],
    longestStallMs,
    ms,
  };
};

const context = { now: '2026-11-23T10:00:00Z', settings: { ...DEFAULT_SETTINGS, method: 'Optimal' as const, objective: 'Annual value' as const } };
window.runOptimal = () => check(() => panePlanner(sampleTables(), context));
window.runOptimalInWorker = () => check(() => prioritiseWith(sampleTables(), context, paneSolver, { clock: () => performance.now(), exactUpTo: 0 }));
