import { sampleSheets, scaledSampleRows } from '../../src/sample/sampleSheets';
import { SAMPLE_HEADERS, SAMPLE_ROWS, SAMPLE_TEAMS, sampleTables } from '../../src/sample/samplePortfolio';

describe('the sample as sheets', () => {
  test('the Portfolio sheet holds the sample table exactly, header first', () => {
    const { initiatives } = sampleSheets();
    const { initiatives: table } = sampleTables();
    expect(initiatives.values).toEqual([table.headers, ...table.rows]);
    expect(initiatives.tables).toEqual([{ name: 'Initiatives', row: 0, column: 0, rows: table.rows.length + 1, columns: table.headers.length }]);
  });

  test('the Capacity sheet holds the sample teams', () => {
    const { capacity } = sampleSheets();
    expect(capacity.values).toEqual([['Team', 'Capacity', 'Unit'], ...sampleTables().capacity.rows]);
  });

  test('the sheets take the names they are given', () => {
    const sheets = sampleSheets({ initiatives: 'Portfolio (2)', capacity: 'Teams' });
    expect([sheets.initiatives.name, sheets.capacity.name]).toEqual(['Portfolio (2)', 'Teams']);
  });
});

describe('the sample at scale', () => {
  test('every copy has its own ID and name', () => {
    const rows = scaledSampleRows(60);
    const id = SAMPLE_HEADERS.indexOf('ID');
    const name = SAMPLE_HEADERS.indexOf('Initiative');
    expect(new Set(rows.map((r) => r[id])).size).toBe(60);
    expect(new Set(rows.map((r) => r[name])).size).toBe(60);
  });

  test('only the original 25 keep their overrides', () => {
    const rows = scaledSampleRows(75);
    const override = SAMPLE_HEADERS.indexOf('Override');
    expect(rows.slice(25).every((r) => r[override] === '')).toBe(true);
    expect(rows.slice(0, 25).map((r) => r[override])).toEqual(SAMPLE_ROWS.map((r) => r[override]));
  });

  test('team capacities grow with the portfolio', () => {
    const capacity = sampleSheets(undefined, 100).capacity;
    expect(capacity.values.slice(1).map((r) => r[1])).toEqual(SAMPLE_TEAMS.map((t) => t.capacity * 4));
  });
});
