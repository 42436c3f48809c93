// What the person at the keyboard does in Excel, for the preview's grid and for
// tests: select cells, switch sheets, type into a cell (Excel is in cell-edit
// mode while they do). Each tells the views the workbook changed; a typed
// cell also tells the edit listeners (live mode), which the ports' writes never do.

import { typeIntoCell } from './cells';
import { changed, findSheet, type MemoryWorkbook, type Selection } from './model';

export function selectRange(workbook: MemoryWorkbook, selection: Selection): void {
  workbook.activeSheet = selection.sheet;
  workbook.selection = selection;
  changed(workbook);
}

export function activateSheet(workbook: MemoryWorkbook, name: string): void {
  selectRange(workbook, { sheet: name, row: 0, column: 0, rows: 1, columns: 1 });
}

/** Start or end cell-edit mode: while it lasts, Excel refuses every API call. */
export function setEditing(workbook: MemoryWorkbook, editing: boolean): void {
  workbook.editing = editing;
  changed(workbook);
}

/** Type text into a cell and press Enter: the value Excel stores, and cell-edit mode ends. */
export function enterText(workbook: MemoryWorkbook, sheetName: string, row: number, column: number, text: string): void {
  const sheet = findSheet(workbook, sheetName);
  if (!sheet) throw new Error(`There is no sheet named ${sheetName}.`);
  typeIntoCell(sheet, row, column, text);
  workbook.editing = false;
  changed(workbook);
  for (const listener of workbook.editListeners) listener({ sheet: sheet.name, row, column });
}
