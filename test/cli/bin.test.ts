// The installed command itself, as a user runs it: a real process, real exit codes.

import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'prioritise.js');

type Outcome = { code: number; stdout: string; stderr: string };

async function prioritise(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let folder: ReturnType<typeof tempFolder>;
beforeAll(() => (folder = tempFolder()));
afterAll(() => folder.cleanup());

describe('the prioritise bin', () => {
  it('writes the prioritised copy and exits 0', async () => {
    const input = folder.path('pack.xlsx');
    writeFileSync(input, await toBytes(portfolioWorkbook()));
    const run = await prioritise(input, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, output: folder.path('pack.prioritised.xlsx') });
    expect(existsSync(folder.path('pack.prioritised.xlsx'))).toBe(true);
  });

  it('exits 1 with one line on stderr when the workbook cannot be used', async () => {
    const run = await prioritise(folder.path('nothing-here.xlsx'));
    expect(run).toEqual({ code: 1, stdout: '', stderr: `prioritise: cannot find ${folder.path('nothing-here.xlsx')}; check the path and the file name\n` });
  });

  it('exits 2 on a usage error', async () => {
    const run = await prioritise();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^prioritise: name the workbook to prioritise.*\n$/);
  });
});
