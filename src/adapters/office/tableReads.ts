// Reading a table's header, position and body values through office.js. The
// Initiatives table is read without its output columns: they are the add-in's
// own, rewritten on every run, and on a 10,000-row portfolio they are most of
// the bytes (Excel on the web refuses a response above 5 MB).
//
// A table's size is the rows that hold data, not its declared range: a table
// made by selecting whole columns (A1:AE1048576) with 25 rows used is read,
// checked and written as 25 rows. Its last used row is found by Excel in the
// same request as the values (usedRows), so it costs no round trip.

import { outputKeyOf } from '../../engine/columns';
import type { CellValue } from '../../engine/types';
import { isPayloadTooLarge } from './officeErrors';

/** Contiguous table columns, by zero-based index within the table. */
export type ColumnRun = { start: number; length: number };

/** The table columns that are not output columns, as contiguous runs. */
export function inputRuns(headers: readonly string[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  headers.forEach((header, index) => {
    if (outputKeyOf(header) !== undefined) return;
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === index) last.length++;
    else runs.push({ start: index, length: 1 });
  });
  return runs;
}

export { outputIndices } from '../../engine/fingerprint';

export type TableRead = {
  headers: string[];
  /** Zero-based sheet row and column of the header row's first cell. */
  origin: { row: number; column: number };
  /** Body rows down to the last one holding a value (at least one): blank rows below it are no part of the table's data. */
  rowCount: number;
  /** Full-width rows; cells outside the loaded runs are blank. */
  rows: CellValue[][];
  /** The number formats of the format runs asked for, by run: each run's rows of formats. */
  formats?: { start: number; formats: string[][] }[];
};

const toCell = (value: unknown): CellValue =>
  typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : '';

/**
 * The table's header row and its body down to the last row holding a value (getUsedRange(valuesOnly),
 * ExcelApi 1.2), whatever its declared range: Excel finds that row, not the add-in, so a whole-column table
 * costs what its data costs. The header row always holds values (Excel names every column), so the used
 * range is never empty; bounding it with the header row keeps the table's full width. A totals row is
 * left out. Blank rows in the middle stay: they are gaps, not the end.
 */
export function usedRows(table: Excel.Table): Excel.Range {
  const header = table.getHeaderRowRange();
  return header.getBoundingRect(header.getBoundingRect(table.getDataBodyRange()).getUsedRange(true));
}

/** Body rows of a used range loaded by `usedRows` (one blank row for an empty body, as Excel shows a new table). */
export const usedBodyRows = (used: Excel.Range): number => Math.max(1, used.rowCount - 1);

/**
 * Queues the header, position and size of `table`, the body values of `runs` ('all' for every column), and
 * the number formats of `formatRuns` over the same rows (so a table read in row chunks reads its formats in them too).
 * Without `rows`, the rows read are those down to the last one holding a value (usedRows), in the same request.
 */
export function queueTableRead(table: Excel.Table, runs: ColumnRun[] | 'all', rows?: { first: number; count: number }, formatRuns: readonly ColumnRun[] = []): () => TableRead {
  const header = table.getHeaderRowRange().load('values, rowIndex, columnIndex');
  const used = usedRows(table).load('rowCount');
  // Unchunked, a block starts at the header row (skipped below): the used range knows where the data ends.
  const skip = rows ? 0 : 1;
  const rangeOf = (run: ColumnRun) =>
    rows ? table.getDataBodyRange().getCell(rows.first, run.start).getResizedRange(rows.count - 1, run.length - 1) : used.getColumn(run.start).getResizedRange(0, run.length - 1);
  const blocks = runs === 'all' ? [{ run: undefined, range: used.load('values') }] : runs.map((run) => ({ run, range: rangeOf(run).load('values') }));
  const formatBlocks = formatRuns.map((run) => ({ start: run.start, range: rangeOf(run).load('numberFormat') }));
  return () => {
    const headers = (header.values[0] ?? []).map((h) => String(h ?? ''));
    const rowCount = usedBodyRows(used);
    const count = rows?.count ?? rowCount;
    const out: CellValue[][] = Array.from({ length: count }, () => Array<CellValue>(headers.length).fill(''));
    for (const { run, range } of blocks) {
      const values = range.values;
      const start = run?.start ?? 0;
      for (let r = 0; r < count; r++) {
        const source = values[r + skip] ?? [];
        const target = out[r]!;
        for (let c = 0; c < source.length; c++) target[start + c] = toCell(source[c]);
      }
    }
    const read: TableRead = { headers, origin: { row: header.rowIndex, column: header.columnIndex }, rowCount, rows: out };
    if (formatBlocks.length > 0) {
      read.formats = formatBlocks.map(({ start, range }) => ({ start, formats: range.numberFormat.slice(skip, skip + count).map((row) => row.map((f) => String(f ?? 'General'))) }));
    }
    return read;
  };
}

/**
 * Syncs what `queue` queued together with `table`'s inputs. When Excel refuses the response as
 * too large, the other loads and the table's size are synced alone and the rows follow in
 * halves, quarters, ... each in its own sync: more round trips, but only for tables that need them.
 * With `canSplit: false` the refusal is thrown instead: the caller had writes in that request,
 * which Excel may or may not have made, and must deal with them first.
 */
export async function syncWithTable<T>(
  context: Excel.RequestContext,
  table: () => Excel.Table,
  runs: ColumnRun[],
  queue: () => () => T,
  options: { canSplit?: boolean; formatRuns?: readonly ColumnRun[] } = {},
): Promise<{ rest: T; table: TableRead }> {
  const formatRuns = options.formatRuns ?? [];
  try {
    const readRest = queue();
    const readTable = queueTableRead(table(), runs, undefined, formatRuns);
    await context.sync();
    return { rest: readRest(), table: readTable() };
  } catch (error) {
    if (!isPayloadTooLarge(error) || options.canSplit === false) throw error;
  }
  const readRest = queue();
  const readShape = queueTableRead(table(), []);
  await context.sync();
  const shape = readShape();
  const rows: CellValue[][] = [];
  const formats = formatRuns.map((run) => ({ start: run.start, formats: [] as string[][] }));
  let size = Math.max(1, Math.ceil(shape.rowCount / 2));
  while (rows.length < shape.rowCount) {
    const count = Math.min(size, shape.rowCount - rows.length);
    try {
      const readChunk = queueTableRead(table(), runs, { first: rows.length, count }, formatRuns);
      await context.sync();
      const chunk = readChunk();
      rows.push(...chunk.rows);
      chunk.formats?.forEach((run, i) => formats[i]!.formats.push(...run.formats));
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      size = Math.ceil(count / 2);
    }
  }
  return { rest: readRest(), table: { ...shape, rows, ...(formats.length > 0 ? { formats } : {}) } };
}
