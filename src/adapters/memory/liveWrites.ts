// Live mode over the memory workbook: only the cells that changed since the
// last write, and the user's edits to the inputs told to the pane.

import { outputKeyOf } from '../../engine/columns';
import type { OutputRun, SheetChanges } from '../../layout/layoutChanges';
import { outputColumnIndices } from '../../layout/ownedColumns';
import type { InputsChange } from '../../port/workbookPort';
import { setFormat, setValue } from './cells';
import { findSheet, sheetOf, type MemoryTable, type MemoryWorkbook, type UserEdit } from './model';
import { writeSheetLayout } from './sheets';
import { headersOf } from './tables';
import type { SheetLayout } from '../../layout/grid';

/**
 * Writes the changed output cells where the output columns are now; false (nothing written) when one
 * of the output columns is missing, so the caller writes them all instead.
 */
export function writeOutputRuns(workbook: MemoryWorkbook, table: MemoryTable, runs: OutputRun[]): boolean {
  const places = outputColumnIndices(headersOf(workbook, table), outputKeyOf);
  if (runs.some((run) => !places.has(run.key))) return false;
  const sheet = sheetOf(workbook, table.sheet);
  for (const run of runs) {
    const column = table.column + places.get(run.key)!;
    run.values.forEach((value, i) => setValue(sheet, table.row + 1 + run.row + i, column, value));
  }
  return true;
}

/** The changed cells of one of the add-in's sheets, or the whole sheet when its shape changed. */
export function writeSheetChanges(workbook: MemoryWorkbook, changes: SheetChanges, layout: SheetLayout, name: string): void {
  const sheet = findSheet(workbook, name);
  if (changes.kind === 'rebuild' || !sheet) {
    writeSheetLayout(workbook, layout, name);
    return;
  }
  // The footer names this run, whatever cells changed.
  if (layout.pageSetup) sheet.pageSetup = JSON.parse(JSON.stringify(layout.pageSetup));
  if (changes.kind === 'same') return;
  for (const run of changes.runs) {
    run.values.forEach((value, i) => {
      setFormat(sheet, run.row, run.column + i, run.formats[i] ?? null);
      setValue(sheet, run.row, run.column + i, value);
    });
  }
}

const inside = (t: MemoryTable, edit: UserEdit) =>
  t.sheet.toLowerCase() === edit.sheet.toLowerCase() && edit.row >= t.row && edit.row < t.row + t.rows && edit.column >= t.column && edit.column < t.column + t.columns;

/** Which input a user's edit changed, if any: an edit to an output column of the Initiatives table is not one. */
export function inputChangeOf(
  workbook: MemoryWorkbook,
  edit: UserEdit,
  tables: {
    initiatives: MemoryTable | undefined;
    capacity: MemoryTable | undefined;
    settings: MemoryTable | undefined;
    scenarios: MemoryTable[];
    fxRates?: MemoryTable;
    columnMapping?: MemoryTable;
  },
): InputsChange | undefined {
  const { initiatives, capacity, settings, scenarios, fxRates, columnMapping } = tables;
  if (initiatives && inside(initiatives, edit)) {
    const header = headersOf(workbook, initiatives)[edit.column - initiatives.column] ?? '';
    // The header row itself is an input: renaming a column changes what is read.
    return edit.row > initiatives.row && outputKeyOf(header) ? undefined : { table: 'initiatives' };
  }
  if (capacity && inside(capacity, edit)) return { table: 'capacity' };
  if (settings && inside(settings, edit)) return { table: 'settings' };
  if (scenarios.some((t) => inside(t, edit))) return { table: 'scenarios' };
  if (fxRates && inside(fxRates, edit)) return { table: 'fx-rates' };
  if (columnMapping && inside(columnMapping, edit)) return { table: 'column-mapping' };
  return undefined;
}
