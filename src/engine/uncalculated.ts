// Cells holding a formula saved without its result (some scripts and programs
// write files without calculating them): read as blank, never as a guessed
// value, and said with their sheet, column and cell in every table a run
// reads, not only the Initiatives table.

import { a1, qualified } from './address';
import type { Issue, IssueCode, RawTable } from './types';

export const UNCALCULATED_WHY = 'holds a formula saved without its result (some programs write files without calculating them), so it cannot be read';
export const UNCALCULATED_FIX = 'open the workbook in Excel, which calculates it, save it and run again';

/** Whether body cell (`row`, `column`) of the table holds a formula saved without its result. */
export function uncalculatedAt(table: Pick<RawTable, 'uncalculated'>): (row: number, column: number) => boolean {
  const cells = new Set((table.uncalculated ?? []).map((c) => `${c.row},${c.column}`));
  return (row, column) => cells.size > 0 && cells.has(`${row},${column}`);
}

/**
 * A warning for each such cell in `columns` (table-relative; -1 is skipped), saying what the run does instead:
 * `effect(column)`, e.g. "it counts as 0 until then".
 */
export function uncalculatedIssues(table: RawTable, code: IssueCode, columns: readonly number[], effect: (column: number) => string): Issue[] {
  const read = new Set(columns.filter((c) => c >= 0));
  return (table.uncalculated ?? [])
    .filter((c) => read.has(c.column))
    .sort((a, b) => a.row - b.row || a.column - b.column)
    .map(({ row, column }) => {
      const cell = a1(table.origin.row + 1 + row, table.origin.column + column);
      const header = String(table.headers[column] ?? '');
      return {
        code,
        severity: 'warning' as const,
        sheet: table.sheet,
        column: header,
        cell,
        message: `${header} in ${qualified(table.sheet, cell)} ${UNCALCULATED_WHY}; ${effect(column)}. To use it, ${UNCALCULATED_FIX}.`,
      };
    });
}
