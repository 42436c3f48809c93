// Excel tables as exceljs holds them. exceljs types a loaded table as if it had
// been made with addTable, but a table read from a file only has its model
// (name, tableRef, columns, header and totals flags), so this module reads and
// grows that model directly, in one place.

import type ExcelJS from 'exceljs';
import { parseRange, formatRange, type Box } from './range';

export type TableColumnModel = { name: string; filterButton?: boolean; totalsRowLabel?: string; totalsRowFunction?: string };

export type TableModel = {
  name: string;
  displayName?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: TableColumnModel[];
};

export type TableHandle = { worksheet: ExcelJS.Worksheet; model: TableModel };

/** Where a table sits, 1-based: its header row (if any), body rows and totals row (if any). */
export type TableGeometry = Box & { headerRow: number | undefined; firstBodyRow: number; lastBodyRow: number };

export function tablesOn(worksheet: ExcelJS.Worksheet): TableHandle[] {
  const tables = (worksheet as unknown as { tables: Record<string, { model: TableModel }> }).tables ?? {};
  return Object.values(tables).map((table) => ({ worksheet, model: table.model }));
}

export function allTables(workbook: ExcelJS.Workbook): TableHandle[] {
  return workbook.worksheets.flatMap(tablesOn);
}

/** Excel table names are unique in a workbook and compared ignoring case. */
export function findTable(workbook: ExcelJS.Workbook, name: string): TableHandle | undefined {
  const wanted = name.toLowerCase();
  return allTables(workbook).find((t) => t.model.name.toLowerCase() === wanted);
}

export function tableGeometry(model: TableModel): TableGeometry | undefined {
  const box = parseRange(model.tableRef);
  if (!box) return undefined;
  const headerRow = model.headerRow ? box.top : undefined;
  return {
    ...box,
    headerRow,
    firstBodyRow: box.top + (model.headerRow ? 1 : 0),
    lastBodyRow: box.bottom - (model.totalsRow ? 1 : 0),
  };
}

/** Resize a table to `box`, keeping its filter range (header and body) in step. */
export function resizeTable(model: TableModel, box: Box): void {
  model.tableRef = formatRange(box);
  const filterBottom = box.bottom - (model.totalsRow ? 1 : 0);
  model.autoFilterRef = formatRange({ ...box, bottom: filterBottom });
}

const holdsData = (worksheet: ExcelJS.Worksheet, row: number, left: number, right: number): boolean => {
  const found = worksheet.findRow(row);
  if (!found) return false;
  for (let c = left; c <= right; c++) {
    const value = found.findCell(c)?.value;
    if (value !== null && value !== undefined && value !== '') return true;
  }
  return false;
};

/**
 * A table's size is the rows that hold data. A table made from whole columns (Insert > Table on
 * columns A:AE gives a ref down to row 1,048,576) is cut back to its last row with a value, so it
 * costs what its data costs. A table with a totals row keeps its ref: the totals sit at its bottom.
 */
export function fitToUsedRows(table: TableHandle): void {
  const geometry = tableGeometry(table.model);
  if (!geometry || table.model.totalsRow) return;
  let bottom = Math.min(geometry.bottom, table.worksheet.rowCount);
  if (bottom >= geometry.bottom) return;
  while (bottom > geometry.firstBodyRow && !holdsData(table.worksheet, bottom, geometry.left, geometry.right)) bottom--;
  resizeTable(table.model, { ...geometry, bottom: Math.max(bottom, geometry.firstBodyRow) });
}
