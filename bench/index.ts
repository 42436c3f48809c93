// `npm run bench`: every measurement side by side in one run; the last line is one JSON object.

import { benchBundle } from './bundle';
import { benchEngine } from './engine';

function main(): void {
  const result: Record<string, unknown> = {};
  const engine = benchEngine();
  console.log(`engine (median of 7): ${JSON.stringify(engine.engine_ms)} ms; heap held by one plan and layout ${JSON.stringify(engine.heap_mb)} MB`);
  Object.assign(result, engine);
  const bundle = benchBundle();
  console.log(
    `bundle (gzip): initial ${bundle.bundle_kb_gzip.initial} KB (${bundle.files.initial.join(', ')}); solver ${bundle.bundle_kb_gzip.solver ?? 'none yet'}${bundle.files.solver.length ? ` KB (${bundle.files.solver.join(', ')})` : ''}`,
  );
  result.bundle_kb_gzip = bundle.bundle_kb_gzip;
  console.log(JSON.stringify(result));
}

main();
