// `npm run bench`: bundles bench/index.ts with esbuild and runs it in plain Node.
// tsx would wrap every function for keepNames, which distorts the timings.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

// The command is measured as users run it, from its bundle: rebuild it so edited sources are what is timed
// (a stale bundle makes bin/prioritise.js fall back to tsx, about a second slower).
await import('./build-cli.mjs');

const outfile = 'dist/bench/index.cjs';
await build({
  entryPoints: ['bench/index.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile,
  sourcemap: true,
  external: ['highs', 'exceljs', 'javascript-lp-solver', 'playwright-core'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', '--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
