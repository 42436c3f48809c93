// Hostile files, at the level of the file rather than its cells (issue 15, items 1 and 3): the
// input reached through another path, --out naming a folder, zips that unpack past the budget,
// and a table made from whole columns (item 2).
// Each workbook is built here; the shared hostile-cell corpus lives elsewhere.

import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';
import { editZip, portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { readZip, writeZip, ZipTooLargeError } from '../../src/adapters/exceljs/zip';
import { runCommand } from './runCommand';

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function workbookAt(name: string): Promise<string> {
  const path = folder.path(name);
  writeFileSync(path, await toBytes(portfolioWorkbook()));
  return path;
}

function expectOneLineRefusal(run: { code: number; stderr: string }, exitCode: number, says: RegExp): void {
  expect(run.code).toBe(exitCode);
  expect(run.stderr.split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(says);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
}

describe('the input is never overwritten, whatever path reaches it', () => {
  it('refuses an --out that is a symlink to the input', async () => {
    const input = await workbookAt('x.xlsx');
    const before = sha(input);
    symlinkSync(input, folder.path('link.xlsx'));
    const run = await runCommand([input, '--out', folder.path('link.xlsx')]);
    expectOneLineRefusal(run, 2, /is the input workbook under another path/);
    expect(sha(input)).toBe(before);
  });

  it('refuses an input that is a symlink to the --out file', async () => {
    const target = await workbookAt('x.xlsx');
    const before = sha(target);
    symlinkSync(target, folder.path('link.xlsx'));
    const run = await runCommand([folder.path('link.xlsx'), '--out', target]);
    expectOneLineRefusal(run, 2, /is the input workbook under another path/);
    expect(sha(target)).toBe(before);
  });

  it('refuses the same file reached through a symlinked folder', async () => {
    mkdirSync(folder.path('real'));
    const input = folder.path('real/x.xlsx');
    writeFileSync(input, await toBytes(portfolioWorkbook()));
    const before = sha(input);
    symlinkSync(folder.path('real'), folder.path('alias'));
    const run = await runCommand([input, '--out', folder.path('alias/x.xlsx')]);
    expectOneLineRefusal(run, 2, /is the input workbook under another path/);
    expect(sha(input)).toBe(before);
  });

  it('refuses a hard link to the input', async () => {
    const input = await workbookAt('x.xlsx');
    const before = sha(input);
    linkSync(input, folder.path('hard.xlsx'));
    const run = await runCommand([input, '--out', folder.path('hard.xlsx')]);
    expectOneLineRefusal(run, 2, /is the input workbook under another path/);
    expect(sha(input)).toBe(before);
  });

  it('still writes to a different file that already exists', async () => {
    const input = await workbookAt('x.xlsx');
    const out = await workbookAt('old-output.xlsx');
    const before = sha(input);
    const run = await runCommand([input, '--out', out]);
    expect(run.code).toBe(0);
    expect(sha(input)).toBe(before);
    expect(sha(out)).not.toBe(before);
  });
});

it('says plainly that an --out naming a folder is a folder, and writes nothing', async () => {
  const input = await workbookAt('x.xlsx');
  mkdirSync(folder.path('plans.xlsx'));
  const run = await runCommand([input, '--out', folder.path('plans.xlsx')]);
  expectOneLineRefusal(run, 2, /plans\.xlsx is a folder; name the \.xlsx file to write/);
  expect(run.stderr).not.toMatch(/EISDIR|\.tmp/);
});

describe('zips that unpack past the budget are refused before inflating', () => {
  /** A zip whose central directory declares `declared` bytes for one small part. */
  function zipDeclaring(declared: number): Buffer {
    const zip = writeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(declared, central + 24);
    return zip;
  }

  it('refuses, in one plain line, a zip declaring a gigabyte of parts', async () => {
    const input = folder.path('bomb.xlsx');
    writeFileSync(input, zipDeclaring(1024 * 1024 * 1024));
    const started = Date.now();
    const run = await runCommand([input]);
    expect(Date.now() - started).toBeLessThan(5000); // seconds, not minutes: nothing was inflated
    expectOneLineRefusal(run, 1, /bomb\.xlsx is too large for the command: its parts unpack to 1,024 MB, more than the 400 MB/);
  });

  it('refuses a part that inflates past the size its zip declares', () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    const zip = writeZip([{ name: 'xl/sharedStrings.xml', data: zeros }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24); // claims 1,000 bytes; holds two megabytes
    const [entry] = readZip(zip);
    expect(() => entry!.data()).toThrow(ZipTooLargeError);
    expect(() => entry!.data()).toThrow(/xl\/sharedStrings\.xml unpacks to more than the 1 MB its zip declares/);
  });

  it('reads a zip within the budget as before', () => {
    const data = Buffer.from('<worksheet/>');
    const [entry] = readZip(writeZip([{ name: 'a.xml', data }]), 1024);
    expect(entry!.data().equals(data)).toBe(true);
  });

  it('counts every part toward the budget', () => {
    const part = Buffer.alloc(600);
    const zip = writeZip([
      { name: 'a.xml', data: part },
      { name: 'b.xml', data: part },
    ]);
    expect(() => readZip(zip, 1000)).toThrow(ZipTooLargeError);
    expect(readZip(zip, 1200)).toHaveLength(2);
  });
});

describe('a table made from whole columns', () => {
  /** As Excel makes it when whole columns are selected before Insert > Table: the ref runs to row 1,048,576. */
  async function wholeColumnTable(): Promise<{ input: string; ref: string }> {
    const workbook = portfolioWorkbook({ at: 'A1' });
    const sheet = workbook.getWorksheet('Portfolio')!;
    sheet.getRow(8).values = []; // the note under the table would fall inside a whole-column table
    const bytes = await editZip(await toBytes(workbook), async (zip) => {
      const path = 'xl/tables/table1.xml';
      const xml = await zip.file(path)!.async('string');
      zip.file(path, xml.replace(/ref="A1:([A-Z]+)\d+"/g, 'ref="A1:$11048576"'));
    });
    const input = folder.path('whole-columns.xlsx');
    writeFileSync(input, bytes);
    const table = await JSZip.loadAsync(bytes).then((z) => z.file('xl/tables/table1.xml')!.async('string'));
    return { input, ref: /ref="([^"]+)"/.exec(table)![1]! };
  }

  it('plans its used rows, and the output table holds those rows', async () => {
    const { input, ref } = await wholeColumnTable();
    expect(ref).toMatch(/^A1:[A-Z]+1048576$/);
    const run = await runCommand([input, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    const out = await JSZip.loadAsync(readFileSync(folder.path('whole-columns.prioritised.xlsx')));
    const table = await out.file('xl/tables/table1.xml')!.async('string');
    expect(/ref="A1:[A-Z]+(\d+)"/.exec(table)![1]).toBe('6'); // header and five initiatives
  });
});

/** A portfolio workbook whose sheet `path` gets 100,001 more rows of ten numbers each, from row `from` on. */
async function withMillionCells(path: string, from: number): Promise<Buffer> {
  const rows: string[] = [];
  for (let r = from; r < from + 100_001; r++) rows.push(`<row r="${r}">${'<c t="n"><v>1</v></c>'.repeat(10)}</row>`);
  return editZip(await toBytes(portfolioWorkbook({ summarySheet: true })), async (zip) => {
    const xml = await zip.file(path)!.async('string');
    zip.file(path, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
  });
}

// Building a million-cell sheet takes seconds on a loaded machine; the run itself is quick.
describe('the cell budget counts the sheets the command reads', () => {
  it('refuses plainly, before loading, a workbook whose sheets holding tables hold more cells than the budget', async () => {
    const input = folder.path('big.xlsx');
    writeFileSync(input, await withMillionCells('xl/worksheets/sheet2.xml', 10)); // the Capacity sheet
    const run = await runCommand([input]);
    expectOneLineRefusal(run, 1, /big\.xlsx is too large for the command: its sheet Capacity holds 1,000,01\d cells, more than the 1,000,000 the command reads; move the Initiatives, Capacity and Settings tables to sheets of their own/);
  }, 30_000);

  it('plans a workbook with a million cells on a sheet without tables (a ledger extract), and copies that sheet untouched', async () => {
    const bytes = await withMillionCells('xl/worksheets/sheet3.xml', 10); // the Summary sheet
    const input = folder.path('ledger.xlsx');
    writeFileSync(input, bytes);
    const run = await runCommand([input, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = await JSZip.loadAsync(readFileSync(folder.path('ledger.prioritised.xlsx')));
    const summaryIn = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet3.xml')!.async('nodebuffer');
    const summaryOut = await out.file('xl/worksheets/sheet3.xml')!.async('nodebuffer');
    expect(summaryOut.equals(summaryIn)).toBe(true);
    expect(summaryOut.length).toBeGreaterThan(2_000_000);
  }, 30_000);
});
