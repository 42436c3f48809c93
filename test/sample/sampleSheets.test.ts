import { sampleSheets } from '../../src/sample/sampleSheets';
import { sampleTables } from '../../src/sample/samplePortfolio';

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
