// saveSettings and useTable: the settings table is updated in place, row by
// row, so rows the user added (notes, their own settings) stay as they are.
// Without a settings table, a settings sheet is made from the layout.

import { normalise } from '../../engine/cells';
import { CAPACITY_PREFIX } from '../../engine/settings';
import type { Settings } from '../../engine/types';
import { TEXT_FORMAT } from '../../layout/grid';
import { SETTINGS_SHEET, SETTINGS_TABLE } from '../../layout/names';
import { settingsRows, settingsSheet } from '../../layout/settingsSheet';
import { cellForExcel } from './cells';
import { WorkbookError } from './officeErrors';
import { requestBudget } from './payload';
import type { Supports } from './requirements';
import { writeSheetLayout } from './writeSheet';

export type SettingRow = { label: string; value: string | number };

/** "Portfolio", else "Portfolio 2", "Portfolio 3", ...: a sheet name nobody uses yet. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted} ${n}`.toLowerCase())) return `${wanted} ${n}`;
}

const isCapacityLabel = (label: string) => normalise(label).startsWith(normalise(CAPACITY_PREFIX));

export async function upsertSettings(
  context: Excel.RequestContext,
  rows: SettingRow[],
  options: { replaceCapacity: boolean; whenMissing: Settings; supports: Supports },
): Promise<void> {
  const table = context.workbook.tables.getItemOrNullObject(SETTINGS_TABLE).load('columns/items/name, columns/items/values');
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  if (table.isNullObject) {
    const name = freeSheetName(SETTINGS_SHEET, sheets.items.map((s) => s.name));
    const layout = settingsSheet(options.whenMissing);
    await writeSheetLayout(context.workbook.worksheets.add(name), { ...layout, name }, requestBudget(context), options.supports);
    await context.sync();
    return;
  }
  const headers = table.columns.items.map((c) => normalise(c.name));
  const labelColumn = headers.indexOf('setting');
  const valueColumn = headers.indexOf('value');
  if (labelColumn < 0 || valueColumn < 0) {
    throw new WorkbookError(`The settings table ${SETTINGS_TABLE} needs a Setting and a Value column; add them back to save settings.`);
  }
  const labels = table.columns.items[labelColumn]!.values.slice(1).map((r) => normalise(String(r[0] ?? '')));
  const body = context.workbook.tables.getItem(SETTINGS_TABLE).getDataBodyRange();
  const write = (range: Excel.Range, value: string | number) => {
    range.numberFormat = [[typeof value === 'number' ? 'General' : TEXT_FORMAT]];
    range.values = [[cellForExcel(value)]];
  };
  const wanted = new Set(rows.map((r) => normalise(r.label)));
  for (const row of rows) {
    const index = labels.indexOf(normalise(row.label));
    if (index >= 0) write(body.getCell(index, valueColumn), row.value);
    else {
      const added = context.workbook.tables.getItem(SETTINGS_TABLE).rows.add().getRange();
      write(added.getCell(0, labelColumn), row.label);
      write(added.getCell(0, valueColumn), row.value);
    }
  }
  // A team whose capacity is no longer set in the pane goes back to the Capacity table's figure.
  if (options.replaceCapacity) {
    labels.forEach((label, index) => {
      if (isCapacityLabel(label) && !wanted.has(label)) body.getCell(index, valueColumn).values = [['']];
    });
  }
  await context.sync();
}

export const allSettingRows = (settings: Settings): SettingRow[] => settingsRows(settings).map(({ label, value }) => ({ label, value }));
