// Writing a whole sheet from the engine's layout: values, number formats,
// styles, widths, conditional formats, tables, charts and frozen rows.

import type { SheetLayout } from '../../layout/grid';
import { writeBlock } from './cells';
import { BLANK_CELL, emptySheet, findTable, putCell, type MemorySheet, type MemoryWorkbook } from './model';
import { createTable } from './tables';

/** Table names are unique in a workbook: `base`, else base2, base3... */
function freeTableName(workbook: MemoryWorkbook, base: string): string {
  if (!findTable(workbook, base)) return base;
  for (let n = 2; ; n++) if (!findTable(workbook, `${base}${n}`)) return `${base}${n}`;
}

/** Build `layout` on a sheet called `name`, replacing the sheet of that name in place (same tab position) if there is one. */
export function writeSheetLayout(workbook: MemoryWorkbook, layout: SheetLayout, name = layout.name): MemorySheet {
  const sheet = emptySheet(name);
  const at = workbook.sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  if (at >= 0) {
    sheet.name = workbook.sheets[at]!.name;
    sheet.writes = workbook.sheets[at]!.writes; // the count goes on: the sheet is the same sheet, rebuilt
    workbook.sheets[at] = sheet;
    workbook.tables = workbook.tables.filter((t) => t.sheet.toLowerCase() !== name.toLowerCase());
  } else workbook.sheets.push(sheet);

  // Each styled cell is made with its look first, and the values and formats written into it keep it: a block of
  // wrapped rows is thousands of cells, each made once rather than made and then copied to add the look.
  for (const styled of layout.styles) {
    for (let r = styled.row; r < styled.row + (styled.rows ?? 1); r++) {
      for (let c = styled.column; c < styled.column + styled.columns; c++) putCell(sheet, r, c, { ...BLANK_CELL, style: styled.style });
    }
  }
  writeBlock(sheet, 0, 0, layout.values, layout.formats);
  layout.widths.forEach((width, column) => (sheet.widths[column] = width));
  sheet.freezeRows = layout.freezeRows;
  if (layout.rowHeights) sheet.rowHeights = Object.fromEntries(layout.rowHeights.map((h) => [h.row, h.points]));
  sheet.conditionalFormats = layout.conditionalFormats.map((f) => ({ ...f, rules: [...f.rules], owner: 'layout' }));
  sheet.charts = layout.charts.map((chart) => JSON.parse(JSON.stringify(chart)));
  if (layout.pageSetup) sheet.pageSetup = JSON.parse(JSON.stringify(layout.pageSetup));
  for (const table of layout.tables) createTable(workbook, { ...table, name: freeTableName(workbook, table.name), sheet: sheet.name });
  return sheet;
}
