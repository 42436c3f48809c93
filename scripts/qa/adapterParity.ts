// The same .xlsx through every adapter, as Excel and the command would read it: the command's reader and the
// exceljs one on the file; the office.js adapter (on the fake Excel) and the in-memory workbook loaded with each
// cell's value (Range.values: a formula's saved result, a date's serial number, an error's text) and number
// format (Range.numberFormat: the code the file holds), the file's date system and its tables. Prints, per file,
// each adapter whose plan differs from the command's, with the first difference in the plan and in the tables.
// A formula saved without its result reads blank here, where Excel would calculate it: such a file differs by design.
// Run: npx tsx scripts/qa/adapterParity.ts file.xlsx ... (probe workbooks: npx tsx scripts/qa/parityProbes.ts folder)

import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { openSurgical } from '../../src/adapters/xlsx/session';
import { SurgicalWorkbook } from '../../src/adapters/xlsx/workbook';
import { XlsxPackage } from '../../src/adapters/xlsx/package';
import { readZip } from '../../src/adapters/exceljs/zip';
import { parseRange } from '../../src/adapters/exceljs/range';
import { openWorkbook } from '../../src/adapters/exceljs/workbookFile';
import { excelJsPort } from '../../src/adapters/exceljs/excelJsPort';
import { toCellValue } from '../../src/adapters/exceljs/cellValue';
import { addSheet, createWorkbook, findSheet, putCell } from '../../src/adapters/memory/model';
import { createTable } from '../../src/adapters/memory/tables';
import { memoryPort } from '../../src/adapters/memory/memoryPort';
import { fakeExcel } from '../../test/adapters/office/fakeExcel';
import { portOn } from '../../test/adapters/office/workbooks';
import { prioritise } from '../../src/engine/plan';
import { plannerInput } from '../../src/app/runPlan';
import type { CellValue } from '../../src/engine/types';
import type { WorkbookSnapshot } from '../../src/port/workbookPort';

const NOW = '2026-11-23T10:00:00.000Z';

type ExcelCell = { row: number; column: number; value: CellValue; format: string };
type ExcelView = { sheets: { name: string; cells: ExcelCell[] }[]; tables: { name: string; sheet: string; row: number; column: number; rows: number; columns: number }[]; date1904: boolean };

const isFormula = (value: unknown): value is { formula?: string; sharedFormula?: string } =>
  typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);

/** What Excel holds: each cell's value and number format, the tables (a totals row left out) and the date system. */
async function excelView(bytes: Buffer): Promise<ExcelView> {
  const pkg = new XlsxPackage(readZip(bytes));
  const book = new SurgicalWorkbook(pkg);
  const date1904 = book.workbook.date1904;
  const { workbook } = await openWorkbook(bytes);
  const sheets = workbook.worksheets.map((ws) => {
    const entry = book.sheetNamed(ws.name)!;
    const right = Math.max(1, ws.columnCount);
    const styled = { columns: new Set(Array.from({ length: right }, (_, i) => i + 1)), styles: [] as number[][] };
    book.block(entry, { top: 1, bottom: Math.max(1, ws.rowCount), left: 1, right }, styled);
    const formatAt = (r: number, c: number) => {
      const style = styled.styles[r]?.[c];
      return style ? book.styles().formatCodeOf(style) : 'General';
    };
    const cells: ExcelCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.master !== cell) return;
        // exceljs's value leaves out a formula's falsy result; Excel gives it.
        const value = isFormula(cell.value) && cell.model.result !== undefined ? ({ ...cell.value, result: cell.model.result } as ExcelJS.CellValue) : cell.value;
        cells.push({ row: r - 1, column: c - 1, value: toCellValue(value, date1904), format: formatAt(r - 1, c - 1) });
      }),
    );
    return { name: ws.name, cells };
  });
  const tables = book.tables().map((t) => {
    const box = parseRange(t.ref)!;
    return { name: t.name, sheet: t.sheet.name, row: box.top - 1, column: box.left - 1, rows: box.bottom - box.top + 1 - (t.totalsRow ? 1 : 0), columns: box.right - box.left + 1 };
  });
  return { sheets, tables, date1904 };
}

async function viaOffice(bytes: Buffer): Promise<WorkbookSnapshot> {
  const view = await excelView(bytes);
  const fake = fakeExcel();
  fake.model.date1904 = view.date1904;
  for (const { name, cells } of view.sheets) {
    const sheet = fake.model.addSheet(name);
    for (const { row, column, value, format } of cells) Object.assign(sheet.cell(row, column), { value, format });
  }
  for (const t of view.tables) fake.model.addTable(fake.model.sheet(t.sheet)!, { row: t.row, column: t.column, rows: t.rows, columns: t.columns }, t.name);
  return portOn(fake).read();
}

async function viaMemory(bytes: Buffer): Promise<WorkbookSnapshot> {
  const view = await excelView(bytes);
  const workbook = createWorkbook(view.sheets.map((s) => s.name));
  workbook.date1904 = view.date1904;
  for (const { name, cells } of view.sheets) {
    const sheet = findSheet(workbook, name) ?? addSheet(workbook, name);
    for (const { row, column, value, format } of cells) putCell(sheet, row, column, { value, format: format === 'General' ? null : format });
  }
  for (const t of view.tables) createTable(workbook, t);
  return memoryPort(workbook).read();
}

const ADAPTERS: [string, (bytes: Buffer) => Promise<WorkbookSnapshot>][] = [
  ['exceljs', async (bytes) => excelJsPort((await openWorkbook(bytes)).workbook).read()],
  ['office.js', viaOffice],
  ['memory', viaMemory],
];

/** The first path where two values differ, with both. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const found = firstDifference(left[key], right[key], `${path}.${key}`);
    if (found) return found;
  }
  return `${path}: differs`;
}

const tablesOf = (s: WorkbookSnapshot) =>
  Object.fromEntries(
    (['initiatives', 'capacity', 'settings', 'columnMapping', 'fxRates'] as const).map((k) => {
      const t = s[k];
      // Formats all General read as none.
      const formats = t?.formats?.some((row) => row.some((f) => f && f !== 'General')) ? t.formats : undefined;
      return [k, t && { date1904: t.date1904, headers: t.headers, rows: t.rows, uncalculated: t.uncalculated, formats }];
    }),
  );

const planOf = (snapshot: WorkbookSnapshot) => prioritise(plannerInput(snapshot), { now: NOW });

(async () => {
  for (const file of process.argv.slice(2)) {
    const bytes = readFileSync(file);
    const command = await (await openSurgical(bytes)).port.read();
    const lines: string[] = [];
    for (const [name, read] of ADAPTERS) {
      const snapshot = await read(bytes).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (typeof snapshot === 'string') {
        lines.push(`  ${name}: threw ${snapshot}`);
        continue;
      }
      const plan = firstDifference(planOf(command), planOf(snapshot));
      if (plan) lines.push(`  ${name} plan ${plan}\n    tables ${firstDifference(tablesOf(command), tablesOf(snapshot)) ?? 'alike'}`);
    }
    console.log(`${file}: ${lines.length === 0 ? 'same plan' : `\n${lines.join('\n')}`}`);
  }
})();
