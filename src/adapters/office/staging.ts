// The Change impact sheet is nearly half of a large run's bytes (2.3 MB of
// 5.6 MB at 10,000 initiatives), too much to send with the output columns in
// one request under 4 MB. Its cells are therefore staged on a hidden sheet of
// the add-in's own in the round trip that checks the table, and the write
// round trip only promotes them: on a first run the staging sheet is renamed
// into place; on a rerun its cells are copied into the existing sheet, which
// stays the same sheet, so the user's formulas that point at it keep working
// (deleting it and renaming the staging sheet would turn them into #REF!).
// If nothing may be written, the staging sheet is deleted and the workbook is
// as it was.

import type { SheetLayout } from '../../layout/grid';
import { rowsForExcel } from './cells';
import type { RequestBudget } from './payload';
import { writeSheetCells } from './writeSheet';

const STAGING_PREFIX = 'Prioritiser staging ';
const STAGING_NAME = /^Prioritiser staging [a-z0-9]{8}$/i;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A staging sheet's name: a random token makes it one no user would choose, and it is checked against the sheets there are. */
export function stagingName(taken: readonly string[], random: () => number = Math.random): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (;;) {
    const token = Array.from({ length: 8 }, () => ALPHABET[Math.floor(random() * ALPHABET.length) % ALPHABET.length]).join('');
    const name = `${STAGING_PREFIX}${token}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** A sheet named like a staging sheet; it is only ever deleted if its A2 also carries the add-in's mark. */
export const looksLikeStaging = (name: string): boolean => STAGING_NAME.test(name);

/**
 * Queues a hidden sheet holding `layout`'s cells (formats, values, looks). A2, the owner's
 * mark, goes first, so that a staging sheet an interrupted run left behind is known as the
 * add-in's, and the next successful run deletes it.
 */
export async function stageCells(context: Excel.RequestContext, name: string, layout: SheetLayout, budget: RequestBudget): Promise<void> {
  const sheet = context.workbook.worksheets.add(name);
  sheet.visibility = 'Hidden';
  const mark = rowsForExcel([[layout.values[1]?.[0] ?? null]]);
  await budget.spend(200);
  sheet.getRange('A2').values = mark;
  await writeSheetCells(sheet, layout, budget);
}

/** The staged cells' extent, the same on the staging sheet and where they are copied to. */
export function cellsExtent(layout: SheetLayout): { rows: number; columns: number } {
  return { rows: Math.max(1, layout.values.length), columns: Math.max(1, ...layout.values.map((r) => r.length)) };
}

/**
 * Best effort, after a failure or when nothing may be written: delete the staging sheet made
 * in this run. It is known by its name alone, a random one made moments ago; if it was never
 * made (the request was refused) or was already renamed into place, Excel finds nothing to delete.
 */
export async function dropStaging(context: Excel.RequestContext, name: string): Promise<void> {
  try {
    context.workbook.worksheets.getItem(name).delete();
    await context.sync();
  } catch {
    // Nothing to delete, or Excel refuses every request just now (cell-edit mode): the next run sweeps it.
  }
}
