import { excelJsPort } from '../../../src/adapters/exceljs/excelJsPort';
import { openWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import { asExcelSavesTables, editZip, portfolioWorkbook, toBytes } from './xlsxFixtures';

async function snapshotOf(bytes: Buffer) {
  const { workbook } = await openWorkbook(bytes);
  return excelJsPort(workbook).read();
}

describe('reading a workbook file', () => {
  it('finds the Initiatives table where it starts, not only at A1', async () => {
    const snapshot = await snapshotOf(await toBytes(portfolioWorkbook({ at: 'C5' })));
    expect(snapshot.initiatives).toMatchObject({ sheet: 'Portfolio', name: 'Initiatives', origin: { row: 4, column: 2 } });
    expect(snapshot.initiatives!.headers.slice(0, 2)).toEqual(['ID', 'Initiative']);
    expect(snapshot.initiatives!.rows.map((r) => r[1])).toEqual(['Invoice matching', 'Claims triage', 'Churn early warning', 'HR policy chatbot', 'Sales call summaries']);
  });

  it('finds the table on any sheet, whatever the case of its name', async () => {
    const snapshot = await snapshotOf(await toBytes(portfolioWorkbook({ tableName: 'INITIATIVES', sheetName: 'AI plan' })));
    expect(snapshot.initiatives).toMatchObject({ sheet: 'AI plan', name: 'INITIATIVES' });
  });

  it('reads the Capacity table beside it', async () => {
    const snapshot = await snapshotOf(await toBytes(portfolioWorkbook({ teams: { Legal: 6, Security: 4 } })));
    expect(snapshot.capacity!.rows).toEqual([['Legal', 6, 'weeks'], ['Security', 4, 'weeks']]);
  });

  it('keeps the header row of a table saved by Excel, which leaves headerRowCount out', async () => {
    const snapshot = await snapshotOf(await asExcelSavesTables(await toBytes(portfolioWorkbook())));
    expect(snapshot.initiatives!.headers[1]).toBe('Initiative');
    expect(snapshot.initiatives!.rows).toHaveLength(5);
  });

  it('lists the other tables for "pick another table"', async () => {
    const snapshot = await snapshotOf(await toBytes(portfolioWorkbook()));
    expect(snapshot.tables).toEqual([{ name: 'Capacity', sheet: 'Capacity', rows: 2, columns: 3, headers: ['Team', 'Capacity', 'Unit'] }]);
  });

  it('has no Initiatives table to offer when the workbook has none', async () => {
    const snapshot = await snapshotOf(await toBytes(portfolioWorkbook({ tableName: 'Projects' })));
    expect(snapshot.initiatives).toBeUndefined();
  });

  it('fingerprints the inputs the same way on every read', async () => {
    const bytes = await toBytes(portfolioWorkbook());
    expect((await snapshotOf(bytes)).fingerprint).toBe((await snapshotOf(bytes)).fingerprint);
  });

  it("hands the engine a date cell's and a percentage's number format, and names a formula saved without its result", async () => {
    const workbook = portfolioWorkbook();
    const sheet = workbook.getWorksheet('Portfolio')!;
    const headers = (sheet.getRow(3).values as unknown[]).map(String);
    const column = (header: string) => headers.indexOf(header);
    const dated = sheet.getCell(4, column('Annual value'));
    dated.value = new Date(Date.UTC(2025, 6, 1));
    dated.numFmt = 'dd/mm/yyyy';
    const percent = sheet.getCell(5, column('Strategic fit'));
    percent.value = 1.5;
    percent.numFmt = '0%';
    sheet.getCell(6, column('Annual value')).value = { formula: 'H6*1000' } as never;
    const table = (await snapshotOf(await toBytes(workbook))).initiatives!;
    const at = (header: string) => table.headers.indexOf(header);
    expect(table.rows[0]![at('Annual value')]).toBe(45839);
    expect(table.formats?.[0]?.[at('Annual value')]).toBe('dd/mm/yyyy');
    expect(table.formats?.[1]?.[at('Strategic fit')]).toBe('0%');
    expect(table.rows[2]![at('Annual value')]).toBe('');
    expect(table.uncalculated).toEqual([{ row: 2, column: at('Annual value') }]);
  });

  // As the command's reader and Excel read the same file: a formula's result of 0 or FALSE is a value (exceljs
  // drops falsy results), date1904="true" is the 1904 system and \£0.0\m keeps its backslashes (exceljs takes
  // only date1904="1" and drops every backslash), as LibreOffice saves them.
  it('reads a file as LibreOffice saves it: a formula giving 0 or FALSE, date1904="true", a format with backslashes', async () => {
    const workbook = portfolioWorkbook();
    const sheet = workbook.getWorksheet('Portfolio')!;
    const headers = (sheet.getRow(3).values as unknown[]).map(String);
    const column = (header: string) => headers.indexOf(header);
    sheet.getCell(4, column('Security')).value = { formula: '1-1', result: 7 };
    sheet.getCell(5, column('Data rights')).value = { formula: 'FALSE()', result: true };
    const pounds = sheet.getCell(6, column('Annual value'));
    pounds.value = 1.2;
    pounds.numFmt = '\\£0.0\\m';
    const bytes = await editZip(await toBytes(workbook), async (zip) => {
      const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', sheetXml.replace('<f>1-1</f><v>7</v>', '<f>1-1</f><v>0</v>').replace('<f>FALSE()</f><v>1</v>', '<f>FALSE()</f><v>0</v>'));
      const book = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', book.replace(/<workbookPr\b/, '<workbookPr date1904="true"'));
    });
    const table = (await snapshotOf(bytes)).initiatives!;
    const at = (header: string) => table.headers.indexOf(header);
    expect([table.rows[0]![at('Security')], table.rows[1]![at('Data rights')]]).toEqual([0, false]);
    expect(table.uncalculated).toBeUndefined();
    expect(table.date1904).toBe(true);
    expect(table.formats?.[2]?.[at('Annual value')]).toBe('\\£0.0\\m');
  });
});
