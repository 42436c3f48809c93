// One Excel table's cells as the engine's RawTable: header texts and body rows
// of plain values, with where the header row sits so messages name real cells.

import type ExcelJS from 'exceljs';
import type { CellValue, RawTable } from '../../engine/types';
import { toCellValue } from './cellValue';
import { tableGeometry, type TableHandle } from './tables';

export const isDate1904 = (workbook: ExcelJS.Workbook): boolean =>
  Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);

/** Cell values of one sheet row, columns `left..right` (1-based), without creating cells that do not exist. */
function rowValues(worksheet: ExcelJS.Worksheet, row: number, left: number, right: number, date1904: boolean): CellValue[] {
  const found = worksheet.findRow(row);
  const values = new Array<CellValue>(right - left + 1);
  for (let c = left; c <= right; c++) {
    const cell = found?.findCell(c);
    // A cell covered by a merged block is blank, as Excel shows it and office.js reads it: exceljs would
    // give it the block's value, so a blank owner under a merged "Marco Ruiz" would pass the owner gate.
    values[c - left] = cell && cell.master === cell ? toCellValue(cell.value, date1904) : '';
  }
  return values;
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
  return { sheet: worksheet.name, name: model.name, headers, rows, origin: { row: geometry.top - 1, column: left - 1 } };
}

