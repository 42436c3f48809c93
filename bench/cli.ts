// The command end to end on a generated workbook: a real process reading a real
// .xlsx file and writing the prioritised copy, as an analyst or a scheduled job runs it.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tablesWorkbookBytes } from '../src/adapters/exceljs/sampleWorkbook';
import { generatePortfolio } from './generate';
import { median, round } from './stats';

export const CLI_SIZES = [1000, 10000];
// npm runs the bench from the package root (the bench itself runs bundled from dist/bench).
const BIN = join(process.cwd(), 'bin', 'prioritise.js');

/** A portfolio workbook of `count` initiatives, as a finance team would keep it: Initiatives on Portfolio, Capacity beside it. */
export async function portfolioFile(count: number, dir: string): Promise<string> {
  const portfolio = generatePortfolio(count, count);
  const path = join(dir, `portfolio-${count}.xlsx`);
  writeFileSync(path, await tablesWorkbookBytes([{ table: portfolio.initiatives, freezeColumns: 2 }, { table: portfolio.capacity }]));
  return path;
}

/**
 * CPU time (user + system, ms) of this process's finished children, from /proc on Linux. The machine
 * is shared, so wall time is noisy; CPU time shows whether a change made the command do less work.
 */
function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // cutime and cstime are fields 16 and 17 of the file (13 and 14 after the command name), in ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Median wall time (and CPU time, where measurable) of `runs` runs of the command after one untimed run, per
 * size, in ms; and the command's peak memory (resident set, MB) at the largest size, which the command
 * process reports on exit through a preloaded script (Node gives no child's peak otherwise).
 */
export async function benchCli(runs = 3): Promise<{ cli_ms: Record<string, number>; cli_cpu_ms?: Record<string, number>; cli_rss_mb: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const cli_ms: Record<string, number> = {};
    const cli_cpu_ms: Record<string, number> = {};
    const cli_rss_mb: Record<string, number> = {};
    const peakFile = join(dir, 'peak-rss-kb');
    const preload = join(dir, 'peak.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(peakFile)}, String(process.resourceUsage().maxRSS)));`);
    for (const size of CLI_SIZES) {
      const input = await portfolioFile(size, dir);
      const out = join(dir, `out-${size}.xlsx`);
      const once = () => {
        const cpu = childrenCpuMs();
        const start = performance.now();
        execFileSync(process.execPath, ['--require', preload, BIN, input, '--out', out, '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
        return { wall: performance.now() - start, cpu: cpu === undefined ? undefined : childrenCpuMs()! - cpu, rssKb: Number(readFileSync(peakFile, 'utf8')) };
      };
      once();
      const timed = Array.from({ length: runs }, once);
      cli_ms[size] = round(median(timed.map((t) => t.wall)), 0);
      if (timed.every((t) => t.cpu !== undefined)) cli_cpu_ms[size] = round(median(timed.map((t) => t.cpu!)), 0);
      if (size === CLI_SIZES[CLI_SIZES.length - 1]) cli_rss_mb[size] = round(Math.max(...timed.map((t) => t.rssKb)) / 1024, 0);
    }
    return { cli_ms, ...(Object.keys(cli_cpu_ms).length > 0 ? { cli_cpu_ms } : {}), cli_rss_mb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
