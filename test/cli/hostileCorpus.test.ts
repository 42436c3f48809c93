// The corpus of hostile and messy workbooks (issue 15): each is built here with exceljs, run through
// the command, and held to the same promises: no crash and no stack trace, the expected exit code, a
// one-line message when it refuses, every bad cell named, nothing non-finite and no text past 32,767
// characters written, and every cell of the input the same in the output. New cases join CORPUS.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { workbookBytes } from '../../src/adapters/exceljs/workbookFile';
import { EXCEL_TEXT_LIMIT } from '../../src/layout/grid';
import { NOW, named } from '../builders';
import { cellsOf, editZip, fromBytes, portfolioWorkbook, tempFolder } from '../adapters/exceljs/xlsxFixtures';
import { runCommand } from './runCommand';

type Problem = { severity: string; sheet: string; column?: string; cell?: string; message: string };

type Case = {
  name: string;
  /** The workbook's bytes (most are built with exceljs; a few are not workbooks at all). */
  build: () => Promise<Buffer>;
  exitCode: 0 | 1;
  /** A refusal's one line (exit 1), or a problem the run must report, naming its cell (exit 0). */
  says?: RegExp;
  /** For exit 0: a problem naming this column and cell must be reported. */
  names?: { column: string; cell: string };
  /** More words for the command line (besides the input, --out and --json). */
  args?: string[];
  /** For exit 0: a check of the output workbook beyond the promises every case keeps. */
  output?: (workbook: ExcelJS.Workbook) => void;
};

const bytesOf = (workbook: ExcelJS.Workbook): Promise<Buffer> => workbookBytes(workbook, new Date(NOW));
const portfolio = (...rows: Parameters<typeof named>[]) => bytesOf(portfolioWorkbook({ rows: rows.map(([name, spec]) => named(name, spec)) }));
const PLAIN: Parameters<typeof named> = ['Plain row', { 'Annual value': 500_000, Legal: 1 }];
const PLAIN_ROW = named(...PLAIN);

/** Column letter of a header in the fixture's Initiatives table (at B3). */
function columnOf(workbook: ExcelJS.Workbook, header: string): number {
  let found = 0;
  workbook.getWorksheet('Portfolio')!.getRow(3).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  return found;
}

