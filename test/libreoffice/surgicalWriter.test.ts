// LibreOffice and the file the command writes (issue 21): LibreOffice opens the output and finds both of
// our charts, and a workbook LibreOffice saved (its tables carry no table style) is planned and written.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readZip } from '../../src/adapters/exceljs/zip';
import { portfolioWorkbook, tempFolder, toBytes } from '../adapters/exceljs/xlsxFixtures';
import { withOfficeParts } from '../adapters/xlsx/officeParts';
import { runCommand } from '../cli/runCommand';
import { convertWithLibreOffice, sheetsAsShown } from './libreOffice';

const folder = tempFolder();
afterAll(() => folder.cleanup());

const partsOf = (path: string) => new Map(readZip(readFileSync(path)).map((e) => [e.name, e]));

describe('the command on a workbook LibreOffice saved, and LibreOffice on what the command writes', () => {
  let resaved: string;
  let output: string;

  beforeAll(async () => {
    const original = folder.path('excel.xlsx');
    writeFileSync(original, await toBytes(portfolioWorkbook()));
    mkdirSync(folder.path('lo'));
    resaved = await convertWithLibreOffice(original, 'xlsx', folder.path('lo'));
    output = folder.path('planned.xlsx');
    const run = await runCommand([resaved, '--out', output]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('plans a workbook LibreOffice saved, whose tables carry no table style', () => {
    const tables = [...partsOf(resaved).entries()].filter(([name]) => /^xl\/tables\/table\d+\.xml$/.test(name));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.some(([, e]) => !e.data().toString().includes('tableStyleInfo'))).toBe(true);
    const table = [...partsOf(output).entries()].find(([name, e]) => /^xl\/tables\//.test(name) && e.data().toString().includes('name="Priority"'));
    expect(table).toBeDefined();
  });

  it('is opened by LibreOffice, which shows our cells and keeps both charts when it saves the file again', async () => {
    const sheets = await sheetsAsShown(output);
    expect(sheets.get('Change impact')?.[0]?.[0]).toMatch(/^Change impact: /);
    const portfolio = sheets.get('Portfolio')!;
    expect(portfolio.some((row) => row.includes('Priority'))).toBe(true);
    mkdirSync(folder.path('again'));
    const again = await convertWithLibreOffice(output, 'xlsx', folder.path('again'));
    const charts = [...partsOf(again).entries()].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, e]) => e.data().toString());
    expect(charts.map((c) => (c.includes('bubbleChart') ? 'bubble' : c.includes('barChart') ? 'columns' : 'other')).sort()).toEqual(['bubble', 'columns']);
  });
});

describe('LibreOffice on the output of a workbook with a slicer, a timeline and a threaded comment', () => {
  it('opens it and shows the plan on the sheet those parts belong to', async () => {
    const input = folder.path('board.xlsx');
    writeFileSync(input, await withOfficeParts(await toBytes(portfolioWorkbook())));
    const output = folder.path('board-planned.xlsx');
    const run = await runCommand([input, '--out', output]);
    expect(run.code).toBe(0);
    const sheets = await sheetsAsShown(output);
    expect(sheets.get('Portfolio')!.some((row) => row.includes('Decision'))).toBe(true);
    expect(sheets.get('Change impact')?.[0]?.[0]).toMatch(/^Change impact: /);
  });
});
