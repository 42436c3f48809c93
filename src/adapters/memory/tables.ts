// Excel tables in the memory workbook: reading them, creating them, growing
// them by columns (cells to the right shift, as Excel's column insert does) and
// by rows, and sorting whole rows.

import { numberColumnIndices } from '../../engine/headers';
import type { CellValue, RawTable } from '../../engine/types';
import { getCell, putCell, sheetOf, tablesOn, type MemoryCell, type MemoryTable, type MemoryWorkbook } from './model';

export const headersOf = (workbook: MemoryWorkbook, table: MemoryTable): string[] => {
  const sheet = sheetOf(workbook, table.sheet);
  return Array.from({ length: table.columns }, (_, c) => String(getCell(sheet, table.row, table.column + c).value));
};

/** The table as an adapter hands it to the engine: headers, body values, where its header sits. */
export function rawTable(workbook: MemoryWorkbook, table: MemoryTable): RawTable {
  const sheet = sheetOf(workbook, table.sheet);
  const rows: CellValue[][] = [];
  for (let r = 1; r < table.rows; r++) {
    rows.push(Array.from({ length: table.columns }, (_, c) => getCell(sheet, table.row + r, table.column + c).value));
  }
  return { sheet: sheet.name, name: table.name, headers: headersOf(workbook, table), rows, origin: { row: table.row, column: table.column }, ...(workbook.date1904 ? { date1904: true } : {}) };
}

/**
 * The table with the number formats of its columns read as numbers (numberColumnIndices), as office.js and the
 * command hand them over: a number formatted as euros is euros, one shown as a date is no amount. Left out when
 * all are General, as they read the same without.
 */
export function withNumberFormats(workbook: MemoryWorkbook, table: MemoryTable, raw: RawTable): RawTable {
  const sheet = sheetOf(workbook, table.sheet);
  const columns = numberColumnIndices(raw.headers);
  let stated = false;
  const formats = raw.rows.map((_, r) => {
    const row: string[] = [];
    for (const c of columns) {
      const format = getCell(sheet, table.row + 1 + r, table.column + c).format;
      if (format !== null && format !== 'General') stated = true;
      row[c] = format ?? 'General';
    }
    return row;
  });
  return stated ? { ...raw, formats } : raw;
}

const overlaps = (a: MemoryTable, b: { row: number; column: number; rows: number; columns: number }): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

export function createTable(workbook: MemoryWorkbook, table: MemoryTable): MemoryTable {
  if (workbook.tables.some((t) => t.name.toLowerCase() === table.name.toLowerCase())) {
    throw new Error(`A table named ${table.name} already exists.`);
  }
  if (tablesOn(workbook, table.sheet).some((t) => overlaps(t, table))) {
    throw new Error(`The range overlaps another table on ${table.sheet}.`);
  }
  workbook.tables.push(table);
  return table;
}

/** Insert `count` blank cells at `column` in rows [row, row + rows), shifting what is right of them, as Excel's insert does. */
function shiftRight(workbook: MemoryWorkbook, sheetName: string, row: number, rows: number, column: number, count: number, except: MemoryTable): void {
  const sheet = sheetOf(workbook, sheetName);
  const moved = tablesOn(workbook, sheetName).filter((t) => t !== except && t.column + t.columns > column && t.row < row + rows && row < t.row + t.rows);
  const partly = moved.find((t) => t.row < row || t.row + t.rows > row + rows || t.column < column);
  if (partly) throw new Error(`Adding columns to ${except.name} would split table ${partly.name}; move one of the tables first.`);
  for (let r = row; r < row + rows; r++) {
    const line = sheet.grid[r];
    if (!line || line.length <= column) continue;
    line.splice(column, 0, ...Array<MemoryCell | undefined>(count).fill(undefined));
  }
  for (const t of moved) t.column += count;
}

/** Add columns at the table's right edge, headers included; cells to the right of the table's rows move right. */
export function appendColumns(workbook: MemoryWorkbook, table: MemoryTable, headers: string[]): void {
  if (headers.length === 0) return;
  const at = table.column + table.columns;
  shiftRight(workbook, table.sheet, table.row, table.rows, at, headers.length, table);
  const sheet = sheetOf(workbook, table.sheet);
  headers.forEach((header, i) => putCell(sheet, table.row, at + i, { value: header, format: null, style: 'header' }));
  table.columns += headers.length;
}

/** Add one body row at the table's bottom; cells below the table's columns move down. */
export function appendRow(workbook: MemoryWorkbook, table: MemoryTable): number {
  const sheet = sheetOf(workbook, table.sheet);
  const at = table.row + table.rows;
  const below = tablesOn(workbook, table.sheet).filter((t) => t !== table && t.row >= at && t.column < table.column + table.columns && table.column < t.column + t.columns);
  const partly = below.find((t) => t.column < table.column || t.column + t.columns > table.column + table.columns);
  if (partly) throw new Error(`Adding a row to ${table.name} would split table ${partly.name}.`);
  for (let r = sheet.grid.length - 1; r >= at; r--) {
    for (let c = table.column; c < table.column + table.columns; c++) {
      const cell = sheet.grid[r]?.[c];
      if (cell) putCell(sheet, r + 1, c, cell);
      if (sheet.grid[r]) sheet.grid[r]![c] = undefined;
    }
  }
  for (const t of below) t.row += 1;
  table.rows += 1;
  return at;
}

/** Sort the body's whole rows (every column of the table, formats included) by `key`, stably; cells outside the table stay. */
export function sortRows(workbook: MemoryWorkbook, table: MemoryTable, key: (row: CellValue[]) => number): void {
  const sheet = sheetOf(workbook, table.sheet);
  const body = Array.from({ length: table.rows - 1 }, (_, r) => {
    const cells = Array.from({ length: table.columns }, (_, c) => sheet.grid[table.row + 1 + r]?.[table.column + c]);
    return { cells, key: key(cells.map((cell) => cell?.value ?? '')), at: r };
  });
  body.sort((a, b) => a.key - b.key || a.at - b.at);
  body.forEach((line, r) => {
    line.cells.forEach((cell, c) => {
      const target = table.row + 1 + r;
      if (cell) putCell(sheet, target, table.column + c, cell);
      else if (sheet.grid[target]) sheet.grid[target]![table.column + c] = undefined;
    });
  });
}

/** The contiguous block of non-blank cells around a cell: what Excel's "Format as Table" takes from one selected cell. */
export function currentRegion(workbook: MemoryWorkbook, sheetName: string, row: number, column: number): { row: number; column: number; rows: number; columns: number } {
  const sheet = sheetOf(workbook, sheetName);
  const filled = (r: number, c: number) => r >= 0 && c >= 0 && getCell(sheet, r, c).value !== '';
  let top = row;
  let left = column;
  let bottom = row;
  let right = column;
  for (let grew = true; grew; ) {
    const rowHas = (r: number) => Array.from({ length: right - left + 3 }, (_, i) => left - 1 + i).some((c) => filled(r, c));
    const columnHas = (c: number) => Array.from({ length: bottom - top + 3 }, (_, i) => top - 1 + i).some((r) => filled(r, c));
    const up = top > 0 && rowHas(top - 1);
    const down = rowHas(bottom + 1);
    const leftward = left > 0 && columnHas(left - 1);
    const rightward = columnHas(right + 1);
    top -= up ? 1 : 0;
    bottom += down ? 1 : 0;
    left -= leftward ? 1 : 0;
    right += rightward ? 1 : 0;
    grew = up || down || leftward || rightward;
  }
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}
