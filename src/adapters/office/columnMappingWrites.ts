// saveColumnMapping through office.js: the Column mapping table is edited as
// `columnMappingEdits` says (the same edits every adapter makes); without one,
// it is made beside the settings table, and the settings sheet first when the
// workbook has none.

import { isColumnMappingTable } from '../../engine/columnMapping';
import type { ColumnMappingEntry } from '../../engine/read';
import { a1 } from '../../engine/address';
import { TEXT_FORMAT } from '../../layout/grid';
import { COLUMN_MAPPING_TABLE, MAPPING_HEADERS, columnMappingBlock, columnMappingEdits, mappingColumnBeside, mappingRoomMessage } from '../../layout/columnMappingTable';
import { SETTINGS_TABLE } from '../../layout/names';
import { cellForExcel } from './cells';
import { WorkbookError } from './officeErrors';
import type { Supports } from './requirements';
import { saveSettings } from './settingsWrites';
import { queueTableRead } from './tableReads';
import { settingsTableAfter, TABLES_TOLD_APART } from './readWorkbook';

export async function saveColumnMapping(context: Excel.RequestContext, entries: ColumnMappingEntry[], supports: Supports): Promise<void> {
  const tables = context.workbook.tables.load(TABLES_TOLD_APART);
  await context.sync();
  const headers = tables.items.map((t) => ({ name: t.name, header: t.getHeaderRowRange().load('values') }));
  await context.sync();
  // The table called ColumnMapping first, else any headed Column and Header.
  const found =
    headers.find((t) => t.name.toLowerCase() === COLUMN_MAPPING_TABLE.toLowerCase()) ??
    headers.find((t) => isColumnMappingTable(t.name, (t.header.values[0] ?? []).map((h) => String(h ?? ''))));
  if (found) return editMappingTable(context, found.name, entries);

  const named = context.workbook.tables.getItemOrNullObject(SETTINGS_TABLE).load('name');
  await context.sync();
  const settings = await settingsTableAfter(context, tables, named, 'name');
  // Without a settings table, the settings sheet is made as saveSettings makes it (refused over a user's sheet of that name).
  if (!settings) await saveSettings(context, (current) => current, supports);
  const table = context.workbook.tables.getItem(settings?.name ?? SETTINGS_TABLE);
  const range = table.getRange().load('rowIndex, columnIndex, columnCount');
  const sheet = table.worksheet.load('name');
  await context.sync();
  const column = mappingColumnBeside({ column: range.columnIndex, columns: range.columnCount });
  const block = columnMappingBlock(entries);
  const target = sheet.getRangeByIndexes(range.rowIndex, column, block.values.length, MAPPING_HEADERS.length).load('values');
  await context.sync();
  if (target.values.some((row) => row.some((v) => v !== '' && v !== null))) throw new WorkbookError(mappingRoomMessage(sheet.name, a1(range.rowIndex, column)));
  target.numberFormat = block.formats.map((row) => row.map((f) => f ?? 'General'));
  target.values = block.values.map((row) => row.map((v) => cellForExcel(v)));
  sheet.tables.add(target, true).name = COLUMN_MAPPING_TABLE;
  await context.sync();
}

async function editMappingTable(context: Excel.RequestContext, name: string, entries: ColumnMappingEntry[]): Promise<void> {
  const table = context.workbook.tables.getItem(name);
  // Its rows down to the last one holding a value (a table the user made from whole columns is not a million rows).
  const read = queueTableRead(table, 'all');
  const body = table.getDataBodyRange().load('rowCount');
  await context.sync();
  const { headers, rows } = read();
  // New rows go into the table's blank rows below its last used one, while it has any (a whole-column
  // table cannot grow past the sheet's last row); past them, the table grows by a row.
  let next = rows.length;
  while (next > 0 && rows[next - 1]!.every((v) => v === '')) next--;
  const edits = columnMappingEdits({ headers, rows }, entries);
  const write = (range: Excel.Range, value: string) => {
    range.numberFormat = [[TEXT_FORMAT]];
    range.values = [[cellForExcel(value)]];
  };
  for (const update of edits.updates) write(body.getCell(update.rowIndex, edits.headerIndex), update.header);
  for (const entry of edits.appended) {
    const added = next < body.rowCount ? body.getCell(next++, 0) : table.rows.add().getRange();
    write(added.getCell(0, edits.columnIndex), entry.column);
    write(added.getCell(0, edits.headerIndex), entry.header);
  }
  await context.sync();
}
