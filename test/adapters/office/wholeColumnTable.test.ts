// A table made by selecting whole columns (Insert > Table on A:AE gives
// A1:AE1048576) with 25 initiatives in it: the adapter reads, checks and
// writes those 25 rows, in as many round trips as an ordinary table, never the
// declared million rows (issue 15). The fake refuses, as Excel on the web
// does, any request or response above 5 MB.

import { generatePortfolio } from '../../../bench/generate';
import { REQUEST_LIMIT_BYTES } from '../../../src/adapters/office/payload';
import { runPlan } from '../../../src/app/runPlan';
import type { CellValue, RawTable } from '../../../src/engine/types';
import { addTable, fakeExcel, type FakeExcel } from './fakeExcel';
import { MAX_COLUMNS, MAX_ROWS } from './fakeExcel/model';
import { NOW, everything, portOn, syncsSince } from './workbooks';
import { WHOLE_COLUMN_SETTINGS_MESSAGE } from '../../../src/adapters/office/readWorkbook';
import { SETTINGS_TABLE } from '../../../src/layout/names';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';

type Declared = number | 'whole columns' | undefined;

function workbook(initiatives: RawTable, capacity: RawTable, declaredRows: Declared): FakeExcel {
  const fake = fakeExcel();
  addTable(fake.model, { sheet: initiatives.sheet, name: initiatives.name, headers: initiatives.headers, rows: initiatives.rows, origin: initiatives.origin, declaredRows });
  addTable(fake.model, { sheet: capacity.sheet, name: capacity.name, headers: capacity.headers, rows: capacity.rows, origin: capacity.origin });
  return fake;
}

async function runOn(fake: FakeExcel) {
  const from = fake.contexts.length;
  const result = await runPlan(portOn(fake), { now: NOW });
  return { result, syncs: syncsSince(fake, from) };
}

/** The sheet's cells (values and formats alike) in the table's rows below `lastRow`, down to the sheet's end. */
const cellsBelow = (fake: FakeExcel, lastRow: number) => [...fake.model.sheet('Portfolio')!.cellsIn({ row: lastRow + 1, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS })];

/** Zero-based sheet column of a header of the Initiatives table. */
const columnOf = (fake: FakeExcel, header: string) => {
  const table = fake.model.table('Initiatives')!;
  return table.column + table.headers.indexOf(header);
};

