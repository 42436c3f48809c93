// How the layout's cell styles, widths and highlight rules look in Excel.

import { highlightFormula, LOOKS, type CellStyle, type HighlightRule } from '../../layout/grid';

/** `style`'s look (the layout's LOOKS, which the files' writers use too) on `range`. */
export function applyLook(range: Excel.Range, style: CellStyle): void {
  const look = LOOKS[style];
  const font = range.format.font;
  if (look.bold !== undefined) font.bold = look.bold;
  if (look.italic !== undefined) font.italic = look.italic;
  if (look.size !== undefined) font.size = look.size;
  if (look.color !== undefined) font.color = look.color;
  if (look.fill !== undefined) range.format.fill.color = look.fill;
  if (look.wrap) {
    range.format.wrapText = true;
    range.format.verticalAlignment = 'Top';
  }
}

/** Column width in points for a width in characters of the default font (7 px a character plus 5 px padding, at 96 dpi). */
export const widthPoints = (characters: number): number => Math.round((characters * 7 + 5) * 0.75 * 100) / 100;

/** One expression-based conditional format per rule, so the colours stay in the workbook for people without the add-in. */
export function addHighlights(range: Excel.Range, rules: readonly HighlightRule[], topLeft: string): void {
  for (const rule of rules) {
    const format = range.conditionalFormats.add('Custom');
    format.custom.rule.formula = highlightFormula(rule, topLeft);
    format.custom.format.fill.color = rule.fill;
    format.custom.format.font.color = rule.font;
  }
}
