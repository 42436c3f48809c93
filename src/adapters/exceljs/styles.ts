// How the layout's named styles and highlight rules look in an .xlsx file.
// Colours are ARGB, as exceljs wants them.

import type ExcelJS from 'exceljs';
import type { CellStyle, HighlightRule } from '../../layout/grid';

export const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const DARK_BLUE = '#1F3864';
const MID_BLUE = '#1F4E78';
const GREY = '#595959';

export const CELL_STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14, color: { argb: argb(DARK_BLUE) } } },
  note: { font: { italic: true, color: { argb: argb(GREY) } } },
  section: { font: { bold: true, size: 12, color: { argb: argb(MID_BLUE) } } },
  header: {
    font: { bold: true, color: { argb: 'FFFFFFFF' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MID_BLUE) } },
    alignment: { vertical: 'top', wrapText: true },
  },
  wrap: { alignment: { vertical: 'top', wrapText: true } },
};

/** The differential style (dxf) a conditional format applies: Excel takes a solid dxf fill's colour from bgColor. */
export function highlightStyle(rule: HighlightRule): Partial<ExcelJS.Style> {
  return {
    font: { color: { argb: argb(rule.font) } },
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
  };
}
