// A whole sheet the add-in owns (Change impact, Decision log, settings) from its
// layout: values, number formats, styles, widths, frozen rows, highlight rules
// tables and page setup. Charts are not written: exceljs cannot create them (the
// command says so; the add-in draws them when the workbook is opened with it).

import type ExcelJS from 'exceljs';
import { columnLetters } from '../../engine/address';
import { writable, type LayoutCell, type SheetLayout, type TableSpec } from '../../layout/grid';
import { MARGINS, type PageSetup } from '../../layout/pageSetup';
import { addHighlights } from './conditionalFormats';
import { cellRef } from './range';
import { CELL_STYLES } from './styles';

/** An empty text is written as an empty cell, as Excel itself stores it. */
const isEmpty = (value: LayoutCell): boolean => value === null || value === '';

function writeTable(worksheet: ExcelJS.Worksheet, layout: SheetLayout, spec: TableSpec): void {
  const headers = layout.values[spec.row]!.slice(spec.column, spec.column + spec.columns).map((h) => String(h ?? ''));
  const rows = layout.values.slice(spec.row + 1, spec.row + spec.rows).map((r) => r.slice(spec.column, spec.column + spec.columns).map((v) => (isEmpty(v) ? null : writable(v))));
  // addTable writes its header and rows into the cells: the same values the layout has there.
  worksheet.addTable({
    name: spec.name,
    ref: cellRef(spec.row + 1, spec.column + 1),
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/** Fill an empty worksheet with `layout`. */
export function writeSheet(worksheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  layout.widths.forEach((width, i) => (worksheet.getColumn(i + 1).width = width));
  for (const spec of layout.tables) writeTable(worksheet, layout, spec);
  // Cells of one format share one style object, which exceljs resolves once when saving
  // instead of once per cell (a 10,000-initiative Change impact sheet has 100,000 cells).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (numFmt: string) => styles.get(numFmt) ?? styles.set(numFmt, { numFmt }).get(numFmt)!;
  layout.values.forEach((cells, r) => {
    const formats = layout.formats[r]!;
    cells.forEach((value, c) => {
      if (isEmpty(value) && formats[c] === null) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      if (!isEmpty(value)) cell.value = writable(value);
      if (formats[c]) cell.style = styleFor(formats[c]!);
    });
  });
  for (const styled of layout.styles) {
    for (let r = styled.row; r < styled.row + (styled.rows ?? 1); r++) {
      for (let c = styled.column; c < styled.column + styled.columns; c++) {
        const cell = worksheet.getCell(r + 1, c + 1);
        cell.style = { ...cell.style, ...CELL_STYLES[styled.style] };
      }
    }
  }
  for (const { row, points } of layout.rowHeights ?? []) worksheet.getRow(row + 1).height = points;
  for (const cf of layout.conditionalFormats) addHighlights(worksheet, cf.row + 1, cf.column + 1, cf.rows, cf.rules);
  if (layout.freezeRows > 0) worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: layout.freezeRows, topLeftCell: cellRef(layout.freezeRows + 1, 1) }];
  if (layout.pageSetup) setPageSetup(worksheet, layout.pageSetup);
}

const inches = (points: number): number => Math.round((points / 72) * 100) / 100;

/** How one of the add-in's sheets prints; its repeated rows become the sheet's print titles when saved. */
export function setPageSetup(worksheet: ExcelJS.Worksheet, setup: PageSetup): void {
  Object.assign(worksheet.pageSetup, {
    orientation: setup.orientation,
    fitToPage: true,
    fitToWidth: setup.pagesWide,
    // 0: as many pages tall as the rows need.
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: inches(MARGINS.left), right: inches(MARGINS.right), top: inches(MARGINS.top), bottom: inches(MARGINS.bottom), header: inches(MARGINS.header), footer: inches(MARGINS.footer) },
    printTitlesRow: setup.titleRows > 0 ? `1:${setup.titleRows}` : undefined,
    printTitlesColumn: setup.titleColumns > 0 ? `A:${columnLetters(setup.titleColumns - 1)}` : undefined,
    pageOrder: setup.pageOrder,
  });
  worksheet.headerFooter.oddFooter = `&L${setup.footer.left}&C${setup.footer.center}&R${setup.footer.right}`;
  // A break before zero-based row r is one after row r as Excel counts them.
  const breaks = (worksheet as unknown as { rowBreaks: { id: number; max: number; man: number }[] }).rowBreaks;
  breaks.length = 0;
  for (const row of setup.breaks) breaks.push({ id: row, max: 16383, man: 1 });
}

/** One more row at the bottom of a sheet's table (or its last used row), with its formats. */
export function writeRow(worksheet: ExcelJS.Worksheet, row: number, left: number, values: LayoutCell[], formats: (string | null)[]): void {
  values.forEach((value, i) => {
    const cell = worksheet.getCell(row, left + i);
    cell.value = isEmpty(value) ? null : writable(value);
    if (formats[i]) cell.numFmt = formats[i]!;
  });
}
