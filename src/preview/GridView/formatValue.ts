// Number formats as Excel shows them, for the formats the add-in and the sample
// use: General, 0, 0.0, #,##0, #,##0.0, 0%, "$"#,##0, yyyy-mm-dd hh:mm and Text, each with or without
// a trailing blank (`_0`).

import type { CellValue } from '../../engine/types';

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function fixed(value: number, decimals: number, thousands: boolean): string {
  const text = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = text.split('.');
  const body = `${thousands ? group(whole!) : whole}${fraction ? `.${fraction}` : ''}`;
  return value < 0 && Number(text) !== 0 ? `-${body}` : body;
}

/** Excel's General format: up to 11 significant characters, no thousands separators. */
function general(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

function date(serial: number): string {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function formatValue(value: CellValue, format: string | null): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === null || format === 'General' || format === '@') return general(value);
  return numberAs(value, withoutSpacing(format));
}

/**
 * `_x` in a format leaves the width of `x` blank: the add-in's sheets end their number formats in `_0`, keeping a
 * number off the next column's text. The grid's cells have padding of their own, so the blank is left out.
 */
const withoutSpacing = (format: string): string => format.replace(/_./g, '');

function numberAs(value: number, format: string): string {
  if (/^yyyy-mm-dd/i.test(format)) return date(value);
  const percent = /^0(\.0+)?%$/.exec(format);
  if (percent) return `${fixed(value * 100, (percent[1]?.length ?? 1) - 1, false)}%`;
  const numeric = /^(?:"([^"]*)")?(#,##)?0(\.0+)?$/.exec(format);
  if (numeric) {
    const text = fixed(value, (numeric[3]?.length ?? 1) - 1, Boolean(numeric[2]));
    const prefix = numeric[1] ?? '';
    return text.startsWith('-') ? `-${prefix}${text.slice(1)}` : `${prefix}${text}`;
  }
  return general(value);
}

/** Numbers sit on the right of their cell, text on the left, as in Excel. */
export const alignOf = (value: CellValue): 'start' | 'end' | 'center' => (typeof value === 'number' ? 'end' : typeof value === 'boolean' ? 'center' : 'start');
