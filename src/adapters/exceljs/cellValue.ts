// exceljs cell values → the engine's plain cell values: what Excel shows, as a
// number, text or boolean. Formulas give their cached result, rich text and
// hyperlinks their text, dates their Excel serial number, errors their "#N/A"
// text, and an empty cell "".

import type ExcelJS from 'exceljs';
import type { CellValue } from '../../engine/types';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's 1900 epoch (as Excel counts, with its 1900 leap-day quirk) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** The 1904 date system (old Mac workbooks) counts from four years later. */
const DATE_1904_OFFSET = 1_462;

/** Excel's serial number for a date exceljs decoded (exceljs builds Dates in UTC). */
export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY - (date1904 ? DATE_1904_OFFSET : 0);
  // Undo the float noise of the ms round trip: Excel keeps about 15 significant digits.
  return Math.round(serial * 1e9) / 1e9;
}

type Scalar = number | string | boolean | Date | null | undefined;
type RichText = { richText: { text: string }[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !(value instanceof Date);

function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value) && Array.isArray((value as RichText).richText)) return (value as RichText).richText.map((run) => run.text ?? '').join('');
  return value === undefined || value === null ? '' : String(value);
}

function scalar(value: Scalar, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateToSerial(value, date1904);
  return value;
}

export function toCellValue(value: ExcelJS.CellValue, date1904: boolean): CellValue {
  if (!isObject(value)) return scalar(value as Scalar, date1904);
  if ('error' in value) return String(value.error);
  if ('richText' in value) return plainText(value);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    // A formula saved without its result (some generators do) reads as blank: unknown, never a guessed value.
    return isObject(result) ? toCellValue(result as unknown as ExcelJS.CellValue, date1904) : scalar(result as Scalar, date1904);
  }
  if ('hyperlink' in value || 'text' in value) return plainText((value as { text?: unknown }).text);
  return '';
}
