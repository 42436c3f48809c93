// The production bundle's size, gzipped: the JavaScript the task pane loads on
// open (the entry's initial chunks) and the solver, loaded only when the
// Optimal method runs (lazy chunks or WebAssembly named like highs/solver/optimal).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { round } from './stats';

type Stats = {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  chunks: { initial: boolean; names: string[]; files: string[]; modules?: { name: string }[] }[];
  assets: { name: string }[];
};

const SOLVER = /highs|solver|optimal/i;

const gzipKb = (dir: string, files: string[]): number =>
  round(files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, file)), { level: 9 }).length, 0) / 1024);

/** Sizes from a finished build's stats: initial JS of `entry`, and the lazily loaded solver (null until there is one). */
export function bundleSizes(dir: string, stats: Stats, entry = 'taskpane'): { initial: number; solver: number | null; files: { initial: string[]; solver: string[] } } {
  const initial = (stats.entrypoints[entry]?.assets ?? []).map((a) => a.name).filter((name) => name.endsWith('.js'));
  const lazy = stats.chunks.filter((c) => !c.initial && (c.names.some((n) => SOLVER.test(n)) || c.files.some((f) => SOLVER.test(f)) || (c.modules ?? []).some((m) => /node_modules[\\/]highs/.test(m.name))));
  const wasm = stats.assets.map((a) => a.name).filter((name) => name.endsWith('.wasm'));
  const solver = [...new Set([...lazy.flatMap((c) => c.files.filter((f) => f.endsWith('.js'))), ...wasm])];
  return { initial: gzipKb(dir, initial), solver: solver.length > 0 ? gzipKb(dir, solver) : null, files: { initial, solver } };
}

/** Build the task pane for production into a temporary folder and measure it. */
export function benchBundle(): { bundle_kb_gzip: { initial: number; solver: number | null }; files: { initial: string[]; solver: string[] } } {
  // npm runs scripts from the package root; the bench itself runs bundled from dist/bench.
  const root = process.cwd();
  const out = mkdtempSync(join(tmpdir(), 'bundle-'));
  try {
    const cli = require.resolve('webpack-cli/bin/cli.js');
    const statsFile = join(out, 'stats.json');
    const build = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', join(out, 'dist'), '--json', statsFile], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`The production build failed:\n${build.stderr}`);
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
    const sizes = bundleSizes(join(out, 'dist'), stats);
    return { bundle_kb_gzip: { initial: sizes.initial, solver: sizes.solver }, files: sizes.files };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
