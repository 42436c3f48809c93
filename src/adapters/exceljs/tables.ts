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
