import { tableFingerprint } from '../../../src/engine/fingerprint';
import { createOfficeWorkbook } from '../../../src/adapters/office/officeWorkbook';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { addTable, fakeExcel } from './fakeExcel';
import { generatedWorkbook, portOn, sampleWorkbook, syncsSince, workbookWith } from './workbooks';

describe('reading the workbook through office.js', () => {
  it('reads the Initiatives table\'s headers, cells and position where it sits', async () => {
    const { initiatives, capacity } = sampleTables();
    const fake = workbookWith({ ...initiatives, sheet: 'AI plan', origin: { row: 3, column: 1 } }, capacity);
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives).toEqual({ ...initiatives, sheet: 'AI plan', origin: { row: 3, column: 1 } });
    expect(snapshot.capacity).toEqual(capacity);
  });

  it('reads output columns as blank and leaves them out of the fingerprint', async () => {
    const { initiatives } = sampleTables();
    const headers = [...initiatives.headers, 'Priority', 'Why'];
    const rows = initiatives.rows.map((row, i) => [...row, i + 1, 'an old reason']);
    const fake = workbookWith({ ...initiatives, headers, rows });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.rows.map((row) => row.slice(-2))).toEqual(rows.map(() => ['', '']));
    const ignored = new Set([headers.length - 2, headers.length - 1]);
    expect(snapshot.fingerprint).toBe(tableFingerprint({ headers, rows }, ignored));
  });

  it('reads the table the settings name instead of Initiatives', async () => {
    const { initiatives } = sampleTables();
    const fake = workbookWith({ ...initiatives, name: 'Pipeline2027' });
    addTable(fake.model, { sheet: 'Prioritisation settings', name: 'PrioritisationSettings', headers: ['Setting', 'Value'], rows: [['Initiatives table', 'Pipeline2027']], origin: { row: 3, column: 0 } });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives?.name).toBe('Pipeline2027');
    expect(snapshot.settings?.origin).toEqual({ row: 3, column: 0 });
  });

  it('lists the user\'s tables with their sheet, size and headers, and not the add-in\'s own', async () => {
    const fake = sampleWorkbook();
    addTable(fake.model, { sheet: 'Budget', name: 'Budget', headers: ['Line', 'Amount'], rows: [['IT', 5], ['HR', 3]] });
    addTable(fake.model, { sheet: 'Decision log', name: 'DecisionLog', headers: ['Run at (UTC)'], rows: [[1]] });
    const { tables } = await portOn(fake).read();
    expect(tables.map((t) => t.name)).toEqual(['Capacity', 'Budget']);
    expect(tables[1]).toEqual({ name: 'Budget', sheet: 'Budget', rows: 2, columns: 2, headers: ['Line', 'Amount'] });
  });

  it('finds no Initiatives table in a workbook without one, and still lists the others', async () => {
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'Ideas', name: 'Ideas', headers: ['Name', 'Value'], rows: [['Chatbot', 1]] });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives).toBeUndefined();
    expect(snapshot.fingerprint).toBe('');
    expect(snapshot.tables.map((t) => t.name)).toEqual(['Ideas']);
  });

  it.each([10, 10_000])('takes two round trips for %i initiatives', async (rows) => {
    const fake = generatedWorkbook(rows);
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.rows).toHaveLength(rows);
    expect(syncsSince(fake)).toHaveLength(2);
  });

  it('reads a table Excel on the web could not send at once in row chunks, cell for cell the same', async () => {
    const long = 'x'.repeat(200);
    const headers = ['Initiative', ...Array.from({ length: 14 }, (_, i) => `Note ${i + 1}`)];
    const rows = Array.from({ length: 2_000 }, (_, r) => [`Initiative ${r}`, ...headers.slice(1).map(() => long)]);
    const fake = workbookWith({ sheet: 'Portfolio', name: 'Initiatives', headers, rows, origin: { row: 0, column: 0 } });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.rows).toEqual(rows);
    const syncs = syncsSince(fake);
    expect(syncs.filter((s) => s.refused).map((s) => s.refused)).toEqual(['ResponsePayloadSizeLimitExceeded']);
    expect(syncs.filter((s) => !s.refused).every((s) => s.responseBytes <= 5 * 1024 * 1024)).toBe(true);
  });

  it('reads the number formats in the same row chunks, so formats Excel on the web could not send at once are read too', async () => {
    // Long custom formats: the number columns' formats alone are past the 5 MB a response may hold.
    const format = `#,##0 "${'k'.repeat(200)}"`;
    const headers = ['Initiative', ...Array.from({ length: 14 }, (_, i) => `Team ${i + 1}`)];
    const rows = Array.from({ length: 2_000 }, (_, r) => [`Initiative ${r}`, ...headers.slice(1).map(() => 1)]);
    const fake = workbookWith({ sheet: 'Portfolio', name: 'Initiatives', headers, rows, origin: { row: 0, column: 0 } });
    const sheet = fake.model.sheet('Portfolio')!;
    for (let r = 1; r <= rows.length; r++) for (let c = 1; c < headers.length; c++) sheet.cell(r, c).format = format;
    sheet.cell(rows.length, 3).format = '0%';
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.rows).toEqual(rows);
    expect(snapshot.initiatives!.formats?.[0]?.[1]).toBe(format);
    expect(snapshot.initiatives!.formats?.[rows.length - 1]?.[3]).toBe('0%');
    const syncs = syncsSince(fake);
    expect(syncs.some((s) => s.refused)).toBe(true);
    expect(syncs.filter((s) => !s.refused).every((s) => s.responseBytes <= 5 * 1024 * 1024)).toBe(true);
  });

  it('reads again when a column is inserted between its two round trips', async () => {
    const fake = sampleWorkbook();
    const run = fake.run;
    fake.run = (work) =>
      run((context) => {
        (context as unknown as { beforeSync: (n: number) => void }).beforeSync = (n) => {
          if (n !== 2) return;
          const table = fake.model.table('Initiatives')!;
          table.sheet.shiftRight({ row: table.row, column: table.column + 1, rows: table.bodyRows + 1, columns: 1 });
          table.columns++;
          table.sheet.cell(table.row, table.column + 1).value = 'Why';
        };
        return work(context);
      });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.headers.slice(0, 3)).toEqual(['ID', 'Why', 'Initiative']);
    expect(snapshot.initiatives!.rows[0]!.slice(0, 3)).toEqual(['AI-01', '', 'Credit-limit recommender']);
    expect(syncsSince(fake)).toHaveLength(4);
  });

  it('waits while the user types in a cell, says so once, and reads when they leave it', async () => {
    const fake = sampleWorkbook();
    fake.model.editing = true;
    const onEditing = jest.fn();
    let waits = 0;
    const port = createOfficeWorkbook({
      run: fake.run,
      supports: () => true,
      onEditing,
      retry: { delaysMs: [10], sleep: async () => void (++waits === 3 && (fake.model.editing = false)) },
    });
    const snapshot = await port.read();
    expect(snapshot.initiatives?.name).toBe('Initiatives');
    expect(onEditing).toHaveBeenCalledTimes(1);
    expect(waits).toBe(3);
  });
});

