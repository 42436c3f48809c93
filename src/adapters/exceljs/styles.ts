// How the layout's named styles and highlight rules look in an .xlsx file.
// Colours are ARGB, as exceljs wants them.

import type ExcelJS from 'exceljs';
import { LOOKS, type CellStyle, type HighlightRule, type Look } from '../../layout/grid';

export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** A layout look as an exceljs style; no font where the look sets none, so the cell keeps the workbook's default. */
function excelJsStyle(look: Look): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = { argb: argb(look.color) };
  return {
    ...(Object.keys(font).length > 0 ? { font } : {}),
    ...(look.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.fill) } } as ExcelJS.Fill } : {}),
    ...(look.wrap ? { alignment: { vertical: 'top', wrapText: true } } : {}),
  };
}

export const CELL_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: excelJsStyle(LOOKS.title),
  note: excelJsStyle(LOOKS.note),
  section: excelJsStyle(LOOKS.section),
  header: excelJsStyle(LOOKS.header),
  wrap: excelJsStyle(LOOKS.wrap),
};

/** The differential style (dxf) a conditional format applies: Excel takes a solid dxf fill's colour from bgColor. */
export function highlightStyle(rule: HighlightRule): Partial<ExcelJS.Style> {
  return {
    font: { color: { argb: argb(rule.font) } },
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
  };
}
