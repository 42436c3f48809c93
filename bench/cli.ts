// The command end to end on a generated workbook: a real process reading a real
// .xlsx file and writing the prioritised copy, as an analyst or a scheduled job runs it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tablesWorkbookBytes } from '../src/adapters/exceljs/sampleWorkbook';
import { generatePortfolio } from './generate';
import { median, round } from './stats';

export const CLI_SIZES = [10000];
const BIN = join(__dirname, '..', 'bin', 'prioritise.js');

/** A portfolio workbook of `count` initiatives, as a finance team would keep it: Initiatives on Portfolio, Capacity beside it. */
export async function portfolioFile(count: number, dir: string): Promise<string> {
  const portfolio = generatePortfolio(count, count);
  const path = join(dir, `portfolio-${count}.xlsx`);
  writeFileSync(path, await tablesWorkbookBytes([{ table: portfolio.initiatives, freezeColumns: 2 }, { table: portfolio.capacity }]));
  return path;
}

/** Median wall time of `runs` runs of the command (after one untimed run), per size, in ms. */
export async function benchCli(runs = 3): Promise<{ cli_ms: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    const cli_ms: Record<string, number> = {};
    for (const size of CLI_SIZES) {
      const input = await portfolioFile(size, dir);
      const out = join(dir, `out-${size}.xlsx`);
      const once = () => {
        const start = performance.now();
        execFileSync(process.execPath, [BIN, input, '--out', out, '--json'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
        return performance.now() - start;
      };
      once();
      cli_ms[size] = round(median(Array.from({ length: runs }, once)), 0);
    }
    return { cli_ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
