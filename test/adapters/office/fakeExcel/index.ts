// A fake Excel for the office.js adapter's tests and the bench: build a
// workbook, hand `context` to the adapter, then look at the cells.

import type { CellValue } from '../../../../src/engine/types';
import { FakeContext } from './context';
import { MAX_ROWS, WorkbookModel, enter, type SheetModel } from './model';

export { FakeContext, PAYLOAD_LIMIT_BYTES } from './context';
export { FakeRichApiError, WorkbookModel, parseA1, type SheetModel, type TableChangedArgs, type TableModel } from './model';

export type FakeExcel = {
  model: WorkbookModel;
  context: FakeContext;
  /** The context as the adapter's functions take it. */
  excel: Excel.RequestContext;
  /** An ExcelRun over this workbook: a new context (and sync log) per run, like Excel.run. */
  run: <T>(work: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Every context `run` made, in order. */
  contexts: FakeContext[];
};

export function fakeExcel(model = new WorkbookModel()): FakeExcel {
  const context = new FakeContext(model);
  const contexts: FakeContext[] = [];
  return {
    model,
    context,
    excel: context as unknown as Excel.RequestContext,
    contexts,
    run: (work) => {
      const runContext = new FakeContext(model);
      contexts.push(runContext);
      return work(runContext as unknown as Excel.RequestContext);
    },
  };
}

/**
 * Put a table on a sheet (made if absent), header row at `origin`. `declaredRows` (body rows) makes its range
 * larger than its rows, blank below them; 'whole columns' runs it to the sheet's last row, as Insert > Table
 * does on whole columns selected.
 */
export function addTable(
  model: WorkbookModel,
  options: {
    sheet: string;
    name: string;
    headers: readonly string[];
    rows: readonly (readonly CellValue[])[];
    origin?: { row: number; column: number };
    declaredRows?: number | 'whole columns';
  },
): SheetModel {
  const sheet = model.sheet(options.sheet) ?? model.addSheet(options.sheet);
  const { row, column } = options.origin ?? { row: 0, column: 0 };
  options.headers.forEach((header, c) => enter(sheet.cell(row, column + c), header));
  options.rows.forEach((cells, r) => cells.forEach((value, c) => (sheet.cell(row + 1 + r, column + c).value = value)));
  const declared = options.declaredRows === 'whole columns' ? MAX_ROWS - row - 1 : (options.declaredRows ?? options.rows.length);
  model.addTable(sheet, { row, column, rows: Math.max(declared, options.rows.length) + 1, columns: options.headers.length }, options.name);
  return sheet;
}
