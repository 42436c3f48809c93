import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { excelJsPort } from '../../../src/adapters/exceljs/excelJsPort';
import { sampleWorkbookBytes } from '../../../src/adapters/exceljs/sampleWorkbook';
import { openWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { prioritise } from '../../../src/engine/plan';
import { plannerInput } from '../../../src/app/runPlan';

const COMMITTED = join(__dirname, '..', '..', '..', 'examples', 'sample-portfolio.xlsx');

describe('the sample portfolio workbook', () => {
  it('holds the same tables the task pane inserts', async () => {
    const { workbook } = await openWorkbook(await sampleWorkbookBytes());
    const snapshot = await excelJsPort(workbook).read();
    const { initiatives, capacity } = sampleTables();
    // The file also carries the value column's "$" number format, which states the amounts' currency.
    const { formats, ...read } = snapshot.initiatives!;
    expect(read).toEqual(initiatives);
    expect(formats?.[0]?.[initiatives.headers.indexOf('Annual value')]).toBe('"$"#,##0');
    expect(snapshot.capacity).toEqual(capacity);
  });

  it('reads a number formatted as euros as euros, converted with the FX rates table', async () => {
    const { workbook } = await openWorkbook(await sampleWorkbookBytes());
    const sheet = workbook.getWorksheet('Portfolio')!;
    const valueColumn = (sheet.getRow(1).values as unknown[]).indexOf('Annual value');
    sheet.getCell(2, valueColumn).value = 100_000;
    // A style of its own: exceljs shares one style object among the column's cells.
    sheet.getCell(2, valueColumn).style = { numFmt: '[$€-407] #,##0' };
    workbook.addWorksheet('Rates').addTable({ name: 'FXRates', ref: 'A1', headerRow: true, columns: [{ name: 'Currency' }, { name: 'Rate' }], rows: [['EUR', 1.1]] });
    const snapshot = await excelJsPort(workbook).read();
    const plan = prioritise(plannerInput(snapshot), { now: '2026-01-01T00:00:00Z' });
    expect(plan.money).toMatchObject({ currency: 'USD', fxRates: { EUR: 1.1 } });
    expect(plan.entries[0]?.initiative.annualValue).toBeCloseTo(110_000);
  });

  it('formats annual value as money and freezes the header row and the names', async () => {
    const { workbook } = await openWorkbook(await sampleWorkbookBytes());
    const sheet = workbook.getWorksheet('Portfolio')!;
    const valueColumn = (sheet.getRow(1).values as unknown[]).indexOf('Annual value');
    expect(sheet.getCell(2, valueColumn).numFmt).toBe('"$"#,##0');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
  });

  it('is the same file, byte for byte, every time it is built', async () => {
    expect((await sampleWorkbookBytes()).equals(await sampleWorkbookBytes())).toBe(true);
  });

  it('is what examples/sample-portfolio.xlsx holds (run npm run sample after changing the sample)', async () => {
    expect(readFileSync(COMMITTED).equals(await sampleWorkbookBytes())).toBe(true);
  });

  it('inserts the sample through the port into a workbook that has none', async () => {
    const workbook = new ExcelJS.Workbook();
    const port = excelJsPort(workbook);
    await port.insertSample();
    const snapshot = await port.read();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Portfolio', 'Capacity']);
    expect(snapshot.initiatives!.rows).toHaveLength(25);
  });
});
