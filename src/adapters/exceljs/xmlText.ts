// Text that XML cannot hold as it is. A cell may hold control characters (a bell, a form feed):
// Excel stores them as _x0007_, and a literal "_x0041_" typed by a user as _x005F_x0041_. exceljs
// decodes both when reading but, when saving, drops the control characters and writes a literal
// "_x0041_" bare, so the next read turns it into "A": a user's cell changed by a run. While a
// workbook is saved its texts are escaped as Excel escapes them, then put back.

import type ExcelJS from 'exceljs';

// Characters XML 1.0 cannot hold (tab, line feed and carriage return it can), and text that reads as an escape.
const NEEDS_ESCAPE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/;
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

const hex4 = (ch: string): string => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** A text as Excel stores it: a literal escape's underscore as _x005F_, then each control character as _xHHHH_. */
export function escapeXString(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(LITERAL_ESCAPE, '_x005F_$1').replace(NOT_XML, (ch) => `_x${hex4(ch)}_`);
}

type RichText = { richText: { text: string }[] };

/**
 * Escapes every text cell (plain, rich text and a formula's text result) for saving; returns how to put
 * the workbook's values back. Most cells need nothing, and a cell that does is rare: the walk costs a
 * type check and a pattern test per text cell.
 */
export function escapeTextsForSave(workbook: ExcelJS.Workbook): () => void {
  const changed: { cell: ExcelJS.Cell; value: ExcelJS.CellValue }[] = [];
  workbook.eachSheet((worksheet) => {
    worksheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (cell.master !== cell) return;
        const value = cell.value;
        if (typeof value === 'string') {
          const escaped = escapeXString(value);
          if (escaped === value) return;
          changed.push({ cell, value });
          cell.value = escaped;
        } else if (value && typeof value === 'object' && 'richText' in value) {
          const runs = (value as RichText).richText;
          if (!runs.some((run) => NEEDS_ESCAPE.test(run.text ?? ''))) return;
          changed.push({ cell, value });
          cell.value = { ...value, richText: runs.map((run) => ({ ...run, text: escapeXString(run.text ?? '') })) } as ExcelJS.CellValue;
        } else if (value && typeof value === 'object' && 'formula' in value && typeof (value as { result?: unknown }).result === 'string') {
          const result = (value as { result: string }).result;
          const escaped = escapeXString(result);
          if (escaped === result) return;
          changed.push({ cell, value });
          cell.value = { ...value, result: escaped } as ExcelJS.CellValue;
        }
      });
    });
  });
  return () => {
    for (const { cell, value } of changed) cell.value = value;
  };
}
