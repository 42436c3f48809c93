// Saving settings into an existing Setting/Value table, as `settingsEdits` says
// (the same edits every adapter makes): values updated in place, missing rows
// added below, a team's capacity no longer set cleared; rows the user added
// (notes, other settings) are left alone.

import { normalise } from '../../engine/cells';
import type { Settings } from '../../engine/types';
import { TEXT_FORMAT } from '../../layout/grid';
import { settingsEdits } from '../../layout/settingsEdits';
import { SETTINGS_COLUMNS_MESSAGE } from '../../port/problems';
import { readTable } from './readTable';
import { resizeTable, tableGeometry, type TableHandle } from './tables';
import { writeRow } from './writeSheet';

export function saveSettingsTable(table: TableHandle, settings: Settings): void {
  const raw = readTable(table);
  const geometry = tableGeometry(table.model);
  const labelColumn = raw ? raw.headers.findIndex((h) => normalise(h) === 'setting') : -1;
  const valueColumn = raw ? raw.headers.findIndex((h) => normalise(h) === 'value') : -1;
  if (!raw || !geometry || labelColumn < 0 || valueColumn < 0) throw new Error(SETTINGS_COLUMNS_MESSAGE);
  const edits = settingsEdits(raw, settings);
  for (const update of edits.updates) {
    writeRow(table.worksheet, geometry.firstBodyRow + update.rowIndex, geometry.left + valueColumn, [update.value], [update.format]);
  }
  let bottom = geometry.bottom;
  for (const row of edits.appended) {
    bottom++;
    if (table.worksheet.findRow(bottom)?.hasValues) table.worksheet.spliceRows(bottom, 0, []);
    const cells = Array<string | number | null>(raw.headers.length).fill(null);
    cells[labelColumn] = row.label;
    cells[valueColumn] = row.value;
    writeRow(table.worksheet, bottom, geometry.left, cells, cells.map((_, i) => (i === valueColumn ? row.format : i === labelColumn ? TEXT_FORMAT : null)));
  }
  if (bottom !== geometry.bottom) resizeTable(table.model, { ...geometry, bottom });
}
