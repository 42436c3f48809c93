// The layout's highlight rules as expression-based conditional formats, which
// every spreadsheet application evaluates without the add-in.

import type ExcelJS from 'exceljs';
import { highlightFormula, type HighlightRule } from '../../layout/grid';
import { cellRef, formatRange, parseRange } from './range';
import { highlightStyle } from './styles';

type RuleModel = { type?: string; formulae?: unknown[]; priority?: number };
type FormattingModel = { ref: string; rules: RuleModel[] };

const formattings = (worksheet: ExcelJS.Worksheet): FormattingModel[] =>
  ((worksheet as unknown as { conditionalFormattings?: FormattingModel[] }).conditionalFormattings ??= []);

/** Add one range's rules (1-based top row, column and height), numbered after the sheet's existing rules. */
export function addHighlights(worksheet: ExcelJS.Worksheet, top: number, column: number, rows: number, rules: HighlightRule[]): void {
  if (rows <= 0 || rules.length === 0) return;
  const topLeft = cellRef(top, column);
  let priority = Math.max(0, ...formattings(worksheet).flatMap((f) => f.rules.map((r) => r.priority ?? 0)));
  worksheet.addConditionalFormatting({
    ref: formatRange({ top, left: column, bottom: top + rows - 1, right: column }),
    rules: rules.map((rule) => ({
      type: 'expression',
      // exceljs writes the formula as given; the file format stores it without "=".
      formulae: [highlightFormula(rule, topLeft).slice(1)],
      style: highlightStyle(rule),
      priority: ++priority,
    })),
  });
}

/**
 * Remove the formats a previous run added to a column: a range whose every rule is exactly one
 * of `rules` for that range. Anything the user added, or changed, stays.
 */
export function removeHighlights(worksheet: ExcelJS.Worksheet, rules: HighlightRule[]): void {
  const ours = (f: FormattingModel) => {
    const box = parseRange(f.ref);
    if (!box || box.left !== box.right || f.rules.length === 0) return false;
    const formulas = new Set(rules.map((r) => highlightFormula(r, cellRef(box.top, box.left)).slice(1)));
    return f.rules.every((r) => r.type === 'expression' && r.formulae?.length === 1 && formulas.has(String(r.formulae[0])));
  };
  const kept = formattings(worksheet).filter((f) => !ours(f));
  (worksheet as unknown as { conditionalFormattings: FormattingModel[] }).conditionalFormattings = kept;
}
