// A page for the Chromium check of the solver worker: the pane's own planner
// on the sample portfolio, with the main thread's longest stall measured
// while the plan is worked out.

import { panePlanner, paneSolver } from '../../src/taskpane/planner';
import { prioritiseWith, withConfidenceBy } from '../../src/engine/prioritiseWith';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import { sampleTables } from '../../src/sample/samplePortfolio';
import { generatePortfolio, withValueRanges } from '../../bench/generate';

type Check = { method: string; note?: string; value?: number; committed: number; capacity: string[]; longestStallMs: number; ms: number };

declare global {
  interface Window {
    runOptimal(): Promise<Check>;
    /** The same plan with the engine's exact path off, so every model goes to HiGHS in the worker. */
    runOptimalInWorker(): Promise<Check>;
    /** The bench's Optimal run at 200 initiatives with 500 drawn futures, by the pane's planner, with the page's long tasks. */
    runConfidenceInWorker(): Promise<Check & { draws: number; longTasksMs: number[]; longestDrawingTaskMs: number; phases: string }>;
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

/** The bench's portfolio of 200 (bench/confidence.ts): value ranges on every row, named owners so most can be chosen. */
function confidencePortfolio() {
  const generated = generatePortfolio(200, 200);
  const owner = generated.initiatives.headers.indexOf('Owner');
  const rows = generated.initiatives.rows.map((row) => row.map((cell, i) => (i === owner && String(cell).startsWith('Owner') ? 'Dana Okafor' : cell)));
  return { initiatives: withValueRanges({ ...generated.initiatives, rows }), capacity: generated.capacity };
}

window.runConfidenceInWorker = async () => {
  const longTasksMs: number[] = [];
  const marks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => { longTasksMs.push(entry.duration); marks.push(entry.startTime); }));
  observer.observe({ type: 'longtask' });
  let draws = 0;
  const settings = { ...DEFAULT_SETTINGS, method: 'Optimal' as const, inFlightLimit: 70, demandOverrun: 0.2, confidenceDraws: 500 };
  const started = performance.now();
  let planned = 0;
  const result = await check(async () => {
    const first = await prioritiseWith(confidencePortfolio(), { now: context.now, settings }, paneSolver, { clock: () => performance.now(), confidence: false });
    planned = performance.now();
    const plan = await withConfidenceBy(first, paneSolver, { clock: () => performance.now() });
    draws = plan.confidence?.draws ?? 0;
    return plan;
  });
  observer.disconnect();
  const phases = `plan ${Math.round(planned - started)} ms; long tasks at ${marks.map((m) => Math.round(m - started)).join(', ')} ms`;
  const longestDrawingTaskMs = Math.max(0, ...longTasksMs.filter((_, k) => marks[k]! >= planned));
  return { ...result, draws, longTasksMs, longestDrawingTaskMs, phases };
};
