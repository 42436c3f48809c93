// A workbook counting its dates from 1904 (old Mac workbooks: File > Options > Advanced > Use 1904 date
// system) stores a date as a serial number 1,462 days smaller than the 1900 system's. The layout's dates
// are 1900 serials; each adapter writing into such a workbook shifts them, so Excel shows the same date.

import type { LayoutCell } from './grid';
import { isDateFormat } from './decisionLog';
import type { PlanLayout } from './planLayout';

/** Days from 1900-01-00 to 1904-01-01: a 1904-system workbook counts its dates from there. */
const DATE_1904_OFFSET = 1_462;

/**
 * The layout's dates (the Decision log's Run at) are serials of the 1900 date system; a workbook of the 1904 one
 * (old Mac workbooks) would show them four years and a day late.
 */
export function inDateSystem1904(layout: PlanLayout): PlanLayout {
  const shifted = (values: LayoutCell[], formats: readonly (string | null)[]): LayoutCell[] =>
    values.map((v, i) => (isDateFormat(formats[i]) && typeof v === 'number' ? v - DATE_1904_OFFSET : v));
  const sheet = layout.decisionLogSheet;
  return {
    ...layout,
    logRow: { ...layout.logRow, values: shifted(layout.logRow.values, layout.logRow.formats) },
    decisionLogSheet: { ...sheet, values: sheet.values.map((row, r) => shifted(row, sheet.formats[r] ?? [])) },
  };
}