const CORPUS: Case[] = [
  {
    name: 'a 400-digit amount',
    build: () => portfolio(['Huge', { 'Annual value': `9${'0'.repeat(399)}` }], PLAIN),
    exitCode: 0,
    names: { column: 'Annual value', cell: 'G4' },
  },
  {
    name: 'amounts of 1e308 that would add up to Infinity',
    build: () => portfolio(['Huge one', { 'Annual value': 1e308 }], ['Huge two', { 'Annual value': 1e308, Legal: 1e308 }], PLAIN),
    exitCode: 0,
    names: { column: 'Annual value', cell: 'G5' },
  },
  {
    name: 'an amount whose dot could group thousands',
    build: () => portfolio(['Euro', { 'Annual value': '€1.234' }], PLAIN),
    exitCode: 0,
    names: { column: 'Annual value', cell: 'G4' },
  },
  {
    name: 'names holding control characters and a literal escape',
    build: () => portfolio(['Bell\u0007ring', {}], ['Code _x0041_ stays', {}], PLAIN),
    exitCode: 0,
  },
  {
    name: 'a name of 32,767 characters',
    build: () => portfolio(['N'.repeat(EXCEL_TEXT_LIMIT), { Override: 'In', 'Override reason': 'R'.repeat(EXCEL_TEXT_LIMIT) }], PLAIN),
    exitCode: 0,
    names: { column: 'Initiative', cell: 'C4' },
  },
  {
    name: 'formula-looking names',
    build: () => portfolio(['=HYPERLINK("http://x","y")', {}], ['+1', {}], ['@SUM(A1)', {}], PLAIN),
    exitCode: 0,
  },
  {
    name: 'a merged block inside the table covering a blank owner',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [named('First', { Owner: 'Marco Ruiz' }), named('Second', { Owner: null as never })] });
      const owner = columnOf(workbook, 'Owner');
      workbook.getWorksheet('Portfolio')!.mergeCells(4, owner, 5, owner);
      return bytesOf(workbook);
    },
    exitCode: 0,
  },
  {
    name: "a user's merged block reaching into where the outputs go",
    build: async () => {
      const workbook = portfolioWorkbook();
      const note = columnOf(workbook, 'Analyst note');
      workbook.getWorksheet('Portfolio')!.mergeCells(5, note, 5, note + 1);
      return bytesOf(workbook);
    },
    exitCode: 1,
    says: /Cells Portfolio!\w+5:\w+5 are merged into the Priority column/,
  },
  {
    name: 'settings given twice and a misspelt setting',
    build: async () => {
      const workbook = portfolioWorkbook();
      workbook.addWorksheet('Prioritisation settings').addTable({
        name: 'PrioritisationSettings',
        ref: 'A3',
        headerRow: true,
        columns: [{ name: 'Setting' }, { name: 'Value' }],
        rows: [
          ['In-flight limit', 4],
          ['In-flight limit', -3],
          ['Inflight limt', 2],
        ],
      });
      return bytesOf(workbook);
    },
    exitCode: 0,
    names: { column: 'Value', cell: 'B5' },
  },
  {
    name: 'a table with its own Priority and Decision columns',
    build: () => bytesOf(portfolioWorkbook({ userColumns: { 'Analyst note': 'checked', Priority: 'High', Decision: 'Approved by CFO' } })),
    exitCode: 1,
    says: /Table Initiatives has its own Priority and Decision columns \(Portfolio!\w+3, Portfolio!\w+3\), which the prioritiser did not make.* Run again with --beside/,
  },
  {
    name: 'a table with its own Priority column, run with --beside',
    build: () => bytesOf(portfolioWorkbook({ userColumns: { 'Analyst note': 'checked', Priority: 'High' } })),
    args: ['--beside'],
    exitCode: 0,
    output: (workbook) => {
      const headers = (workbook.getWorksheet('Portfolio')!.getRow(3).values as unknown[]).filter((v) => typeof v === 'string');
      expect(headers.filter((h) => String(h).startsWith('Priority'))).toEqual(['Priority', 'Priority (prioritiser)', 'Priority score']);
      const settings = workbook.getWorksheet('Prioritisation settings')!;
      const record = [...Array(settings.rowCount).keys()].map((r) => settings.getRow(r + 1)).find((row) => row.getCell(1).value === 'Output columns');
      expect(String(record?.getCell(2).value)).toMatch(/^Priority \(prioritiser\), Priority score, /);
    },
  },
  {
    name: 'a date in the money, rating and demand columns',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [named('Dated', { 'Annual value': 1, 'Strategic fit': 1, Legal: 1 }), named('Plain row', { 'Annual value': 500_000, Legal: 1 })] });
      const sheet = workbook.getWorksheet('Portfolio')!;
      for (const header of ['Annual value', 'Strategic fit', 'Legal']) {
        const cell = sheet.getCell(4, columnOf(workbook, header));
        cell.value = new Date(Date.UTC(2025, 6, 1));
        cell.numFmt = 'yyyy-mm-dd';
      }
      return bytesOf(workbook);
    },
    exitCode: 0,
    names: { column: 'Annual value', cell: 'G4' },
    output: (workbook) => {
      // The row is Invalid input, not "$45,839 of value": each of the three cells is named.
      const sheet = workbook.getWorksheet('Portfolio')!;
      expect(sheet.getCell(4, columnOf(workbook, 'Gate')).value).toBe('Invalid input');
    },
  },
  {
    name: 'an Earliest start typed as a date on a roadmap of quarters',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [named('Dated start', { 'Earliest start': 'placeholder' }), named('Plain row', { 'Annual value': 500_000, Legal: 1, 'Earliest start': '2027 Q2' })] });
      const cell = workbook.getWorksheet('Portfolio')!.getCell(4, columnOf(workbook, 'Earliest start'));
      cell.value = new Date(Date.UTC(2027, 3, 1));
      cell.numFmt = 'd-mmm-yy';
      workbook.addWorksheet('Prioritisation settings').addTable({ name: 'PrioritisationSettings', ref: 'A3', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['Horizons', '2027 Q1, 2027 Q2']] });
      return bytesOf(workbook);
    },
    exitCode: 0,
    says: /Earliest start in Portfolio!\w+4 is 2027-04-01, a date, which is not a horizon; expected one of 2027 Q1, 2027 Q2/,
  },
  {
    name: 'a rating shown as 150% (stored 1.5)',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [named('Percent', {}), PLAIN_ROW] });
      const cell = workbook.getWorksheet('Portfolio')!.getCell(4, columnOf(workbook, 'Strategic fit'));
      cell.value = 1.5;
      cell.numFmt = '0%';
      return bytesOf(workbook);
    },
    exitCode: 0,
    says: /150%/,
    names: { column: 'Strategic fit', cell: 'H4' },
  },
  {
    name: 'a formula saved without its result',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [named('Scripted', {}), PLAIN_ROW] });
      workbook.getWorksheet('Portfolio')!.getCell(4, columnOf(workbook, 'Annual value')).value = { formula: 'H4*1000' } as ExcelJS.CellValue;
      return bytesOf(workbook);
    },
    exitCode: 0,
    says: /formula saved without its result/,
    names: { column: 'Annual value', cell: 'G4' },
  },
  {
    name: 'a formula saved without its result in the Capacity table',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [PLAIN_ROW] });
      workbook.getWorksheet('Capacity')!.getCell('B2').value = { formula: 'C9*2' } as ExcelJS.CellValue; // Legal's capacity
      return bytesOf(workbook);
    },
    exitCode: 0,
    says: /Capacity in Capacity!B2 holds a formula saved without its result.*it counts as 0 until then/,
    names: { column: 'Capacity', cell: 'B2' },
  },
  {
    name: 'a formula saved without its result in the settings table',
    build: async () => {
      const workbook = portfolioWorkbook({ rows: [PLAIN_ROW] });
      const sheet = workbook.addWorksheet('My settings');
      sheet.addTable({ name: 'PrioritisationSettings', ref: 'A1', headerRow: true, columns: [{ name: 'Setting' }, { name: 'Value' }], rows: [['In-flight limit', 3]] });
      sheet.getCell('B2').value = { formula: 'D9+1' } as ExcelJS.CellValue;
      return bytesOf(workbook);
    },
    exitCode: 0,
    says: /Value in 'My settings'!B2 holds a formula saved without its result.*keeps its default/,
    names: { column: 'Value', cell: 'B2' },
  },
  { name: 'a text file named .xlsx', build: async () => Buffer.from('Initiative,Value\nA,1\n'), exitCode: 1, says: /is not an \.xlsx file/ },
  {
    name: 'a workbook cut short',
    build: async () => (await portfolio(PLAIN)).subarray(0, 2000),
    exitCode: 1,
    says: /damaged|not a workbook|cannot read/,
  },
  {
    name: 'a workbook missing the part of its Initiatives sheet',
    build: async () => editZip(await portfolio(PLAIN), (zip) => void zip.remove('xl/worksheets/sheet1.xml')),
    exitCode: 1,
    says: /is not a workbook the command can read: it is damaged: the part holding sheet Portfolio is missing; open it in Excel, which can repair it/,
  },
  {
    // Its text cells would all read as blank: it was refused as a table without an Initiative column, 'its headers are blank'.
    name: 'a workbook missing its shared strings part',
    build: async () => editZip(await portfolio(PLAIN), (zip) => void zip.remove('xl/sharedStrings.xml')),
    exitCode: 1,
    says: /is not a workbook the command can read: it is damaged: the part holding its text \(xl\/sharedStrings\.xml\) is missing; open it in Excel/,
  },
  {
    // It was planned and written with a list of part types naming only the prioritiser's parts, which nothing opens.
    name: 'a workbook missing its list of part types',
    build: async () => editZip(await portfolio(PLAIN), (zip) => void zip.remove('[Content_Types].xml')),
    exitCode: 1,
    says: /it is damaged: its list of part types \(\[Content_Types\]\.xml\) is missing, so Excel cannot open it either/,
  },
  {
    name: 'a workbook missing the part of its Initiatives table',
    build: async () => editZip(await portfolio(PLAIN), (zip) => void zip.remove('xl/tables/table1.xml')),
    exitCode: 1,
    says: /it is damaged: sheet Portfolio refers to a table whose part \(xl\/tables\/table1\.xml\) is missing/,
  },
  {
    // Valid XML the Open XML SDK writes when told to: the reader would see a table without its columns.
    name: 'a sheet written with namespace-prefixed elements (<x:row>, <x:c>)',
    build: async () =>
      editZip(await portfolio(PLAIN), async (zip) => {
        const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
        const prefixed = xml
          .replace(/<worksheet xmlns="([^"]+)"/, '<x:worksheet xmlns:x="$1"')
          .replace(/<(\/?)(?!x:|\?)([a-zA-Z]+[\s>/])/g, '<$1x:$2');
        zip.file('xl/worksheets/sheet1.xml', prefixed);
      }),
    exitCode: 1,
    says: /sheet Portfolio \(xl\/worksheets\/sheet1\.xml\) is written with namespace-prefixed elements \(<x:worksheet>\), which the command does not take; open the workbook in Excel or LibreOffice, save it and run again/,
  },
  {
    name: "a sheet whose cells' attributes are in single quotes (r='A1')",
    build: async () =>
      editZip(await portfolio(PLAIN), async (zip) => {
        const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
        const single = xml.replace(/<(row|c) ([^>]*)>/g, (_, tag: string, attributes: string) => `<${tag} ${attributes.replace(/="([^"]*)"/g, "='$1'")}>`);
        zip.file('xl/worksheets/sheet1.xml', single);
      }),
    exitCode: 1,
    says: /sheet Portfolio \(xl\/worksheets\/sheet1\.xml\) is written with attributes in single quotes/,
  },
  {
    name: 'a workbook without an Initiatives table',
    build: async () => {
      const workbook = portfolioWorkbook({ tableName: 'Projects' });
      return bytesOf(workbook);
    },
    exitCode: 1,
    says: /has no table named Initiatives \(its tables: Projects on Portfolio, Capacity on Capacity\)/,
  },
];

