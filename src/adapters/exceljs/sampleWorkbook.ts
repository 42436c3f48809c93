// Workbooks built from tables: the sample portfolio (`npm run sample`, and the
// port's insertSample) and generated portfolios for the bench. Laid out as a
// finance team would keep them: a styled table per sheet, money formatted,
// header row frozen, widths that fit.

import ExcelJS from 'exceljs';
import { inputKeyOf } from '../../engine/columns';
import type { CellValue, RawTable } from '../../engine/types';
import { sampleTables } from '../../sample/samplePortfolio';
import { cellRef } from './range';
import { freeTableName, sheetNameFor } from './sheets';
import { workbookBytes } from './workbookFile';

const MONEY = '"$"#,##0';
const SCALE_COLUMNS = new Set(['strategicFit', 'decisionRightsShift', 'workloadShift', 'incentiveMisalignment', 'newObligations', 'integrationComplexity', 'dataQuality', 'dataAvailability']);

function columnFormat(header: string): string | undefined {
  const key = inputKeyOf(header);
  if (key === 'annualValue') return MONEY;
  if (key && SCALE_COLUMNS.has(key)) return '0';
  return undefined;
}

/** Wide enough for the longest value (headers wrap, so they count less), within reason. */
function fitWidth(header: string, values: CellValue[]): number {
  const longest = values.reduce<number>((max, v) => Math.max(max, typeof v === 'number' ? String(Math.round(v)).length + 3 : String(v).length), 0);
  return Math.min(48, Math.max(9, longest + 2, Math.ceil(header.length / 2) + 2));
}

export type TableSheet = { table: RawTable; freezeColumns?: number; note?: string };

/** A new sheet holding `table` as an Excel table at its origin. Returns the sheet. */
export function addTableSheet(workbook: ExcelJS.Workbook, { table, freezeColumns = 0, note }: TableSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetNameFor(workbook, table.sheet, true)!);
  const top = table.origin.row + 1;
  const left = table.origin.column + 1;
  sheet.addTable({
    name: freeTableName(workbook, table.name),
    ref: cellRef(top, left),
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: table.headers.map((name) => ({ name, filterButton: true })),
    rows: table.rows.map((row) => row.map((v) => (v === '' ? null : v))),
  });
  table.headers.forEach((header, i) => {
    const column = sheet.getColumn(left + i);
    column.width = fitWidth(header, table.rows.slice(0, 200).map((r) => r[i] ?? ''));
    const format = columnFormat(header);
    if (format) for (let r = 0; r < table.rows.length; r++) sheet.getCell(top + 1 + r, left + i).numFmt = format;
    const head = sheet.getCell(top, left + i);
    head.alignment = { vertical: 'top', wrapText: true };
  });
  // Excel does not re-fit a row's height when it opens a file: give the wrapped headers their lines.
  const lines = Math.max(1, ...table.headers.map((h, i) => Math.ceil(h.length / Math.max(1, (sheet.getColumn(left + i).width ?? 9) - 1))));
  sheet.getRow(top).height = 15 * Math.min(lines, 4);
  if (note) sheet.getCell(top, left + table.headers.length + 1).value = note;
  sheet.views = [{ state: 'frozen', xSplit: left - 1 + freezeColumns, ySplit: top, topLeftCell: cellRef(top + 1, left + freezeColumns) }];
  return sheet;
}

/** The sample portfolio's two sheets: Portfolio (the Initiatives table) and Capacity. */
export function insertSampleSheets(workbook: ExcelJS.Workbook): void {
  const { initiatives, capacity } = sampleTables();
  addTableSheet(workbook, { table: initiatives, freezeColumns: 2 });
  addTableSheet(workbook, {
    table: capacity,
    note: 'Capacity of each shared bottleneck team this planning period; demand columns on Portfolio use the same unit.',
  });
}

/** A fixed date for the file's properties and zip entries, so the same sample gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));

/** Build a workbook of `sheets` and return its bytes, identical for identical input. */
export async function tablesWorkbookBytes(sheets: TableSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Portfolio Prioritiser';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of sheets) addTableSheet(workbook, sheet);
  return workbookBytes(workbook, FIXED_DATE);
}

export async function sampleWorkbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'AI Portfolio Prioritiser';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  insertSampleSheets(workbook);
  return workbookBytes(workbook, FIXED_DATE);
}
