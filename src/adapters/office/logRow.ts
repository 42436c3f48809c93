// The row appended to the Decision log table on every run. The table is the
// user's record too: they may move its columns or add their own, so each cell
// goes under its header, and their columns are left as they are.

import { normalise } from '../../engine/cells';
import { DECISION_LOG_HEADERS } from '../../layout/decisionLog';
import type { PlanLayout } from '../../layout/planLayout';
import { rowsForExcel, type ExcelCell } from './cells';

/** The log row laid out under `headers`; null (which office.js leaves unchanged) under a column the add-in does not know. */
export function alignLogRow(headers: readonly string[], row: PlanLayout['logRow']): { values: (ExcelCell | null)[]; formats: (string | null)[] } {
  const index = new Map(DECISION_LOG_HEADERS.map((h, i) => [normalise(h), i]));
  const cells = rowsForExcel([row.values])[0]!;
  const at = headers.map((h) => index.get(normalise(h)));
  return {
    values: at.map((i) => (i === undefined ? null : (cells[i] ?? ''))),
    formats: at.map((i) => (i === undefined ? null : (row.formats[i] ?? null))),
  };
}
