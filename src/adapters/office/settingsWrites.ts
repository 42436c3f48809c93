// saveSettings and useTable: the settings table is edited in place as
// `settingsEdits` says (the same edits every adapter makes), so rows the user
// added (notes, their own settings) stay as they are. Without a settings
// table, a settings sheet is made from the layout.

import { normalise } from '../../engine/cells';
import { readSettings } from '../../engine/settings';
import type { CellValue, Settings } from '../../engine/types';
import { TEXT_FORMAT } from '../../layout/grid';
import { isOwnSheet, nextFreeSheetName, SETTINGS_SHEET, SETTINGS_TABLE } from '../../layout/names';
import { settingsEdits } from '../../layout/settingsEdits';
import { settingsSheet } from '../../layout/settingsSheet';
import { nameTakenProblem, SETTINGS_COLUMNS_MESSAGE } from '../../port/problems';
import { WorkbookProblemError } from '../../port/workbookPort';
import { cellForExcel } from './cells';
import { WorkbookError } from './officeErrors';
import { requestBudget } from './payload';
import type { Supports } from './requirements';
import { writeSheetLayout } from './writeSheet';

/** "Portfolio", else "Portfolio (2)", "Portfolio (3)", ...: a sheet name nobody uses yet. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  const free = (name: string) => !used.has(name.toLowerCase());
  return free(wanted) ? wanted : nextFreeSheetName(wanted, free);
}

/** Saves `settings`, or what `change` makes of the settings in force, into the settings table (made when absent). */
export async function saveSettings(context: Excel.RequestContext, change: (current: Settings) => Settings, supports: Supports): Promise<void> {
  const table = context.workbook.tables.getItemOrNullObject(SETTINGS_TABLE).load('columns/items/name, columns/items/values');
  const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();
  if (table.isNullObject) {
    // A sheet of that name with no settings table in it: the user's (refused) or an old one of ours (rebuilt).
    if (!existing.isNullObject) {
      const a2 = context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange('A2').load('values');
      await context.sync();
      if (!isOwnSheet(a2.values[0]?.[0])) throw new WorkbookProblemError(nameTakenProblem(SETTINGS_SHEET, 'settings'));
      existing.delete();
    }
    const layout = settingsSheet(change(readSettings(undefined).settings));
    await writeSheetLayout(context.workbook.worksheets.add(SETTINGS_SHEET), layout, requestBudget(context), supports);
    await context.sync();
    return;
  }
  const headers = table.columns.items.map((c) => c.name);
  const columns = table.columns.items.map((c) => c.values.slice(1).map((r) => r[0] as CellValue));
  const rows = (columns[0] ?? []).map((_, r) => columns.map((column) => column[r] ?? ''));
  const labelColumn = headers.findIndex((h) => normalise(h) === 'setting');
  const valueColumn = headers.findIndex((h) => normalise(h) === 'value');
  if (labelColumn < 0 || valueColumn < 0) throw new WorkbookError(SETTINGS_COLUMNS_MESSAGE);
  const raw = { sheet: '', name: SETTINGS_TABLE, headers, rows, origin: { row: 0, column: 0 } };
  const edits = settingsEdits(raw, change(readSettings(raw).settings));
  const write = (range: Excel.Range, value: CellValue, format: string) => {
    range.numberFormat = [[format]];
    range.values = [[cellForExcel(value)]];
  };
  const body = context.workbook.tables.getItem(SETTINGS_TABLE).getDataBodyRange();
  for (const update of edits.updates) write(body.getCell(update.rowIndex, valueColumn), update.value ?? '', update.format);
  for (const row of edits.appended) {
    const added = context.workbook.tables.getItem(SETTINGS_TABLE).rows.add().getRange();
    write(added.getCell(0, labelColumn), row.label, TEXT_FORMAT);
    write(added.getCell(0, valueColumn), row.value, row.format);
  }
  await context.sync();
}
