// One Excel table's cells as the engine's RawTable: header texts and body rows
// of plain values, with where the header row sits so messages name real cells.

import type ExcelJS from 'exceljs';
import type { CellValue, RawTable } from '../../engine/types';
import { toCellValue } from './cellValue';
import { tableGeometry, type TableHandle } from './tables';

export const isDate1904 = (workbook: ExcelJS.Workbook): boolean =>
  Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !(value instanceof Date);
const isFormula = (value: unknown): boolean => isObject(value) && ('formula' in value || 'sharedFormula' in value);

/**
 * A cell's value with a formula's result as saved: exceljs's `value` leaves out a result of FALSE, 0 or "" (it
 * copies only truthy ones), which would read as a formula saved without its result; its model keeps it.
 */
function contentOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (!isFormula(value)) return value;
  const result: unknown = cell.model.result;
  return (result === undefined ? value : { ...(value as object), result }) as ExcelJS.CellValue;
}

/** Cell values of one sheet row, columns `left..right` (1-based), without creating cells that do not exist. */
function rowValues(worksheet: ExcelJS.Worksheet, row: number, left: number, right: number, date1904: boolean): CellValue[] {
  const found = worksheet.findRow(row);
  const values = new Array<CellValue>(right - left + 1);
  for (let c = left; c <= right; c++) {
    const cell = found?.findCell(c);
    // A cell covered by a merged block is blank, as Excel shows it and office.js reads it: exceljs would
    // give it the block's value, so a blank owner under a merged "Marco Ruiz" would pass the owner gate.
    values[c - left] = cell && cell.master === cell ? toCellValue(contentOf(cell), date1904) : '';
  }
  return values;
}

/** A cell's value, or a formula's cached result. */
const shownValue = (value: unknown): unknown => (isFormula(value) ? (value as { result?: unknown }).result : value);

/**
 * The number formats of the body's number cells ('' for the rest), every one but General, as the command's
 * reader and office.js hand them over: which tell the engine something (euros, $0.0"m", 0 "days", a date:
 * exceljs gives a date cell as a Date, its serial number shown as a date) is the engine's to say. Undefined
 * when no cell has one, so the common table carries none. Also the cells holding a formula saved without its result (some scripts write
 * them): read as blank, they are named to the engine, which says so.
 */
function numberFormats(worksheet: ExcelJS.Worksheet, first: number, last: number, left: number, right: number): { formats?: string[][]; uncalculated: { row: number; column: number }[] } {
  const formats: string[][] = [];
  const uncalculated: { row: number; column: number }[] = [];
  let any = false;
  for (let r = first; r <= last; r++) {
    const found = worksheet.findRow(r);
    const row = new Array<string>(right - left + 1).fill('');
    for (let c = left; c <= right; c++) {
      const cell = found?.findCell(c);
      if (!cell || cell.master !== cell) continue;
      const value = shownValue(contentOf(cell));
      if (isFormula(cell.value) && (value === undefined || value === null)) uncalculated.push({ row: r - first, column: c - left });
      const format = value instanceof Date ? cell.numFmt || 'yyyy-mm-dd' : typeof value === 'number' ? cell.numFmt : undefined;
      if (format && format !== 'General') {
        row[c - left] = format;
        any = true;
      }
    }
    formats.push(row);
  }
  return { ...(any ? { formats } : {}), uncalculated };
}

export function readTable(table: TableHandle): RawTable | undefined {
  const geometry = tableGeometry(table.model);
  if (!geometry) return undefined;
  const { worksheet, model } = table;
  const date1904 = isDate1904(worksheet.workbook);
  const { left, right } = geometry;
  const headers =
    geometry.headerRow !== undefined
      ? rowValues(worksheet, geometry.headerRow, left, right, date1904).map(String)
      : model.columns.map((c) => c.name ?? '');
  const rows: CellValue[][] = [];
  for (let r = geometry.firstBodyRow; r <= geometry.lastBodyRow; r++) rows.push(rowValues(worksheet, r, left, right, date1904));
  const { formats, uncalculated } = numberFormats(worksheet, geometry.firstBodyRow, geometry.lastBodyRow, left, right);
  return {
    sheet: worksheet.name,
    name: model.name,
    headers,
    rows,
    origin: { row: geometry.top - 1, column: left - 1 },
    ...(formats ? { formats } : {}),
    ...(uncalculated.length > 0 ? { uncalculated } : {}),
    ...(date1904 ? { date1904 } : {}),
  };
}