describe('a number formatted as a currency, through office.js', () => {
  it('reads the money column\'s number formats (Range.numberFormat): a number formatted as euros counts as euros', async () => {
    const { initiatives, capacity } = sampleTables();
    const value = initiatives.headers.indexOf('Annual value');
    const rows = initiatives.rows.map((row, r) => row.map((cell, c) => (c !== value ? cell : r === 1 ? 100_000 : '$100k')));
    const fake = workbookWith({ ...initiatives, rows }, capacity);
    // The second body row's value, formatted as euros; the sheet's row 3 (header on row 1).
    fake.model.sheet(initiatives.sheet)!.cell(initiatives.origin.row + 2, initiatives.origin.column + value).format = '[$€-x-euro2] #,##0';
    addTable(fake.model, { sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.5]] });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives?.formats?.[1]?.[value]).toBe('[$€-x-euro2] #,##0');
    const { prioritise } = await import('../../../src/engine/plan');
    const plan = prioritise(snapshot, { now: '2026-01-01T00:00:00Z' });
    expect(plan.money?.fxRates).toEqual({ EUR: 1.5 });
    expect(plan.entries.find((e) => e.initiative.rowIndex === 1)?.initiative.annualValue).toBe(150_000);
    expect(plan.entries.find((e) => e.initiative.rowIndex === 0)?.initiative.annualValue).toBe(100_000);
  });
});

describe('ratings and demands formatted as percentages or dates, through office.js', () => {
  it('reads the formats of the columns read as numbers, not only the money column: 50% is a rating of 3, 150% no rating, a date no demand', async () => {
    const { initiatives, capacity } = sampleTables();
    const fit = initiatives.headers.indexOf('Strategic fit');
    const legal = initiatives.headers.indexOf('Legal');
    const rows = initiatives.rows.map((row, r) => row.map((cell, c) => (c === fit && r < 2 ? [0.5, 1.5][r]! : c === legal && r === 2 ? 45_838 : cell)));
    const fake = workbookWith({ ...initiatives, rows }, capacity);
    const sheet = fake.model.sheet(initiatives.sheet)!;
    // Body row r is sheet row origin + 1 + r.
    sheet.cell(initiatives.origin.row + 1, initiatives.origin.column + fit).format = '0%';
    sheet.cell(initiatives.origin.row + 2, initiatives.origin.column + fit).format = '0%';
    sheet.cell(initiatives.origin.row + 3, initiatives.origin.column + legal).format = 'yyyy-mm-dd';
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives?.formats?.[0]?.[fit]).toBe('0%');
    expect(snapshot.initiatives?.formats?.[2]?.[legal]).toBe('yyyy-mm-dd');
    // A text column's format is not read: it changes nothing.
    expect(snapshot.initiatives?.formats?.[0]?.[initiatives.headers.indexOf('Initiative')]).toBeUndefined();
    const { prioritise } = await import('../../../src/engine/plan');
    const plan = prioritise(snapshot, { now: '2026-01-01T00:00:00Z' });
    const entry = (r: number) => plan.entries.find((e) => e.initiative.rowIndex === r)!;
    expect(entry(0).initiative.strategicFit).toBe(3);
    const cellOf = (r: number, c: number) => `${String.fromCharCode(65 + initiatives.origin.column + c)}${initiatives.origin.row + 2 + r}`;
    const problemCells = plan.issues.filter((i) => i.rowIndex === 1 || i.rowIndex === 2).map((i) => i.cell);
    expect(problemCells).toContain(cellOf(1, fit));
    expect(problemCells).toContain(cellOf(2, legal));
    expect(entry(1).gate.gate).toBe('Invalid input');
    expect(entry(2).gate.gate).toBe('Invalid input');
  });
});
