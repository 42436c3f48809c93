// The sample portfolio as sheets, for "Insert sample portfolio": the same data
// as `sampleTables`, with the number formats, widths and tables every adapter
// writes, so the sample looks the same in Excel and in the preview.

import { SheetBuilder, type SheetLayout } from '../layout/grid';
import { CAPACITY_TABLE, INITIATIVES_TABLE } from '../layout/names';
import type { CellValue } from '../engine/types';
import { SAMPLE_HEADERS, SAMPLE_ROWS, SAMPLE_TEAMS } from './samplePortfolio';

const FORMATS: Partial<Record<(typeof SAMPLE_HEADERS)[number], string>> = { 'Annual value': '"$"#,##0' };
const WIDE = new Set(['Initiative', 'Decision changed', 'Success metric', 'Override reason']);

const column = (header: (typeof SAMPLE_HEADERS)[number]) => SAMPLE_HEADERS.indexOf(header);

/**
 * The sample's rows, repeated to `count` for trying the pane at scale (the preview's ?initiatives=500):
 * each copy gets its own ID and name, a slightly lower value so copies do not tie, and no override.
 */
export function scaledSampleRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => {
    const copy = Math.floor(i / SAMPLE_ROWS.length);
    const row = [...SAMPLE_ROWS[i % SAMPLE_ROWS.length]!];
    if (copy === 0) return row;
    row[column('ID')] = `${String(row[column('ID')])}-${copy + 1}`;
    row[column('Initiative')] = `${String(row[column('Initiative')])} ${copy + 1}`;
    row[column('Annual value')] = Math.round(Number(row[column('Annual value')]) * (1 - 0.002 * copy));
    // Overrides stay with the original 25: copies forced in would fill the plan before anything is ranked.
    row[column('Override')] = '';
    row[column('Override reason')] = '';
    return row;
  });
}

export function sampleSheets(
  sheetNames = { initiatives: 'Portfolio', capacity: 'Capacity' },
  count = SAMPLE_ROWS.length,
): { initiatives: SheetLayout; capacity: SheetLayout } {
  const rows = count === SAMPLE_ROWS.length ? SAMPLE_ROWS : scaledSampleRows(count);
  const scale = count / SAMPLE_ROWS.length;
  const portfolio = new SheetBuilder(SAMPLE_HEADERS.length);
  portfolio.row([...SAMPLE_HEADERS], [], 'header');
  const formats = SAMPLE_HEADERS.map((h) => FORMATS[h] ?? null);
  for (const row of rows) portfolio.row(row, formats);
  portfolio.tables.push({ name: INITIATIVES_TABLE, row: 0, column: 0, rows: rows.length + 1, columns: SAMPLE_HEADERS.length });
  const widths = SAMPLE_HEADERS.map((h) => (WIDE.has(h) ? 34 : Math.max(9, Math.min(18, h.length + 2))));

  const capacity = new SheetBuilder(3);
  capacity.row(['Team', 'Capacity', 'Unit'], [], 'header');
  // Capacities grow with the portfolio, so the same teams stay the bottlenecks.
  for (const t of SAMPLE_TEAMS) capacity.row([t.team, Math.round(t.capacity * scale), t.unit], [null, '0', null]);
  capacity.tables.push({ name: CAPACITY_TABLE, row: 0, column: 0, rows: SAMPLE_TEAMS.length + 1, columns: 3 });

  return {
    initiatives: portfolio.build(sheetNames.initiatives, widths, 1, false),
    capacity: capacity.build(sheetNames.capacity, [22, 10, 10], 1, false),
  };
}
