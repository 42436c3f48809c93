// `npm run bench`: every measurement side by side in one run; the last line is one JSON object.

import { benchEngine } from './engine';

function main(): void {
  const result: Record<string, unknown> = {};
  const engine = benchEngine();
  console.log(`engine (median of 7): ${JSON.stringify(engine.engine_ms)} ms; heap held by one plan and layout ${JSON.stringify(engine.heap_mb)} MB`);
  Object.assign(result, engine);
  console.log(JSON.stringify(result));
}

main();
