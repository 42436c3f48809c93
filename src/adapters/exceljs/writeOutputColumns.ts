// The output columns of the Initiatives table: found by header wherever the
// user moved them, appended at the right (growing the table) when absent. Only
// these columns' body cells are written; every other cell stays the user's.

import type ExcelJS from 'exceljs';
import { columnLetters, qualified } from '../../engine/address';
import type { OutputColumnPlacement } from '../../layout/ownedColumns';
import { listWords } from '../../engine/format';
import { HIGHLIGHTS_BY_COLUMN, type OutputColumnsLayout } from '../../layout/outputColumns';
import { writable } from '../../layout/grid';
import { addHighlights, removeHighlights } from './conditionalFormats';
import { mergedOutputProblem } from '../../port/problems';
import { formatRange, overlaps, type Box } from './range';
import { allTables, resizeTable, tableGeometry, type TableGeometry, type TableHandle } from './tables';

/** Excel's last column, XFD. */
const MAX_COLUMNS = 16_384;

export type OutputPlacement = {
  /** 1-based sheet column of each output, in the layout's order. */
  columns: number[];
  /** Outputs that are new columns at the table's right. */
  appended: number;
  geometry: TableGeometry;
  /** The header of each output's column (the appended ones are written under it). */
  headers: string[];
  /** 1-based sheet columns of the prioritiser's columns this run does not write (OutputColumnPlacement.resting): blanked. */
  resting: number[];
};

function firstFilled(worksheet: ExcelJS.Worksheet, box: Box): { row: number; column: number } | undefined {
  for (let r = box.top; r <= box.bottom; r++) {
    const row = worksheet.findRow(r);
    if (!row) continue;
    for (let c = box.left; c <= box.right; c++) {
      const value = row.findCell(c)?.value;
      if (value !== null && value !== undefined && value !== '') return { row: r, column: c };
    }
  }
  return undefined;
}

type MergedRange = { model: Box };

/**
 * A merged block that reaches an output column's cells (header or body): exceljs writes a merged cell's
 * value into the block's first cell, so our rank would land in the user's own cell. Nothing is written;
 * the message (mergedOutputProblem, the same in every adapter) names the block and the column. exceljs
 * keeps merges by their first cell in `_merges`; they, the rows and the columns here are 1-based.
 */
function mergedOutputCell(table: TableHandle, geometry: TableGeometry, columns: number[], headers: readonly string[]): string | undefined {
  const merges = Object.values((table.worksheet as unknown as { _merges?: Record<string, MergedRange> })._merges ?? {}).map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }));
  return mergedOutputProblem(table.worksheet.name, merges, { top: geometry.top - 1, bottom: geometry.bottom - 1 }, columns.map((c) => c - 1), headers)?.message;
}

/** Where each output goes, or why the table cannot take them: nothing is written in that case. */
export function placeOutputs(table: TableHandle, owned: OutputColumnPlacement, layout: OutputColumnsLayout): OutputPlacement | { problem: string } {
  const geometry = tableGeometry(table.model);
  if (!geometry || geometry.headerRow === undefined) return { problem: `Table ${table.model.name} has no header row, so its output columns cannot be found or added; turn on its header row in Excel (Table Design > Header Row).` };
  let next = geometry.right + 1;
  const columns = layout.keys.map((_, k) => {
    const at = owned.existing[k];
    return at === undefined ? next++ : geometry.left + at;
  });
  const appended = next - geometry.right - 1;
  const resting = owned.resting.map((r) => geometry.left + r.index);
  const merged = mergedOutputCell(table, geometry, [...columns, ...resting], [...owned.headers, ...owned.resting.map((r) => r.header)]);
  if (merged) return { problem: merged };
  if (appended === 0) return { columns, appended, geometry, headers: owned.headers, resting };

  const area = { top: geometry.top, bottom: geometry.bottom, left: geometry.right + 1, right: next - 1 };
  const where = qualified(table.worksheet.name, formatRange(area));
  const missing = listWords(owned.headers.filter((_, k) => owned.existing[k] === undefined));
  if (area.right > MAX_COLUMNS) return { problem: `Table ${table.model.name} ends too close to Excel's last column to add ${missing}; move the table left.` };
  const neighbour = allTables(table.worksheet.workbook).find((t) => t.worksheet === table.worksheet && t.model !== table.model && overlaps(tableGeometry(t.model) ?? area, area));
  const filled = neighbour ? undefined : firstFilled(table.worksheet, area);
  if (neighbour || filled) {
    const data = filled ? `data (${qualified(table.worksheet.name, `${columnLetters(filled.column - 1)}${filled.row}`)} first)` : '';
    return {
      problem: `The cells to the right of table ${table.model.name} (${where}) hold ${neighbour ? `table ${neighbour.model.name}` : data}, and the output columns ${missing} need them; move that ${neighbour ? 'table' : 'data'} or insert ${appended} empty columns after the table, then run again.`,
    };
  }
  return { columns, appended, geometry, headers: owned.headers, resting };
}

export function writeOutputs(table: TableHandle, layout: OutputColumnsLayout, placement: OutputPlacement): void {
  const { worksheet, model } = table;
  const { geometry, columns } = placement;
  const firstNew = geometry.right + 1;
  const headerStyle = worksheet.getCell(geometry.headerRow!, geometry.right).style;
  columns.forEach((column, k) => {
    if (column < firstNew) return;
    const header = worksheet.getCell(geometry.headerRow!, column);
    // The new header looks like its neighbours (a user's header fill, font or wrap).
    header.style = { ...headerStyle };
    header.value = placement.headers[k]!;
    worksheet.getColumn(column).width = layout.widths[k]!;
    // Shown, though the user hid the unused columns right of the table where it is appended.
    worksheet.getColumn(column).hidden = false;
    model.columns.push({ name: placement.headers[k]!, filterButton: model.columns[0]?.filterButton ?? true });
  });
  if (placement.appended > 0) resizeTable(model, { ...geometry, right: geometry.right + placement.appended });

  // One style object per column, shared by its cells: exceljs then resolves it once when saving,
  // not once per cell (10,000 rows × 10 columns). It keeps the look the column's first cell has.
  const styles = columns.map((column, k) => ({ ...worksheet.getCell(geometry.firstBodyRow, column).style, numFmt: layout.formats[k]! }));
  for (let i = 0; i <= geometry.lastBodyRow - geometry.firstBodyRow; i++) {
    const values = layout.values[i];
    const row = worksheet.getRow(geometry.firstBodyRow + i);
    columns.forEach((column, k) => {
      const cell = row.getCell(column);
      cell.value = writable(values?.[k] ?? null);
      cell.style = styles[k]!;
    });
    // A column of the prioritiser's this run does not write keeps its header, not a stale result.
    for (const column of placement.resting) row.getCell(column).value = null;
  }
  const bodyRows = geometry.lastBodyRow - geometry.firstBodyRow + 1;
  layout.keys.forEach((key, k) => {
    const rules = HIGHLIGHTS_BY_COLUMN[key];
    if (!rules) return;
    removeHighlights(worksheet, rules);
    addHighlights(worksheet, geometry.firstBodyRow, columns[k]!, bodyRows, rules);
  });
}