describe('a table made from whole columns, 25 rows used', () => {
  const { initiatives, capacity } = generatePortfolio(25, 25);

  it('is read as its 25 rows in the read\'s two round trips, and the fake refuses its declared million rows in one response', async () => {
    const fake = workbook(initiatives, capacity, 'whole columns');
    expect(fake.model.table('Initiatives')!.rect.rows).toBe(MAX_ROWS);
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives?.rows).toEqual(initiatives.rows);
    expect(syncsSince(fake).map((s) => s.refused)).toEqual([undefined, undefined]);
    // What a read of the declared range would meet (the body's values, in one response).
    const body = fake.excel.workbook.tables.getItem('Initiatives').getDataBodyRange().load('values');
    await expect(fake.excel.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.context.syncs.at(-1)?.refused).toBe('ResponsePayloadSizeLimitExceeded');
    expect(() => body.values).toThrow(/not available/);
  });

  it('plans and writes as the same table declared to its rows: same round trips, same cells, no request near the cap', async () => {
    const whole = workbook(initiatives, capacity, 'whole columns');
    const ordinary = workbook(initiatives, capacity, undefined);
    for (let run = 0; run < 2; run++) {
      const a = await runOn(whole);
      const b = await runOn(ordinary);
      expect(a.result.kind).toBe('written');
      expect(a.result.plan.entries).toHaveLength(25);
      expect(a.syncs.length).toBe(b.syncs.length);
      expect(a.syncs.length).toBe(4);
      expect(a.syncs.filter((s) => s.refused)).toEqual([]);
      expect(Math.max(...a.syncs.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThan(REQUEST_LIMIT_BYTES / 10);
      const width = whole.model.table('Initiatives')!.columns;
      const sheetOf = (fake: FakeExcel) => fake.model.sheet('Portfolio')!.values({ row: 0, column: 0, rows: 27, columns: width });
      expect(sheetOf(whole)).toEqual(sheetOf(ordinary));
    }
  });

  it('writes its outputs, formats and highlight rules to the 25 rows only, and leaves the table declared as the user made it', async () => {
    const fake = workbook(initiatives, capacity, 'whole columns');
    expect((await runOn(fake)).result.kind).toBe('written');
    const sheet = fake.model.sheet('Portfolio')!;
    const priority = columnOf(fake, 'Priority');
    expect(Array.from({ length: 25 }, (_, r) => typeof sheet.value(1 + r, priority))).toEqual(Array(25).fill('number'));
    expect(cellsBelow(fake, 25)).toEqual([]);
    expect(sheet.conditionalFormats.length).toBeGreaterThan(0);
    for (const rule of sheet.conditionalFormats) expect(rule.rect.row + rule.rect.rows).toBeLessThanOrEqual(26);
    expect(fake.model.table('Initiatives')!.rect.rows).toBe(MAX_ROWS);
  });

  it('counts another whole-column table of the user by its used rows', async () => {
    const fake = workbook(initiatives, capacity, 'whole columns');
    addTable(fake.model, { sheet: 'Notes', name: 'Notes', headers: ['Topic', 'Note'], rows: [['Budget', 'Ask finance'], ['Legal', '']], declaredRows: 'whole columns' });
    const snapshot = await portOn(fake).read();
    expect(snapshot.tables.find((t) => t.name === 'Notes')?.rows).toBe(2);
  });

  it('is checked again before the write by its used rows: an initiative typed below the others since the read is seen, and nothing is written', async () => {
    const fake = workbook(initiatives, capacity, 'whole columns');
    const port = portOn(fake);
    const snapshot = await port.read();
    const first = await runPlan({ ...port, read: async () => snapshot }, { now: NOW });
    expect(first.kind).toBe('written');
    const before = await port.read();
    fake.model.typeInto('Portfolio', 'B27', 'A late idea');
    const result = await runPlan({ ...port, read: async () => before }, { now: NOW });
    expect(result.kind === 'not-written' && result.outcome.problem).toEqual({ kind: 'changed', message: expect.stringMatching(/Rows were added to or removed .* \(it had 25, now 26\)/) });
  });
});

describe('a settings table made from whole columns', () => {
  it('is refused in one plain line naming it, on a read and on saving settings, and nothing is changed', async () => {
    const { initiatives, capacity } = generatePortfolio(5, 5);
    const fake = workbook(initiatives, capacity, undefined);
    addTable(fake.model, { sheet: 'My settings', name: SETTINGS_TABLE, headers: ['Setting', 'Value'], rows: [['Planning period', 'FY27']], declaredRows: 'whole columns' });
    const before = everything(fake);
    const port = portOn(fake);
    await expect(port.read()).rejects.toThrow(WHOLE_COLUMN_SETTINGS_MESSAGE);
    await expect(port.saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(WHOLE_COLUMN_SETTINGS_MESSAGE);
    expect(WHOLE_COLUMN_SETTINGS_MESSAGE).toContain(SETTINGS_TABLE);
    expect(everything(fake)).toEqual(before);
  });
});

describe('a column mapping table made from whole columns', () => {
  it('gets a new entry in its first blank row below the others, stays declared as the user made it, and reads back by its used rows', async () => {
    const { initiatives, capacity } = generatePortfolio(5, 5);
    const fake = workbook(initiatives, capacity, undefined);
    addTable(fake.model, { sheet: 'Mapping', name: 'MyMapping', headers: ['Column', 'Header'], rows: [['Annual value', 'Benefit']], declaredRows: 'whole columns' });
    const port = portOn(fake);
    await port.saveColumnMapping([{ column: 'Annual value', header: 'Yearly benefit' }, { column: 'Strategic fit', header: 'Fit' }]);
    expect(fake.model.sheet('Mapping')!.values({ row: 0, column: 0, rows: 4, columns: 2 })).toEqual([['Column', 'Header'], ['Annual value', 'Yearly benefit'], ['Strategic fit', 'Fit'], ['', '']]);
    expect(fake.model.table('MyMapping')!.rect.rows).toBe(MAX_ROWS);
    expect((await port.read()).columnMapping?.rows).toEqual([['Annual value', 'Yearly benefit'], ['Strategic fit', 'Fit']]);
  });
});

describe('a whole-column table too large for one response', () => {
  it('is read in row chunks down to its last used row only, cell for cell the same', async () => {
    const long = 'x'.repeat(200);
    const headers = ['Initiative', ...Array.from({ length: 14 }, (_, i) => `Note ${i + 1}`)];
    const rows = Array.from({ length: 2_000 }, (_, r) => [`Initiative ${r}`, ...headers.slice(1).map(() => long)]);
    const fake = fakeExcel();
    addTable(fake.model, { sheet: 'Portfolio', name: 'Initiatives', headers, rows, declaredRows: 'whole columns' });
    const snapshot = await portOn(fake).read();
    expect(snapshot.initiatives!.rows).toEqual(rows);
    const syncs = syncsSince(fake);
    expect(syncs.filter((s) => s.refused).map((s) => s.refused)).toEqual(['ResponsePayloadSizeLimitExceeded']);
    // Names, the refused read, the size, then two halves of the 2,000 rows: not a million rows' worth of chunks.
    expect(syncs).toHaveLength(5);
    expect(syncs.filter((s) => !s.refused).every((s) => s.responseBytes <= 5 * 1024 * 1024)).toBe(true);
  });
});

describe('blank rows in a table declared larger than its rows', () => {
  it('keeps the blank rows between initiatives as gaps, and leaves the blank rows after the last one out: no Priority, no cell', async () => {
    const { initiatives, capacity } = generatePortfolio(8, 8);
    const blank = (): CellValue[] => Array<CellValue>(initiatives.headers.length).fill('');
    // Rows 1-5, two blank rows, rows 6-8; declared to 40 rows, so 30 blank rows follow.
    const rows = [...initiatives.rows.slice(0, 5), blank(), blank(), ...initiatives.rows.slice(5)];
    const fake = workbook({ ...initiatives, rows }, capacity, 40);
    const { result } = await runOn(fake);
    expect(result.kind).toBe('written');
    expect(result.snapshot.initiatives?.rows).toEqual(rows);
    expect(result.plan.entries).toHaveLength(8);
    const sheet = fake.model.sheet('Portfolio')!;
    const priority = columnOf(fake, 'Priority');
    const why = columnOf(fake, 'Why');
    const ranked = Array.from({ length: 10 }, (_, r) => sheet.value(1 + r, priority) !== '');
    expect(ranked).toEqual([true, true, true, true, true, false, false, true, true, true]);
    expect([sheet.value(6, why), sheet.value(7, why)]).toEqual(['', '']);
    expect(cellsBelow(fake, 10)).toEqual([]);
  });
});
