// The row appended to the Decision log table on every run. The table is the
// user's record too: they may move its columns or add their own, so each cell
// goes under its header, and their columns are left as they are.

import { logRowUnder, type AlignedLogRow } from '../../layout/decisionLog';
import type { PlanLayout } from '../../layout/planLayout';
import { rowsForExcel, type ExcelCell } from './cells';

/**
 * The log row laid out under `headers`; null (which office.js leaves unchanged) under a column the add-in does not
 * know. `known`: the columns the add-in writes, which alone take the row's look.
 */
export function alignLogRow(headers: readonly string[], row: PlanLayout['logRow']): { values: (ExcelCell | null)[]; formats: (string | null)[]; known: boolean[]; style: AlignedLogRow['style'] } {
  const under = logRowUnder(headers, row);
  const cells = rowsForExcel([under.values.map((v) => v ?? null)])[0]!;
  return {
    values: under.values.map((v, i) => (v === undefined ? null : (cells[i] ?? ''))),
    formats: under.formats,
    known: under.values.map((v) => v !== undefined),
    style: under.style,
  };
}
