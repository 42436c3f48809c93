// The pane's smaller commands: insert the sample, make a table from the
// selection, choose another table, select a problem cell, sort by priority.

import { noSuchTableMessage, SAMPLE_REFUSED_MESSAGE } from '../../port/problems';
import { a1 } from '../../engine/address';
import { outputKeyOf } from '../../engine/columns';
import { outputColumnIndices } from '../../layout/ownedColumns';
import type { RawTable } from '../../engine/types';
import { CAPACITY_TABLE, INITIATIVES_TABLE } from '../../layout/names';
import { rowsForExcel } from './cells';
import { isNotFound, officeErrorCode, WorkbookError } from './officeErrors';
import { findTable, locate } from './readWorkbook';
import type { Supports } from './requirements';
import { freeSheetName, saveSettings } from './settingsWrites';
import { widthPoints } from './styles';
import { setNumberFormat } from './writeSheet';

const MONEY_FORMAT = '#,##0';

function writeSampleTable(sheet: Excel.Worksheet, raw: RawTable): void {
  const values = rowsForExcel([raw.headers, ...raw.rows]);
  const width = raw.headers.length;
  sheet.getRangeByIndexes(0, 0, values.length, width).values = values;
  const moneyColumn = raw.headers.indexOf('Annual value');
  if (moneyColumn >= 0) setNumberFormat(sheet.getRangeByIndexes(1, moneyColumn, raw.rows.length, 1), MONEY_FORMAT);
  sheet.tables.add(`A1:${a1(raw.rows.length, width - 1)}`, true).name = raw.name;
  raw.headers.forEach((header, column) => {
    sheet.getRangeByIndexes(0, column, 1, 1).format.columnWidth = widthPoints(Math.min(40, Math.max(10, header.length + 2)));
  });
  sheet.freezePanes.freezeRows(1);
}

/** The sample portfolio on new sheets (never over an existing one); its Capacity table only if the workbook has none. */
export async function insertSample(context: Excel.RequestContext): Promise<void> {
  const located = await locate(context);
  if (findTable(located, INITIATIVES_TABLE)) {
    throw new WorkbookError(SAMPLE_REFUSED_MESSAGE);
  }
  // The sample's rows load only when asked for: they are a tenth of the pane's first download otherwise.
  const { SAMPLE_HEADERS, sampleTables } = await import(/* webpackChunkName: "sample" */ '../../sample/samplePortfolio');
  const sample = sampleTables();
  const portfolioName = freeSheetName('Portfolio', located.sheets);
  const portfolio = context.workbook.worksheets.add(portfolioName);
  writeSampleTable(portfolio, { ...sample.initiatives, headers: [...SAMPLE_HEADERS] });
  if (!findTable(located, CAPACITY_TABLE)) {
    const capacity = context.workbook.worksheets.add(freeSheetName('Capacity', [...located.sheets, portfolioName]));
    writeSampleTable(capacity, sample.capacity);
  }
  portfolio.activate();
  await context.sync();
}

export type Refusal = { ok: true } | { ok: false; message: string };

/** The selected range, with its header row, becomes the Initiatives table. */
export async function createTableFromSelection(context: Excel.RequestContext): Promise<Refusal> {
  const tables = context.workbook.tables.load('items/name');
  let selected: Excel.Range;
  try {
    selected = context.workbook.getSelectedRange().load('address, rowIndex, columnIndex, rowCount, columnCount');
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === 'InvalidSelection') return { ok: false, message: 'Select the cells of your portfolio (not a chart or a picture), header row first, then try again.' };
    throw error;
  }
  if (tables.items.some((t) => t.name.toLowerCase() === INITIATIVES_TABLE.toLowerCase())) {
    return { ok: false, message: 'This workbook already has a table called Initiatives; run the prioritiser on it, or rename it first.' };
  }
  if (selected.rowCount * selected.columnCount === 1) {
    return { ok: false, message: 'Only one cell is selected. Select the whole portfolio: the header row and one row per initiative.' };
  }
  if (selected.rowCount < 2) return { ok: false, message: 'Select the header row and at least one initiative below it.' };
  if (selected.rowCount > 100_000) return { ok: false, message: 'The selection is whole columns. Select just the cells of the portfolio, from its header row down.' };
  try {
    const table = selected.worksheet.tables.add(selected, true);
    table.name = INITIATIVES_TABLE;
    await context.sync();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `Excel could not make a table of ${selected.address} (does it overlap another table?). ${error instanceof Error ? error.message : ''}`.trim() };
  }
}

/** Remember `name` as the table of initiatives (the settings sheet's "Initiatives table" row). */
export async function useTable(context: Excel.RequestContext, name: string, supports: Supports): Promise<void> {
  const located = await locate(context);
  const table = findTable(located, name);
  if (!table) throw new WorkbookError(noSuchTableMessage(name));
  await saveSettings(context, (current) => ({ ...current, initiativesTable: table.name }), supports);
}

export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  try {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  } catch (error) {
    if (isNotFound(error)) throw new WorkbookError(`There is no sheet called "${sheetName}" any more, or no cell ${cell} on it.`, { cause: error });
    throw error;
  }
}

/** Whole rows of the Initiatives table, Priority 1 first; unranked rows (blank Priority) go last. */
export async function sortByPriority(context: Excel.RequestContext): Promise<void> {
  const located = await locate(context);
  const table = findTable(located, located.initiativesTable);
  if (!table) throw new WorkbookError(`There is no table called ${located.initiativesTable} to sort.`);
  const priority = outputColumnIndices(table.headers, outputKeyOf).get('priority') ?? -1;
  if (priority < 0) throw new WorkbookError(`Table ${table.name} has no Priority column yet: run the prioritiser first, then sort.`);
  context.workbook.tables.getItem(table.name).sort.apply([{ key: priority, ascending: true }]);
  await context.sync();
}
