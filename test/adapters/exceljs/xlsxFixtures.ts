// Real .xlsx workbooks for tests, built with exceljs the way a user's workbook
// looks: tables that do not start at A1, notes and formulas around them, other
// sheets of the user's own. Plus readers that list every cell of a sheet.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import type { CellValue } from '../../../src/engine/types';
import { named, readyRow, type RowSpec } from '../../builders';

export type PortfolioOptions = {
  rows?: RowSpec[];
  teams?: Record<string, number>;
  /** Top-left cell of the Initiatives table; user notes sit above and beside it. */
  at?: string;
  tableName?: string;
  sheetName?: string;
  /** Extra headers in the table (user columns), with a value per row. */
  userColumns?: Record<string, CellValue>;
  totalsRow?: boolean;
  /** Headers to show under another name, e.g. { Initiative: 'Scheme' }. */
  rename?: Record<string, string>;
  /** Add the user's own Summary sheet with formulas over the table. */
  summarySheet?: boolean;
};

export const DEFAULT_ROWS: RowSpec[] = [
  named('Invoice matching', { 'Annual value': 900_000, Legal: 2, Security: 1 }),
  named('Claims triage', { 'Annual value': 1_600_000, Legal: 3, Security: 2 }),
  named('Churn early warning', { 'Annual value': 1_200_000, Legal: 4, Security: 2 }),
  named('HR policy chatbot', { Owner: 'TBD', 'Annual value': 250_000, Legal: 1 }),
  named('Sales call summaries', { 'Baseline method': 'None', Instrumentation: 'No', 'Annual value': 400_000, Security: 1 }),
];

function decode(ref: string): { row: number; column: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), column };
}

/** A user's portfolio workbook: the Initiatives table (by default at B3, under a title), a Capacity table, notes and formulas. */
export function portfolioWorkbook(options: PortfolioOptions = {}): ExcelJS.Workbook {
  const rows = options.rows ?? DEFAULT_ROWS;
  const teams = options.teams ?? { Legal: 6, Security: 4 };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Portfolio');
  const at = decode(options.at ?? 'B3');
  const user = options.userColumns ?? { 'Analyst note': 'checked' };
  const headers = [...new Set([...Object.keys(readyRow()), ...Object.keys(teams), ...Object.keys(user), ...rows.flatMap((r) => Object.keys(r))])];
  sheet.addTable({
    name: options.tableName ?? 'Initiatives',
    ref: `${String.fromCharCode(64 + at.column)}${at.row}`,
    headerRow: true,
    totalsRow: options.totalsRow ?? false,
    columns: headers.map((name) => ({ name: options.rename?.[name] ?? name, filterButton: true })),
    rows: rows.map((r) => headers.map((h) => r[h] ?? user[h] ?? null)),
  });
  if (at.row > 1) sheet.getCell(1, at.column).value = 'AI portfolio, prepared by FP&A';
  if (at.column > 1) sheet.getCell(at.row + 1, 1).value = { formula: '1+1', result: 2 };
  // A note under the table and a formula over one of its cells.
  const below = at.row + rows.length + (options.totalsRow ? 3 : 2);
  sheet.getCell(below, at.column).value = 'Values in USD';
  sheet.getCell(below, at.column + 1).value = { formula: `${String.fromCharCode(64 + at.column + 5)}${at.row + 1}*2`, result: 0 };

  const capacity = workbook.addWorksheet('Capacity');
  capacity.addTable({
    name: 'Capacity',
    ref: 'A1',
    headerRow: true,
    columns: [{ name: 'Team' }, { name: 'Capacity' }, { name: 'Unit' }],
    rows: Object.entries(teams).map(([team, cap]) => [team, cap, 'weeks']),
  });
  if (options.summarySheet) {
    const summary = workbook.addWorksheet('Summary');
    summary.getCell('A1').value = 'Total requested value';
    summary.getCell('B1').value = { formula: `SUM(Portfolio!G${at.row + 1}:G${at.row + rows.length})`, result: 0 };
    summary.getCell('A2').value = { richText: [{ text: 'Bold ', font: { bold: true } }, { text: 'plain' }] };
    summary.getCell('A3').value = new Date(Date.UTC(2026, 2, 31));
    summary.getCell('A4').value = { text: 'Policy', hyperlink: 'https://example.com/policy' };
  }
  return workbook;
}

export async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook file as the adapter opens it (plain exceljs cannot open tables with calculated columns). */
export async function fromBytes(bytes: Buffer): Promise<ExcelJS.Workbook> {
  return (await openWorkbook(bytes)).workbook;
}

/** Rewrite zip parts, e.g. to make a file look as Excel saves it, or to add a chart exceljs cannot make. */
export async function editZip(bytes: Buffer, edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** As Excel saves tables: without the default headerRowCount="1". */
export const asExcelSavesTables = (bytes: Buffer): Promise<Buffer> =>
  editZip(bytes, async (zip) => {
    for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
      zip.file(path, (await zip.file(path)!.async('string')).replace(/ headerRowCount="1"/, ''));
    }
  });

export type CellRecord = { value: unknown; formula?: string; numFmt?: string };

/** Every cell with a value or formula on a sheet, by address. */
export function cellsOf(sheet: ExcelJS.Worksheet): Map<string, CellRecord> {
  const cells = new Map<string, CellRecord>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value as unknown;
      if (value === null || value === undefined) return;
      cells.set(cell.address, { value: JSON.parse(JSON.stringify(value)), ...(cell.formula ? { formula: cell.formula } : {}) });
    });
  });
  return cells;
}

/** A temporary folder for one test's files, removed by `cleanup`. */
export function tempFolder(): { dir: string; path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'prioritise-test-'));
  return { dir, path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
