// Saving settings into an existing Setting/Value table: each known setting's
// Value cell is updated in place, missing ones are added below; rows the user
// added (notes, other settings) are left alone.

import { normalise } from '../../engine/cells';
import type { Settings } from '../../engine/types';
import { TEXT_FORMAT } from '../../layout/grid';
import { settingsRows } from '../../layout/settingsSheet';
import { readTable } from './readTable';
import { resizeTable, tableGeometry, type TableHandle } from './tables';
import { writeRow } from './writeSheet';

export function saveSettingsTable(table: TableHandle, settings: Settings): void {
  const raw = readTable(table);
  const geometry = tableGeometry(table.model);
  if (!raw || !geometry) return;
  const labelColumn = raw.headers.findIndex((h) => normalise(h) === 'setting');
  const valueColumn = raw.headers.findIndex((h) => normalise(h) === 'value');
  if (labelColumn < 0 || valueColumn < 0) return;
  const rowOf = new Map(raw.rows.map((row, i) => [normalise(String(row[labelColumn] ?? '')), geometry.firstBodyRow + i]));
  let bottom = geometry.bottom;
  for (const { label, value } of settingsRows(settings)) {
    const format = typeof value === 'number' ? 'General' : TEXT_FORMAT;
    const row = rowOf.get(normalise(label));
    if (row !== undefined) {
      writeRow(table.worksheet, row, geometry.left + valueColumn, [value], [format]);
      continue;
    }
    bottom++;
    if (table.worksheet.findRow(bottom)?.hasValues) table.worksheet.spliceRows(bottom, 0, []);
    const cells = Array<string | number | null>(raw.headers.length).fill(null);
    cells[labelColumn] = label;
    cells[valueColumn] = value;
    writeRow(table.worksheet, bottom, geometry.left, cells, cells.map((_, i) => (i === valueColumn ? format : i === labelColumn ? TEXT_FORMAT : null)));
  }
  if (bottom !== geometry.bottom) resizeTable(table.model, { ...geometry, bottom });
}
