// Saving settings into an existing Setting/Value table, as `settingsEdits` says
// (the same edits every adapter makes): values updated in place, missing rows
// added below as `settingsRowCells` lays them out, a team's capacity no longer
// set cleared; rows the user added (notes, other settings) are left alone.

import { normalise } from '../../engine/cells';
import type { CellValue, Settings } from '../../engine/types';
import { settingsEdits, type SettingsEdits } from '../../layout/settingsEdits';
import { meaningColumn } from '../../layout/settingsSheet';
import { protectedProblem, SETTINGS_COLUMNS_MESSAGE } from '../../port/problems';
import { WorkbookProblemError } from '../../port/workbookPort';
import { toCellValue } from './cellValue';
import { readTable } from './readTable';
import { isProtected } from './sheets';
import { resizeTable, tableGeometry, type TableHandle } from './tables';
import { writeRow } from './writeSheet';

/** The header-row cell where a settings table's What it means column would be (settingsEdits' `beside`). */
export function meaningHeaderBeside(table: TableHandle): CellValue {
  const geometry = tableGeometry(table.model);
  if (!geometry) return '';
  return toCellValue(table.worksheet.findCell(geometry.top, geometry.left + meaningColumn(geometry.right - geometry.left + 1))?.value ?? null, false);
}

export function saveSettingsTable(table: TableHandle, settings: Settings): void {
  const raw = readTable(table);
  if (!raw || !tableGeometry(table.model)) throw new Error(SETTINGS_COLUMNS_MESSAGE);
  if (isProtected(table.worksheet)) throw new WorkbookProblemError(protectedProblem(table.worksheet.name));
  applySettingsEdits(table, settingsEdits(raw, settings, meaningHeaderBeside(table)));
}

/** The edits made to the settings table (every adapter makes the same ones). */
export function applySettingsEdits(table: TableHandle, edits: SettingsEdits): void {
  if (edits.updates.length === 0 && edits.appended.length === 0) return;
  const raw = readTable(table);
  const geometry = tableGeometry(table.model);
  const valueColumn = raw ? raw.headers.findIndex((h) => normalise(h) === 'value') : -1;
  if (!raw || !geometry || valueColumn < 0) throw new Error(SETTINGS_COLUMNS_MESSAGE);
  for (const update of edits.updates) {
    writeRow(table.worksheet, geometry.firstBodyRow + update.rowIndex, geometry.left + valueColumn, [update.value], [update.format]);
  }
  let bottom = geometry.bottom;
  for (const cells of edits.appended) {
    bottom++;
    if (table.worksheet.findRow(bottom)?.hasValues) table.worksheet.spliceRows(bottom, 0, []);
    for (const cell of cells) writeRow(table.worksheet, bottom, geometry.left + cell.column, [cell.value], [cell.format]);
  }
  if (bottom !== geometry.bottom) resizeTable(table.model, { ...geometry, bottom });
}