let folder: ReturnType<typeof tempFolder>;
beforeEach(() => (folder = tempFolder()));
afterEach(() => folder.cleanup());

/** Every cell with a value on every sheet, by "Sheet!A1". */
async function allCells(bytes: Buffer): Promise<Map<string, unknown>> {
  const workbook = await fromBytes(bytes);
  const cells = new Map<string, unknown>();
  for (const sheet of workbook.worksheets) for (const [address, cell] of cellsOf(sheet)) cells.set(`${sheet.name}!${address}`, cell.value);
  return cells;
}

describe.each(CORPUS.map((c): [string, Case] => [c.name, c]))('the command on %s', (_name, corpusCase) => {
  it(`exits ${corpusCase.exitCode} in one line or a report, writes only what Excel can hold, and keeps every input cell`, async () => {
    const input = folder.path('in.xlsx');
    const out = folder.path('out.xlsx');
    const bytes = await corpusCase.build();
    writeFileSync(input, bytes);
    const run = await runCommand([input, '--out', out, '--json', ...(corpusCase.args ?? [])]);
    expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
    expect(run.code).toBe(corpusCase.exitCode);
    expect(readFileSync(input).equals(bytes)).toBe(true);
    if (corpusCase.exitCode !== 0) {
      expect(run.stderr.split('\n')).toHaveLength(1);
      if (corpusCase.says) expect(run.stderr).toMatch(corpusCase.says);
      expect(existsSync(out)).toBe(false);
      return;
    }
    const report = JSON.parse(run.stdout) as { problems: Problem[] };
    if (corpusCase.names) expect(report.problems).toEqual(expect.arrayContaining([expect.objectContaining(corpusCase.names)]));
    if (corpusCase.says) expect(report.problems.map((p) => p.message).join('\n')).toMatch(corpusCase.says);
    for (const problem of report.problems) if (problem.cell) expect(problem.message).toContain(problem.cell);
    const before = await allCells(bytes);
    const after = await allCells(readFileSync(out));
    for (const [where, value] of before) expect([where, after.get(where)]).toEqual([where, value]);
    corpusCase.output?.(await fromBytes(readFileSync(out)));
    for (const [where, value] of after) {
      if (typeof value === 'number') expect([where, Number.isFinite(value)]).toEqual([where, true]);
      if (typeof value === 'string') expect([where, value.length <= EXCEL_TEXT_LIMIT]).toEqual([where, true]);
    }
  });
});
