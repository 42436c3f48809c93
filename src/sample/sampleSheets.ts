// The sample portfolio as sheets, for "Insert sample portfolio": the same data
// as `sampleTables`, with the number formats, widths and tables every adapter
// writes, so the sample looks the same in Excel and in the preview.

import { SheetBuilder, type SheetLayout } from '../layout/grid';
import { CAPACITY_TABLE, INITIATIVES_TABLE } from '../layout/names';
import { SAMPLE_HEADERS, SAMPLE_ROWS, SAMPLE_TEAMS } from './samplePortfolio';

const FORMATS: Partial<Record<(typeof SAMPLE_HEADERS)[number], string>> = { 'Annual value': '"$"#,##0' };
const WIDE = new Set(['Initiative', 'Decision changed', 'Success metric', 'Override reason']);

export function sampleSheets(sheetNames = { initiatives: 'Portfolio', capacity: 'Capacity' }): { initiatives: SheetLayout; capacity: SheetLayout } {
  const portfolio = new SheetBuilder(SAMPLE_HEADERS.length);
  portfolio.row([...SAMPLE_HEADERS], [], 'header');
  const formats = SAMPLE_HEADERS.map((h) => FORMATS[h] ?? null);
  for (const row of SAMPLE_ROWS) portfolio.row(row, formats);
  portfolio.tables.push({ name: INITIATIVES_TABLE, row: 0, column: 0, rows: SAMPLE_ROWS.length + 1, columns: SAMPLE_HEADERS.length });
  const widths = SAMPLE_HEADERS.map((h) => (WIDE.has(h) ? 34 : Math.max(9, Math.min(18, h.length + 2))));

  const capacity = new SheetBuilder(3);
  capacity.row(['Team', 'Capacity', 'Unit'], [], 'header');
  for (const t of SAMPLE_TEAMS) capacity.row([t.team, t.capacity, t.unit], [null, '0', null]);
  capacity.tables.push({ name: CAPACITY_TABLE, row: 0, column: 0, rows: SAMPLE_TEAMS.length + 1, columns: 3 });

  return {
    initiatives: portfolio.build(sheetNames.initiatives, widths, 1),
    capacity: capacity.build(sheetNames.capacity, [22, 10, 10], 1),
  };
}
