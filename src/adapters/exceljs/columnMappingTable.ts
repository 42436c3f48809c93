// Saving the Column mapping into a workbook file, as `columnMappingEdits` says
// (the same edits every adapter makes): a contract column's row updated in
// place, a new one added below; without a mapping table, one is made beside the
// settings table.

import type ExcelJS from 'exceljs';
import { isColumnMappingTable } from '../../engine/columnMapping';
import type { ColumnMappingEntry } from '../../engine/read';
import { TEXT_FORMAT } from '../../layout/grid';
import { COLUMN_MAPPING_TABLE, MAPPING_HEADERS, columnMappingBlock, columnMappingEdits, mappingColumnBeside, mappingRoomMessage } from '../../layout/columnMappingTable';
import { columnLetters } from '../../engine/address';
import { readTable } from './readTable';
import { allTables, resizeTable, tableGeometry, type TableHandle } from './tables';
import { writeRow } from './writeSheet';

/** The workbook's Column mapping table (by name or by its Column and Header headers), not the Initiatives table. */
export function mappingTableOf(workbook: ExcelJS.Workbook, initiatives: TableHandle | undefined): TableHandle | undefined {
  return allTables(workbook).find((t) => t.model !== initiatives?.model && isColumnMappingTable(t.model.name, t.model.columns.map((c) => c.name)));
}

/** Edits the mapping table in place: Header cells updated, new rows added under the table. */
export function editMappingTable(table: TableHandle, entries: ColumnMappingEntry[]): void {
  const raw = readTable(table);
  const geometry = tableGeometry(table.model);
  if (!raw || !geometry) return;
  const edits = columnMappingEdits(raw, entries);
  for (const update of edits.updates) writeRow(table.worksheet, geometry.firstBodyRow + update.rowIndex, geometry.left + edits.headerIndex, [update.header], [TEXT_FORMAT]);
  let bottom = geometry.bottom;
  for (const entry of edits.appended) {
    bottom++;
    const cells = Array<string | null>(raw.headers.length).fill(null);
    cells[edits.columnIndex] = entry.column;
    cells[edits.headerIndex] = entry.header;
    // Only the table's own columns move down: the settings beside it stay where they are.
    const width = raw.headers.length;
    for (let r = table.worksheet.rowCount; r >= bottom; r--) {
      for (let c = 0; c < width; c++) {
        const from = table.worksheet.getCell(r, geometry.left + c);
        if (from.value === null || from.value === undefined) continue;
        const to = table.worksheet.getCell(r + 1, geometry.left + c);
        to.value = from.value;
        to.numFmt = from.numFmt;
        from.value = null;
      }
    }
    writeRow(table.worksheet, bottom, geometry.left, cells, cells.map(() => TEXT_FORMAT));
  }
  if (bottom !== geometry.bottom) resizeTable(table.model, { ...geometry, bottom });
}

/** Makes the mapping table beside the settings table (its header on theirs); refused when those cells hold something. */
export function addMappingTable(settings: TableHandle, entries: ColumnMappingEntry[]): void {
  const geometry = tableGeometry(settings.model);
  if (!geometry) return;
  const left = mappingColumnBeside({ column: geometry.left - 1, columns: geometry.right - geometry.left + 1 }) + 1;
  const block = columnMappingBlock(entries);
  const sheet = settings.worksheet;
  for (let r = 0; r < block.values.length; r++) {
    for (let c = 0; c < MAPPING_HEADERS.length; c++) {
      const value = sheet.getCell(geometry.top + r, left + c).value;
      if (value !== null && value !== undefined && value !== '') throw new Error(mappingRoomMessage(sheet.name, `${columnLetters(left - 1)}${geometry.top}`));
    }
  }
  sheet.addTable({
    name: COLUMN_MAPPING_TABLE,
    ref: `${columnLetters(left - 1)}${geometry.top}`,
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: MAPPING_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: entries.map((e) => [e.column, e.header]),
  });
  block.values.slice(1).forEach((_, r) => MAPPING_HEADERS.forEach((_h, c) => (sheet.getCell(geometry.top + 1 + r, left + c).numFmt = TEXT_FORMAT)));
  sheet.getColumn(left).width = Math.max(sheet.getColumn(left).width ?? 0, 24);
  sheet.getColumn(left + 1).width = Math.max(sheet.getColumn(left + 1).width ?? 0, 30);
}
