// Cells as office.js takes them. Range.values reads text the way a user's
// typing is read: "=1+1" (or "+", "-", "@") becomes a formula and a leading
// apostrophe is swallowed. Excel's own answer is the apostrophe prefix: "'=1+1"
// stores the text "=1+1". The layout also gives such cells the Text format,
// written before the values, so either guard alone keeps them text.

import { writable, type LayoutCell } from '../../layout/grid';

export type ExcelCell = string | number | boolean;

const NEEDS_QUOTE = /^[=+\-@']/;

export function cellForExcel(value: LayoutCell | undefined): ExcelCell {
  if (value === null || value === undefined) return ''; // null would leave the old value in place
  const safe = writable(value); // NaN and Infinity blank, text cut to a cell's 32,767 characters
  if (safe === null) return '';
  if (typeof safe === 'string' && NEEDS_QUOTE.test(safe)) return `'${safe}`;
  return safe;
}

export const rowsForExcel = (rows: readonly (readonly (LayoutCell | undefined)[])[]): ExcelCell[][] => rows.map((row) => row.map(cellForExcel));
