// A whole sheet the add-in owns, written from its layout: number formats
// first (so text stays text), then values, looks, widths, highlight rules,
// tables, charts and the frozen header. The cells and the rest can be written
// apart: the cells (nearly all the bytes) to a staging sheet ahead of time.

import { a1 } from '../../engine/address';
import type { SheetLayout } from '../../layout/grid';
import { rowsForExcel } from './cells';
import { addChart } from './charts';
import { setPageLayout } from './pageLayout';
import { jsonBytes, rowChunks, type RequestBudget } from './payload';
import type { Supports } from './requirements';
import { addHighlights, applyLook, widthPoints } from './styles';

export type FormatBlock = { row: number; column: number; rows: number; format: string };

/**
 * Runs of equal number formats down each column, so 10,000 rows in a handful of formats cost a
 * handful of writes. A null format is General, which a new or cleared sheet already has.
 */
export function formatBlocks(formats: readonly (readonly (string | null)[])[]): FormatBlock[] {
  const blocks: FormatBlock[] = [];
  const columns = Math.max(0, ...formats.map((r) => r.length));
  for (let column = 0; column < columns; column++) {
    let open: FormatBlock | undefined;
    formats.forEach((row, index) => {
      const format = row[column] ?? null;
      if (open && format === open.format && open.row + open.rows === index) open.rows++;
      else {
        if (open) blocks.push(open);
        open = format === null ? undefined : { row: index, column, rows: 1, format };
      }
    });
    if (open) blocks.push(open);
  }
  return blocks;
}

/**
 * Range.numberFormat takes one value for the whole range as well as a grid (documented for
 * values, formulas and number formats alike); a single value keeps the request small.
 */
export function setNumberFormat(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = format;
}

/** The cells: number formats first (so text stays text), then values, then looks. */
export async function writeSheetCells(sheet: Excel.Worksheet, layout: Pick<SheetLayout, 'values' | 'formats' | 'styles'>, budget: RequestBudget): Promise<void> {
  const width = Math.max(1, ...layout.values.map((r) => r.length));
  for (const block of formatBlocks(layout.formats)) {
    await budget.spend(block.format.length);
    setNumberFormat(sheet.getRangeByIndexes(block.row, block.column, block.rows, 1), block.format);
  }
  const padded = layout.values.map((row) => [...row, ...Array(width - row.length).fill(null)]);
  for (const chunk of rowChunks(rowsForExcel(padded))) {
    await budget.spend(chunk.bytes);
    sheet.getRangeByIndexes(chunk.first, 0, chunk.rows.length, width).values = chunk.rows;
  }
  for (const styled of layout.styles) {
    await budget.spend(100);
    applyLook(sheet.getRangeByIndexes(styled.row, styled.column, styled.rows ?? 1, styled.columns), styled.style);
  }
}

/**
 * Everything that is not a cell: widths, a wrapped header's height, highlight rules, tables, charts, the frozen header and how it prints.
 * A few kilobytes whatever the number of rows, so it can follow the cells into any request.
 */
export async function dressSheet(sheet: Excel.Worksheet, layout: SheetLayout, budget: RequestBudget, supports: Supports): Promise<void> {
  for (const [column, characters] of layout.widths.entries()) {
    await budget.spend(20);
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = widthPoints(characters);
  }
  // Excel fits a block of wrapped rows itself (one request whatever its rows); the header rows get the height worked out.
  const wrapped = layout.styles.filter((s) => s.style === 'wrap');
  const inBlock = (row: number) => wrapped.some((s) => row >= s.row && row < s.row + (s.rows ?? 1));
  for (const { row, points } of layout.rowHeights ?? []) {
    if (inBlock(row)) continue;
    await budget.spend(20);
    sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  }
  for (const block of wrapped) {
    await budget.spend(20);
    // Whole rows: Excel fits a range's rows to the data in its own columns only.
    sheet.getRangeByIndexes(block.row, block.column, block.rows ?? 1, block.columns).getEntireRow().format.autofitRows();
  }
  for (const cf of layout.conditionalFormats) {
    await budget.spend(jsonBytes(cf.rules) * 2);
    addHighlights(sheet.getRangeByIndexes(cf.row, cf.column, cf.rows, 1), cf.rules, a1(cf.row, cf.column));
  }
  for (const table of layout.tables) {
    await budget.spend(100);
    const address = `${a1(table.row, table.column)}:${a1(table.row + table.rows - 1, table.column + table.columns - 1)}`;
    sheet.tables.add(address, true).name = table.name;
  }
  for (const [index, chart] of layout.charts.entries()) {
    await budget.spend(1000 + jsonBytes(chart));
    addChart(sheet, chart, `${layout.name} chart ${index + 1}`, supports);
  }
  if (layout.freezeRows > 0) sheet.freezePanes.freezeRows(layout.freezeRows);
  if (layout.pageSetup) {
    await budget.spend(500);
    setPageLayout(sheet, layout.pageSetup, supports);
  }
}

export async function writeSheetLayout(sheet: Excel.Worksheet, layout: SheetLayout, budget: RequestBudget, supports: Supports): Promise<void> {
  await writeSheetCells(sheet, layout, budget);
  await dressSheet(sheet, layout, budget, supports);
}
