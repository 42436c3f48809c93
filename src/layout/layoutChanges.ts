// What a live re-run must write: the cells of the new layout that differ from
// the layout written last time. Worked out once here so every adapter writes
// the same cells; an adapter only turns the runs into ranges.

import type { OutputKey } from '../engine/columns';
import type { LayoutCell, SheetLayout } from './grid';
import type { PlanLayout } from './planLayout';

/** Consecutive changed rows of one output column: `values[i]` goes to table body row `row + i`. */
export type OutputRun = { key: OutputKey; row: number; values: LayoutCell[] };

/** Consecutive changed cells of one sheet row, with their number formats. */
export type SheetRun = { row: number; column: number; values: LayoutCell[]; formats: (string | null)[] };

export type SheetChanges = { kind: 'same' } | { kind: 'cells'; runs: SheetRun[] } | { kind: 'rebuild' };

export type LayoutChanges = {
  /** 'all' when there is nothing to compare with (first write, rows added or removed). */
  outputs: OutputRun[] | 'all';
  changeImpact: SheetChanges;
};

/** Changed rows of each output column, as runs. */
export function outputRuns(previous: PlanLayout['outputs'], next: PlanLayout['outputs']): OutputRun[] | 'all' {
  const sameShape = previous.values.length === next.values.length && previous.keys.join() === next.keys.join() && previous.formats.join() === next.formats.join();
  if (!sameShape) return 'all';
  const runs: OutputRun[] = [];
  next.keys.forEach((key, k) => {
    let open: OutputRun | undefined;
    next.values.forEach((row, r) => {
      const value = row[k] ?? null;
      if (value === (previous.values[r]?.[k] ?? null)) {
        open = undefined;
        return;
      }
      if (open) open.values.push(value);
      else runs.push((open = { key, row: r, values: [value] }));
    });
  });
  return runs;
}

/**
 * Everything but the cells: when it differs, the sheet is rebuilt rather than patched. A header's height counts;
 * a wrapped row's does not, as Excel fits it to its text again when a patch changes the text.
 */
const dressing = (sheet: SheetLayout): string =>
  JSON.stringify([sheet.values.length, sheet.widths, sheet.styles, sheet.conditionalFormats, sheet.tables, sheet.charts, sheet.freezeRows, headerHeights(sheet)]);

function headerHeights(sheet: SheetLayout): SheetLayout['rowHeights'] {
  const wrapped = sheet.styles.filter((s) => s.style === 'wrap');
  return sheet.rowHeights?.filter((h) => !wrapped.some((s) => h.row >= s.row && h.row < s.row + (s.rows ?? 1)));
}

export function sheetChanges(previous: SheetLayout, next: SheetLayout): SheetChanges {
  if (dressing(previous) !== dressing(next)) return { kind: 'rebuild' };
  const runs: SheetRun[] = [];
  next.values.forEach((row, r) => {
    const before = previous.values[r] ?? [];
    const beforeFormats = previous.formats[r] ?? [];
    const formats = next.formats[r] ?? [];
    let open: SheetRun | undefined;
    const width = Math.max(row.length, before.length);
    for (let c = 0; c < width; c++) {
      const value = row[c] ?? null;
      const format = formats[c] ?? null;
      if (value === (before[c] ?? null) && format === (beforeFormats[c] ?? null)) {
        open = undefined;
        continue;
      }
      if (open) {
        open.values.push(value);
        open.formats.push(format);
      } else runs.push((open = { row: r, column: c, values: [value], formats: [format] }));
    }
  });
  return runs.length === 0 ? { kind: 'same' } : { kind: 'cells', runs };
}

export function layoutChanges(previous: PlanLayout | undefined, next: PlanLayout): LayoutChanges {
  if (!previous) return { outputs: 'all', changeImpact: { kind: 'rebuild' } };
  return { outputs: outputRuns(previous.outputs, next.outputs), changeImpact: sheetChanges(previous.changeImpact, next.changeImpact) };
}

/** How many cells the changes write (a rebuilt sheet counts its every cell), for the bench and the tests. */
export function changedCellCount(changes: LayoutChanges, next: PlanLayout): number {
  const outputs = changes.outputs === 'all' ? next.outputs.values.length * next.outputs.keys.length : changes.outputs.reduce((n, run) => n + run.values.length, 0);
  const sheet = changes.changeImpact;
  const sheetCells =
    sheet.kind === 'rebuild' ? next.changeImpact.values.reduce((n, row) => n + row.length, 0) : sheet.kind === 'cells' ? sheet.runs.reduce((n, run) => n + run.values.length, 0) : 0;
  return outputs + sheetCells;
}
