// Builders for memory-workbook tests: a workbook holding the tables a test needs.

import { createWorkbook, findSheet, addSheet, getCell, type MemoryWorkbook } from '../../../src/adapters/memory/model';
import { writeBlock } from '../../../src/adapters/memory/cells';
import { TEXT_FORMAT, looksLikeFormula } from '../../../src/layout/grid';
import { createTable } from '../../../src/adapters/memory/tables';
import { memoryPort } from '../../../src/adapters/memory/memoryPort';
import type { CellValue, RawTable } from '../../../src/engine/types';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { runPlan } from '../../../src/app/runPlan';
import type { WorkbookPort } from '../../../src/port/workbookPort';
import { NOW } from '../../builders';

/** Put `table` on its sheet (created if needed) as an Excel table at its origin. */
export function addTable(workbook: MemoryWorkbook, table: RawTable): void {
  const sheet = findSheet(workbook, table.sheet) ?? addSheet(workbook, table.sheet);
  // A user keeps formula-like text as text with the Text format (or a leading apostrophe).
  const cells = [table.headers, ...table.rows];
  writeBlock(sheet, table.origin.row, table.origin.column, cells, cells.map((row) => row.map((v) => (looksLikeFormula(v) ? TEXT_FORMAT : null))));
  createTable(workbook, { name: table.name, sheet: sheet.name, row: table.origin.row, column: table.origin.column, rows: table.rows.length + 1, columns: table.headers.length });
}

/** A workbook holding `tables`, with an empty first sheet the way a new workbook has. */
export function workbookWith(...tables: RawTable[]): MemoryWorkbook {
  const workbook = createWorkbook(['Sheet1']);
  for (const table of tables) addTable(workbook, table);
  return workbook;
}

export function sampleWorkbook(): MemoryWorkbook {
  const { initiatives, capacity } = sampleTables();
  return workbookWith(initiatives, capacity);
}

/** Every cell of a sheet as values, rows and columns up to the used size. */
export function sheetValues(workbook: MemoryWorkbook, name: string): CellValue[][] {
  const sheet = findSheet(workbook, name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const columns = Math.max(0, ...Array.from(sheet.grid, (line) => line?.length ?? 0));
  return Array.from(sheet.grid, (_, r) => Array.from({ length: columns }, (_, c) => getCell(sheet, r, c).value));
}

export const run = (port: WorkbookPort, options: Parameters<typeof runPlan>[2] = {}) => runPlan(port, { now: NOW }, options);

export { memoryPort };
