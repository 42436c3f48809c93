// Which conditional-format colours a cell shows: the first rule of a format
// covering the cell that the cell's value meets.

import type { CellValue } from '../../engine/types';
import type { HighlightRule } from '../../layout/grid';
import type { MemoryConditionalFormat } from '../../adapters/memory';

export function meets(rule: HighlightRule, value: CellValue): boolean {
  if ('equals' in rule) return typeof value === 'string' && value.toLowerCase() === rule.equals.toLowerCase();
  if (typeof value !== 'number') return false;
  return (rule.min === undefined || value >= rule.min) && (rule.below === undefined || value < rule.below);
}

export function highlightFor(formats: MemoryConditionalFormat[], row: number, column: number, value: CellValue): { fill: string; font: string } | undefined {
  for (const format of formats) {
    if (column !== format.column || row < format.row || row >= format.row + format.rows) continue;
    const rule = format.rules.find((r) => meets(r, value));
    if (rule) return { fill: rule.fill, font: rule.font };
  }
  return undefined;
}
