// `npm run bench`: every measurement side by side in one run; the last line is one JSON object.

import { benchBundle } from './bundle';
import { benchConfidence } from './confidence';
import { benchEconomics } from './economics';
import { benchCli } from './cli';
import { benchEngine, ENGINE_RUNS } from './engine';
import { benchLive } from './live';
import { freshPageUs, randomAccessNs } from './machine';
import { benchOptimalSample, COLD_FLAG, printColdRun } from './optimalSample';
import { benchSelection, selectionGoals, selectionTable } from './selection';
import { benchSelectionDependencies, dependenciesLine } from './selectionDependencies';
import { benchSelectionHorizons, horizonsLine } from './selectionHorizons';
import { benchSyncs } from './syncs';

async function main(): Promise<void> {
  const result: Record<string, unknown> = {};
  const memoryBefore = randomAccessNs();
  const pageBefore = freshPageUs();
  const engine = benchEngine();
  const memoryAfter = randomAccessNs();
  const pageAfter = freshPageUs();
  console.log(
    `memory speed around the engine bench, ns per dependent random read in 64 MB (lower is faster; a busy shared machine reads slower): ${memoryBefore} before, ${memoryAfter} after`,
  );
  console.log(`cost of a fresh 4 KB page of memory around the engine bench, microseconds per page fault: ${pageBefore ?? 'n/a'} before, ${pageAfter ?? 'n/a'} after`);
  result.machine_random_access_ns = { before_engine: memoryBefore, after_engine: memoryAfter };
  result.machine_page_fault_us = { before_engine: pageBefore, after_engine: pageAfter };
  console.log(`engine (median of ${ENGINE_RUNS} after 3 warm-up runs): ${JSON.stringify(engine.engine_ms)} ms; first run ${JSON.stringify(engine.engine_first_ms)} ms; with bottleneck economics ${JSON.stringify(engine.engine_economics_ms)} ms; heap held by one layout ${JSON.stringify(engine.heap_mb)} MB; page faults per run ${JSON.stringify(engine.engine_page_faults)}`);
  Object.assign(result, engine);
  const live = await benchLive();
  console.log(`live mode, engine and memory adapter, edit to changed outputs written (median of 7, goal 250 ms at 500; 500x4: over 4 horizons, goal 1 s): ${JSON.stringify(live.live_ms)} ms; cells written ${JSON.stringify(live.live_cells)}`);
  Object.assign(result, live);
  const bundle = benchBundle();
  console.log(
    `bundle (gzip): initial ${bundle.bundle_kb_gzip.initial} KB (${bundle.files.initial.join(', ')}); solver ${bundle.bundle_kb_gzip.solver ?? 'none yet'}${bundle.files.solver.length ? ` KB (${bundle.files.solver.join(', ')})` : ''}`,
  );
  result.bundle_kb_gzip = bundle.bundle_kb_gzip;
  const selection = await benchSelection();
  console.log(selectionTable(selection));
  console.log(selectionGoals(selection.rows));
  result.selection = selection.rows;
  result.selection_cold_ms = { load: selection.loadMs, 500: selection.coldMs };
  const dependencies = await benchSelectionDependencies();
  console.log(dependenciesLine(dependencies));
  const { cpuMs: _cpu, ...dependenciesResult } = dependencies;
  result.selection_dependencies = dependenciesResult;
  const horizons = await benchSelectionHorizons();
  console.log(horizonsLine(horizons));
  result.selection_horizons = horizons;
  const optimalSample = await benchOptimalSample();
  console.log(`sample portfolio, Optimal with bottleneck economics (cold: first run in a fresh process, median of 3; warm: median of 9): ${JSON.stringify(optimalSample)} ms`);
  result.optimal_sample_ms = optimalSample;
  const economics = await benchEconomics();
  console.log(`whole plan with bottleneck economics (sample: median of 5; 200 initiatives, in-flight limit 70: median of 5, 3 and 1): ${JSON.stringify(economics.plan_ms)} ms`);
  Object.assign(result, economics);
  const confidence = await benchConfidence();
  console.log(`how sure is the plan, drawn futures (500 by rank and fill at 500, goal 1 s; 500 by Optimal at 200, goal 10 s): ${JSON.stringify(confidence.confidence_ms)} ms`);
  Object.assign(result, confidence);
  const syncs = await benchSyncs();
  console.log(`office.js round trips per run (first run or rerun, whichever takes more): ${JSON.stringify(syncs.syncs)}; largest request ${syncs.largest_request_kb} KB`);
  Object.assign(result, syncs);
  const cli = await benchCli();
  console.log(`prioritise command, end to end (median of 3; goals 500 ms at 1,000, 1200 ms and 200 MB at 10,000): ${JSON.stringify(cli.cli_ms)} ms; CPU ${JSON.stringify(cli.cli_cpu_ms ?? 'n/a')} ms; peak memory ${JSON.stringify(cli.cli_rss_mb)} MB`);
  Object.assign(result, cli);
  console.log(JSON.stringify(result));
}

// The bench starts itself again with this flag to time a cold run in a fresh process.
(process.argv.includes(COLD_FLAG) ? printColdRun() : main()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
