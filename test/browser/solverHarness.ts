// A page for the Chromium check of the solver worker: the pane's own planner
// on the sample portfolio, with the main thread's longest stall measured
// while the plan is worked out.

import { panePlanner } from '../../src/taskpane/planner';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { sampleTables } from '../../src/sample/samplePortfolio';

type Check = { method: string; note?: string; value?: number; committed: number; capacity: string[]; longestStallMs: number; ms: number };

declare global {
  interface Window {
    runOptimal(): Promise<Check>;
  }
}

window.runOptimal = async () => {
  let last = performance.now();
  let longestStallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const plan = await panePlanner(sampleTables(), { now: '2026-11-23T10:00:00Z', settings: { ...DEFAULT_SETTINGS, method: 'Optimal', objective: 'Annual value' } });
  const ms = performance.now() - started;
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
