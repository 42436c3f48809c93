// saveSettings and useTable: the settings table is edited in place as
// `settingsEdits` says (the same edits every adapter makes), so rows the user
// added (notes, their own settings) stay as they are. Without a settings
// table, a settings sheet is made from the layout.

import { readSettings, settingsColumns } from '../../engine/settings';
import type { CellValue, Settings } from '../../engine/types';
import { isOwnSheet, nextFreeSheetName, SETTINGS_SHEET, SETTINGS_TABLE } from '../../layout/names';
import { settingsEdits } from '../../layout/settingsEdits';
import { meaningColumn, settingsSheet } from '../../layout/settingsSheet';
import { nameTakenProblem, protectedProblem, SETTINGS_COLUMNS_MESSAGE } from '../../port/problems';
import { WorkbookProblemError } from '../../port/workbookPort';
import { cellForExcel } from './cells';
import { WorkbookError } from './officeErrors';
import { requestBudget } from './payload';
import { settingsTableAfter, syncSettings, TABLES_TOLD_APART } from './readWorkbook';
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
  const fields = 'name, columns/items/name, columns/items/values, worksheet/name, worksheet/protection/protected';
  const tables = context.workbook.tables.load(TABLES_TOLD_APART);
  const named = context.workbook.tables.getItemOrNullObject(SETTINGS_TABLE).load(fields);
  const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await syncSettings(context);
  const table = await settingsTableAfter(context, tables, named, fields);
  if (!table) {
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
  if (table.worksheet.protection.protected) throw new WorkbookProblemError(protectedProblem(table.worksheet.name));
  const headers = table.columns.items.map((c) => c.name);
  const columns = table.columns.items.map((c) => c.values.slice(1).map((r) => r[0] as CellValue));
  const rows = (columns[0] ?? []).map((_, r) => columns.map((column) => column[r] ?? ''));
  const { label: labelColumn, value: valueColumn } = settingsColumns(headers);
  if (labelColumn < 0 || valueColumn < 0) throw new WorkbookError(SETTINGS_COLUMNS_MESSAGE);
  const raw = { sheet: '', name: SETTINGS_TABLE, headers, rows, origin: { row: 0, column: 0 } };
  const settings = change(readSettings(raw).settings);
  // Rows to add carry their meaning when the What it means column is beside the table: one more look, only then.
  const added = settingsEdits(raw, settings).appended.length > 0;
  const beside = added ? context.workbook.tables.getItem(table.name).getHeaderRowRange().getCell(0, meaningColumn(headers.length)).load('values') : undefined;
  if (beside) await context.sync();
  const edits = settingsEdits(raw, settings, beside?.values[0]?.[0]);
  const write = (range: Excel.Range, value: CellValue, format: string) => {
    range.numberFormat = [[format]];
    range.values = [[cellForExcel(value)]];
  };
  const body = context.workbook.tables.getItem(table.name).getDataBodyRange();
  for (const update of edits.updates) write(body.getCell(update.rowIndex, valueColumn), update.value ?? '', update.format);
  for (const cells of edits.appended) {
    const row = context.workbook.tables.getItem(table.name).rows.add().getRange();
    for (const cell of cells) write(row.getCell(0, cell.column), cell.value ?? '', cell.format);
  }
  await context.sync();
}
