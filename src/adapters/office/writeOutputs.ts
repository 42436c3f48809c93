// The output columns of the Initiatives table: found by header wherever the
// user moved them, appended at the right when absent, and the only cells of
// the table the add-in writes.

import { a1 } from '../../engine/address';
import { OUTPUT_COLUMNS, outputKeyOf, type OutputKey } from '../../engine/columns';
import type { OutputRun } from '../../layout/layoutChanges';
import { HIGHLIGHTS_BY_COLUMN, type OutputColumnsLayout } from '../../layout/outputColumns';
import { outputColumnIndices, type OutputColumnPlacement } from '../../layout/ownedColumns';
import { cellForExcel, type ExcelCell } from './cells';
import { rowChunks, type RequestBudget } from './payload';
import { addHighlights, widthPoints } from './styles';
import { setNumberFormat } from './writeSheet';

export type TableShape = { headers: string[]; origin: { row: number; column: number }; rowCount: number };

/**
 * Sheet column of every output column the layout writes: where its header is, or where it will be
 * appended. A header of an output the layout does not write (a user's "Start" without horizons) is the user's.
 */
export function outputPlaces(shape: TableShape, keys: readonly OutputKey[] = OUTPUT_COLUMNS.map((c) => c.key)): { places: Map<OutputKey, number>; missing: OutputKey[] } {
  const places = new Map<OutputKey, number>();
  for (const [key, index] of outputColumnIndices(shape.headers, outputKeyOf)) if (keys.includes(key)) places.set(key, shape.origin.column + index);
  const missing = keys.filter((key) => !places.has(key));
  missing.forEach((key, i) => places.set(key, shape.origin.column + shape.headers.length + i));
  return { places, missing };
}

/** Sheet column of every output column as `owned` places them (ownedColumns), the absent ones appended in order. */
function placesOf(shape: TableShape, outputs: OutputColumnsLayout, owned: OutputColumnPlacement): { places: Map<OutputKey, number>; added: { key: OutputKey; header: string }[] } {
  const places = new Map<OutputKey, number>();
  const added: { key: OutputKey; header: string }[] = [];
  outputs.keys.forEach((key, k) => {
    const at = owned.existing[k];
    if (at !== undefined) places.set(key, shape.origin.column + at);
    else {
      places.set(key, shape.origin.column + shape.headers.length + added.length);
      added.push({ key, header: owned.headers[k]! });
    }
  });
  return { places, added };
}

/** Output columns in sheet order, grouped into side-by-side runs so each run is one range write. */
function runsOf(places: Map<OutputKey, number>): { column: number; keys: OutputKey[] }[] {
  const sorted = [...places.entries()].sort((a, b) => a[1] - b[1]);
  const runs: { column: number; keys: OutputKey[] }[] = [];
  for (const [key, column] of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.keys.length === column) last.keys.push(key);
    else runs.push({ column, keys: [key] });
  }
  return runs;
}

/**
 * A live re-run: only the changed cells, each run of rows one range; their number formats, widths and
 * highlight rules are already there. False (nothing queued) when an output column is missing, so the
 * caller writes the columns whole.
 */
export async function writeOutputRuns(sheet: Excel.Worksheet, shape: TableShape, runs: readonly OutputRun[], budget: RequestBudget, keys?: readonly OutputKey[]): Promise<boolean> {
  const { places, missing } = outputPlaces(shape, keys);
  if (missing.length > 0) return false;
  const top = shape.origin.row + 1;
  for (const run of runs) {
    const values = run.values.map((value) => [cellForExcel(value)]);
    for (const chunk of rowChunks(values)) {
      await budget.spend(chunk.bytes);
      sheet.getRangeByIndexes(top + run.row + chunk.first, places.get(run.key)!, chunk.rows.length, 1).values = chunk.rows;
    }
  }
  return true;
}

export async function writeOutputColumns(
  table: Excel.Table,
  sheet: Excel.Worksheet,
  shape: TableShape,
  outputs: OutputColumnsLayout,
  budget: RequestBudget,
  owned: OutputColumnPlacement,
  runs: readonly OutputRun[] | 'all' = 'all',
): Promise<void> {
  if (runs !== 'all' && (await writeOutputRuns(sheet, shape, runs, budget, outputs.keys))) return;
  const { places, added } = placesOf(shape, outputs, owned);
  for (const { key, header } of added) {
    await budget.spend(100);
    table.columns.add(undefined, undefined, header);
    const headerCell = sheet.getRangeByIndexes(shape.origin.row, places.get(key)!, 1, 1);
    headerCell.format.columnWidth = widthPoints(outputs.widths[outputs.keys.indexOf(key)] ?? 12);
    // Shown, though the user hid the unused columns right of the table where it is appended.
    headerCell.columnHidden = false;
  }
  const top = shape.origin.row + 1;
  const rows = shape.rowCount;
  const keyIndex = new Map(outputs.keys.map((key, i) => [key, i]));
  for (const [key, column] of places) {
    await budget.spend(200);
    const body = sheet.getRangeByIndexes(top, column, rows, 1);
    setNumberFormat(body, outputs.formats[keyIndex.get(key)!] ?? 'General');
    const rules = HIGHLIGHTS_BY_COLUMN[key];
    if (rules) {
      body.conditionalFormats.clearAll(); // last run's rules, so reruns do not stack them
      addHighlights(body, rules, a1(top, column));
    }
  }
  // A column of the prioritiser's this run does not write (Start without horizons) keeps its header and
  // formats, not a stale result: its values cleared in one request, whatever the rows.
  for (const { index } of owned.resting) {
    await budget.spend(100);
    sheet.getRangeByIndexes(top, shape.origin.column + index, rows, 1).clear('Contents');
  }
  for (const run of runsOf(places)) {
    const indices = run.keys.map((key) => keyIndex.get(key)!);
    const values: ExcelCell[][] = Array.from({ length: rows }, (_, r) => indices.map((i) => cellForExcel(outputs.values[r]?.[i])));
    for (const chunk of rowChunks(values)) {
      await budget.spend(chunk.bytes);
      sheet.getRangeByIndexes(top + chunk.first, run.column, chunk.rows.length, run.keys.length).values = chunk.rows;
    }
  }
}
