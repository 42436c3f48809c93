// The words of every refusal the port can give, written once so that the three
// adapters say the same thing for the same case.

import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET, ROADMAP_SHEET, SETTINGS_SHEET } from '../layout/names';
import { a1, qualified } from '../engine/address';
import type { RawTable } from '../engine/types';
import { userColumnsMessage, type UserColumn } from '../layout/ownedColumns';
import type { SheetRole, WriteProblem } from './workbookPort';

/** The default name of each sheet the add-in makes. */
export const DEFAULT_SHEET_NAMES: Record<SheetRole, string> = {
  changeImpact: CHANGE_IMPACT_SHEET,
  decisionLog: DECISION_LOG_SHEET,
  settings: SETTINGS_SHEET,
  roadmap: ROADMAP_SHEET,
};

const WHAT: Record<SheetRole, string> = { changeImpact: 'Change impact', decisionLog: 'Decision log', settings: 'settings', roadmap: 'Roadmap' };

export const EDITING_MESSAGE =
  'Excel is waiting for you to finish typing in a cell. Press Enter or Esc to leave the cell; the prioritiser carries on by itself.';

/** The table changed between the read and the write; `reason` says how when the adapter can tell. */
export const changedProblem = (reason = 'The Initiatives table changed since it was read (rows added, removed, edited or sorted).'): WriteProblem => ({
  kind: 'changed',
  message: `${reason} Nothing was written; run again.`,
});

/** One of the user's own sheets has the name a sheet of the add-in needs. */
export function nameTakenProblem(sheet: string, role?: SheetRole): WriteProblem {
  const choose = role ? `Choose another name for the prioritiser's ${WHAT[role]} sheet.` : 'Rename your sheet to let the prioritiser make its own.';
  return {
    kind: 'name-taken',
    sheet,
    ...(role ? { role } : {}),
    message: `This workbook already has a sheet called "${sheet}" that the prioritiser did not make, so it was left alone and nothing was written. ${choose}`,
  };
}

/** A sheet the add-in must change is protected (Review > Protect Sheet): refused before anything is written. */
export const protectedProblem = (sheet: string): WriteProblem => ({
  kind: 'protected',
  sheet,
  message: `Sheet "${sheet}" is protected, so the prioritiser cannot write to it. Nothing was written. Unprotect it (Review > Unprotect Sheet) and try again.`,
});

export const lockedStructureProblem = (sheet: string): WriteProblem => ({
  kind: 'protected',
  sheet,
  message: `This workbook's structure is protected, so the prioritiser cannot add its "${sheet}" sheet. Nothing was written. Unprotect the workbook (Review > Protect Workbook) and run again.`,
});

export { SETTINGS_COLUMNS_MESSAGE } from '../layout/settingsEdits';

export const SAMPLE_REFUSED_MESSAGE =
  'This workbook already has a table called Initiatives, so the sample was not added. Rename that table first to add the sample beside it.';

export const noSuchTableMessage = (name: string): string => `There is no table called "${name}" in this workbook.`;

/** The table has columns of the user's own headed like output columns: nothing was written. */
export const userColumnProblem = (table: Pick<RawTable, 'name' | 'sheet' | 'origin'>, columns: readonly UserColumn[]): WriteProblem => ({
  kind: 'user-column',
  sheet: table.sheet,
  table: table.name,
  columns: columns.map((c) => ({ ...c, cell: a1(table.origin.row, table.origin.column + c.index) })),
  message: userColumnsMessage(table, columns),
});

/** A block of merged cells, zero-based and inclusive. */
export type MergedBlock = { top: number; left: number; bottom: number; right: number };

/**
 * The first merged block of the user's reaching an output column's cells (rows `top`..`bottom`, header included),
 * as a refusal: writing there would change the user's merged cell. `columns` are the outputs' sheet columns, zero-based.
 */
export function mergedOutputProblem(sheet: string, merges: readonly MergedBlock[], rows: { top: number; bottom: number }, columns: readonly number[], headers: readonly string[]): WriteProblem | undefined {
  for (const merge of merges) {
    if (merge.bottom < rows.top || merge.top > rows.bottom) continue;
    const k = columns.findIndex((column) => merge.left <= column && column <= merge.right);
    if (k < 0) continue;
    const block = `${a1(merge.top, merge.left)}:${a1(merge.bottom, merge.right)}`;
    return {
      kind: 'unsupported',
      message: `Cells ${qualified(sheet, block)} are merged into the ${headers[k]} column, where the prioritiser writes its results; writing there would change your merged cell, so nothing was written. Unmerge them (Home > Merge & Center) or move them out of that column, then run again.`,
    };
  }
  return undefined;
}
