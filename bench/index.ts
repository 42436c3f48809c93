// `npm run bench`: every measurement side by side in one run; the last line is one JSON object.

import { benchEngine } from './engine';
import { benchSyncs } from './syncs';

async function main(): Promise<void> {
  const result: Record<string, unknown> = {};
  const engine = benchEngine();
  console.log(`engine (median of 7): ${JSON.stringify(engine.engine_ms)} ms; heap growth ${JSON.stringify(engine.heap_mb)} MB`);
  Object.assign(result, engine);
  const syncs = await benchSyncs();
  console.log(`office.js round trips per run (first run or rerun, whichever takes more): ${JSON.stringify(syncs.syncs)}; largest request ${syncs.largest_request_kb} KB`);
  Object.assign(result, syncs);
  console.log(JSON.stringify(result));
}

void main();
