// Cells as office.js takes them. Range.values reads text the way a user's
// typing is read: "=1+1" (or "+", "-", "@") becomes a formula and a leading
// apostrophe is swallowed. Excel's own answer is the apostrophe prefix: "'=1+1"
// stores the text "=1+1". The layout also gives such cells the Text format,
// written before the values, so either guard alone keeps them text.

import type { LayoutCell } from '../../layout/grid';

export type ExcelCell = string | number | boolean;

const NEEDS_QUOTE = /^[=+\-@']/;

export function cellForExcel(value: LayoutCell | undefined): ExcelCell {
  if (value === null || value === undefined) return ''; // null would leave the old value in place
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' && NEEDS_QUOTE.test(value)) return `'${value}`;
  return value;
}

export const rowsForExcel = (rows: readonly (readonly (LayoutCell | undefined)[])[]): ExcelCell[][] => rows.map((row) => row.map(cellForExcel));
