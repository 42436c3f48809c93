// The command's --map recorded in the output file's Column mapping table, so a
// rerun, the add-in and a colleague's copy read the same columns. The same edits
// the pane's saveColumnMapping makes in Excel (columnMappingEdits): a contract
// column's row updated in place, a new one added under the table; without a
// mapping table, one is made beside the settings table (mappingColumnBeside).

import { columnLetters, qualified } from '../../engine/address';
import { isColumnMappingTable } from '../../engine/columnMapping';
import type { ColumnMappingEntry } from '../../engine/read';
import { TEXT_FORMAT, type LayoutCell } from '../../layout/grid';
import { COLUMN_MAPPING_TABLE, MAPPING_HEADERS, columnMappingEdits, mappingColumnBeside, mappingRoomMessage } from '../../layout/columnMappingTable';
import { formatRange, type Box } from '../exceljs/range';
import { growDimension, setCell, setWidths, splitSheet, writeCells, type CellWrites } from './editSheet';
import type { SheetEntry } from './package';
import { cellXml } from './render';
import { resizedTablePart } from './tables';
import type { SurgicalWorkbook } from './workbook';

const isBlank = (values: unknown[][]): boolean => values.every((row) => row.every((v) => v === ''));

function writeTexts(book: SurgicalWorkbook, sheet: SheetEntry, cells: { row: number; column: number; text: LayoutCell }[], grow: Box, widths = new Map<number, number>()): void {
  const style = book.styles().cellFormat(TEXT_FORMAT);
  const writes: CellWrites = new Map();
  for (const { row, column, text } of cells) setCell(writes, row, column - 1, cellXml(`${columnLetters(column - 1)}${row}`, text, style, book.sharedString) ?? '');
  const { head, body, tail } = splitSheet(book.sheetXml(sheet));
  book.pkg.put(sheet.path, growDimension(setWidths(head, widths), grow.right, grow.bottom) + writeCells(body, writes) + tail);
}

/**
 * Records `entries` (the command's --map) in the workbook's Column mapping table, or in one made beside the
 * settings table. Returns where the table is ("Prioritisation settings!F4"); throws an Error saying why
 * when it cannot be written without changing a cell of the user's.
 */
export function recordMapping(book: SurgicalWorkbook, entries: readonly ColumnMappingEntry[], initiativesTable?: string): string {
  const mapping = book.tables().find((t) => t.name !== initiativesTable && isColumnMappingTable(t.name, t.columns));
  if (mapping) {
    const read = book.readTable(mapping);
    if (!read) throw new Error(`the Column mapping table ${mapping.name} has no header row`);
    const { geometry, raw } = read;
    const where = qualified(mapping.sheet.name, `${columnLetters(geometry.left - 1)}${geometry.top}`);
    if (book.isProtected(mapping.sheet)) throw new Error(`the sheet ${mapping.sheet.name} holding the Column mapping is protected`);
    if (mapping.totalsRow) throw new Error(`the Column mapping table at ${where} has a totals row; turn it off (Table Design > Total Row)`);
    const edits = columnMappingEdits(raw, entries);
    const cells: { row: number; column: number; text: LayoutCell }[] = edits.updates.map((u) => ({ row: geometry.firstBodyRow + u.rowIndex, column: geometry.left + edits.headerIndex, text: u.header }));
    const bottom = geometry.bottom + edits.appended.length;
    if (edits.appended.length > 0) {
      // The rows go under the table, in its own columns only: what is beside it (the settings) stays put.
      const below = { top: geometry.bottom + 1, bottom, left: geometry.left, right: geometry.right };
      if (!isBlank(book.block(mapping.sheet, below).values)) {
        throw new Error(`the cells under the Column mapping table (${qualified(mapping.sheet.name, formatRange(below))}) hold something; clear them or add the rows yourself`);
      }
      edits.appended.forEach((entry, i) => {
        cells.push({ row: geometry.bottom + 1 + i, column: geometry.left + edits.columnIndex, text: entry.column });
        cells.push({ row: geometry.bottom + 1 + i, column: geometry.left + edits.headerIndex, text: entry.header });
      });
    }
    if (cells.length === 0) return where;
    writeTexts(book, mapping.sheet, cells, { ...geometry, bottom });
    if (bottom !== geometry.bottom) book.pkg.put(mapping.path, resizedTablePart(book.pkg.text(mapping.path)!, { ...geometry, bottom }, false, []));
    return where;
  }
  const settings = book.settingsTable();
  const read = settings && book.readTable(settings);
  if (!settings || !read) throw new Error('the workbook has no settings table to put the Column mapping beside');
  const { geometry } = read;
  const left = mappingColumnBeside({ column: geometry.left - 1, columns: geometry.right - geometry.left + 1 }) + 1;
  const box = { top: geometry.top, bottom: geometry.top + entries.length, left, right: left + MAPPING_HEADERS.length - 1 };
  const where = qualified(settings.sheet.name, `${columnLetters(left - 1)}${geometry.top}`);
  if (book.isProtected(settings.sheet)) throw new Error(`the settings sheet ${settings.sheet.name} is protected`);
  if (!isBlank(book.block(settings.sheet, box).values)) throw new Error(mappingRoomMessage(settings.sheet.name, `${columnLetters(left - 1)}${geometry.top}`));
  const rows: LayoutCell[][] = [[...MAPPING_HEADERS], ...entries.map((e) => [e.column, e.header])];
  const cells = rows.flatMap((row, r) => row.map((text, c) => ({ row: box.top + r, column: left + c, text })));
  writeTexts(book, settings.sheet, cells, box, new Map([[left, 24], [left + 1, 30]]));
  book.addTable(settings.sheet, COLUMN_MAPPING_TABLE, box, [...MAPPING_HEADERS]);
  return where;
}
