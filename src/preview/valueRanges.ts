// The preview's `?ranges` flag: the sample with a value range on every row that
// states a value (60% to 150% of it), so the pane's "How sure" view has
// figures to show. The workbook's own Value low and Value high columns, added
// as a user would add them.

import { findTable, getCell, sheetOf, type MemoryWorkbook } from '../adapters/memory/model';
import { setValue } from '../adapters/memory/cells';
import { appendColumns, headersOf } from '../adapters/memory/tables';

export function addValueRanges(workbook: MemoryWorkbook, tableName: string): void {
  const table = findTable(workbook, tableName);
  if (!table) return;
  const value = headersOf(workbook, table).indexOf('Annual value');
  if (value < 0) return;
  appendColumns(workbook, table, ['Value low', 'Value high']);
  const sheet = sheetOf(workbook, table.sheet);
  const low = table.column + table.columns - 2;
  for (let r = 1; r < table.rows; r++) {
    const v = getCell(sheet, table.row + r, table.column + value).value;
    if (typeof v !== 'number') continue;
    setValue(sheet, table.row + r, low, Math.round(v * 0.6));
    setValue(sheet, table.row + r, low + 1, Math.round(v * 1.5));
  }
}
