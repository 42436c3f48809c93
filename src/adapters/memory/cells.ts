// Setting cell values the way Excel does, so the memory workbook catches the
// mistakes the real one would punish: text that starts with =, +, - or @ becomes
// a formula unless the cell is in the Text format; numeric text becomes a number.

import type { CellValue } from '../../engine/types';
import { EXCEL_TEXT_LIMIT, TEXT_FORMAT, writable, type LayoutCell } from '../../layout/grid';
import { getCell, putCell, type MemoryCell, type MemorySheet } from './model';

const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** What Excel stores when `Range.values` puts `value` in a cell with number format `format`. */
export function storedLikeExcel(value: LayoutCell | CellValue | undefined, format: string | null): Pick<MemoryCell, 'value' | 'formula'> {
  if (value === null || value === undefined) return { value: '' };
  if (typeof value === 'number' || (typeof value === 'string' && value.length > EXCEL_TEXT_LIMIT)) {
    const safe = writable(value);
    if (safe === null) return { value: '' };
    value = safe;
  }
  if (typeof value !== 'string' || format === TEXT_FORMAT) return { value };
  const trimmed = value.trim();
  if (NUMERIC.test(trimmed)) return { value: Number(trimmed) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  // Nothing is calculated here; a formula shows what Excel shows for one it cannot evaluate.
  if (value.length > 1 && /^[=+\-@]/.test(value)) return { value: '#NAME?', formula: value };
  return { value };
}

/** Set a cell's number format, keeping its value and style. */
export function setFormat(sheet: MemorySheet, row: number, column: number, format: string | null): void {
  const cell = getCell(sheet, row, column);
  putCell(sheet, row, column, { ...cell, format });
}

/** Write a value into a cell as `Range.values` would, under the cell's current number format. */
export function setValue(sheet: MemorySheet, row: number, column: number, value: LayoutCell | CellValue | undefined): void {
  const cell = getCell(sheet, row, column);
  const { formula: _old, ...rest } = cell;
  putCell(sheet, row, column, { ...rest, ...storedLikeExcel(value, cell.format) });
  sheet.writes = (sheet.writes ?? 0) + 1;
}

/** Formats first, then values: the order that keeps text as text. */
export function writeBlock(
  sheet: MemorySheet,
  row: number,
  column: number,
  values: readonly (readonly (LayoutCell | CellValue)[])[],
  formats?: readonly (readonly (string | null)[])[],
): void {
  values.forEach((line, r) => {
    line.forEach((value, c) => {
      const format = formats?.[r]?.[c];
      if (format !== undefined) setFormat(sheet, row + r, column + c, format);
      setValue(sheet, row + r, column + c, value);
    });
  });
}

/** What a person typing into the cell gets: a number when it reads as one, text otherwise. */
export function typeIntoCell(sheet: MemorySheet, row: number, column: number, typed: string): void {
  setValue(sheet, row, column, typed);
}
