// `npm run bench`: every measurement side by side in one run; the last line is one JSON object.

import { benchCli } from './cli';
import { benchEngine } from './engine';

async function main(): Promise<void> {
  const result: Record<string, unknown> = {};
  const engine = benchEngine();
  console.log(`engine (median of 7): ${JSON.stringify(engine.engine_ms)} ms; heap growth ${JSON.stringify(engine.heap_mb)} MB`);
  Object.assign(result, engine);
  const cli = await benchCli();
  console.log(`prioritise command, end to end (median of 3, goal 6000 ms at 10,000): ${JSON.stringify(cli.cli_ms)} ms; CPU ${JSON.stringify(cli.cli_cpu_ms ?? 'n/a')} ms`);
  Object.assign(result, cli);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
