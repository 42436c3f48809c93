import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { excelJsPort } from '../../../src/adapters/exceljs/excelJsPort';
import { sampleWorkbookBytes } from '../../../src/adapters/exceljs/sampleWorkbook';
import { openWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import { sampleTables } from '../../../src/sample/samplePortfolio';

const COMMITTED = join(__dirname, '..', '..', '..', 'examples', 'sample-portfolio.xlsx');

describe('the sample portfolio workbook', () => {
  it('holds the same tables the task pane inserts', async () => {
    const { workbook } = await openWorkbook(await sampleWorkbookBytes());
    const snapshot = await excelJsPort(workbook).read();
    const { initiatives, capacity } = sampleTables();
    expect(snapshot.initiatives).toEqual(initiatives);
    expect(snapshot.capacity).toEqual(capacity);
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
