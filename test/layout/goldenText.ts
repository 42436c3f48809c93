// A layout printed as plain text for the golden files: one line per row, cells split by " | ",
// a cell's number format after it in braces, then the sheet's styles, taller rows, highlights, tables and charts.
// Meant to be read in a diff: a changed cell shows as one changed line.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LayoutCell, SheetLayout } from '../../src/layout/grid';
import type { OutputColumnsLayout } from '../../src/layout/outputColumns';
import type { PlanLayout } from '../../src/layout/planLayout';

const cellText = (value: LayoutCell, format: string | null | undefined): string => {
  const shown = value === null ? '' : typeof value === 'string' ? value.replace(/\n/g, '\\n') : String(value);
  return format ? `${shown} {${format}}` : shown;
};

function rowsText(values: LayoutCell[][], formats: (row: number, column: number) => string | null | undefined): string[] {
  return values.map((row, r) => {
    const cells = row.map((value, c) => cellText(value, formats(r, c)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return `${String(r + 1).padStart(3)}: ${cells.join(' | ')}`;
  });
}

export function sheetText(sheet: SheetLayout): string {
  const lines = [`== sheet "${sheet.name}" (widths ${sheet.widths.join(', ')}; frozen rows ${sheet.freezeRows})`];
  lines.push(...rowsText(sheet.values, (r, c) => sheet.formats[r]?.[c]));
  for (const s of sheet.styles) lines.push(`style ${s.style}: ${(s.rows ?? 1) > 1 ? `rows ${s.row + 1}-${s.row + s.rows!}` : `row ${s.row + 1}`}, columns ${s.column + 1}-${s.column + s.columns}`);
  for (const h of sheet.rowHeights ?? []) lines.push(`row ${h.row + 1}: ${h.points} points tall (${h.points / 15} lines)`);
  for (const f of sheet.conditionalFormats) lines.push(`highlight rows ${f.row + 1}-${f.row + f.rows}, column ${f.column + 1}: ${JSON.stringify(f.rules)}`);
  for (const t of sheet.tables) lines.push(`table ${t.name}: row ${t.row + 1}, column ${t.column + 1}, ${t.rows} rows × ${t.columns} columns`);
  for (const chart of sheet.charts) lines.push(`chart: ${JSON.stringify(chart)}`);
  const page = sheet.pageSetup;
  if (page) {
    const breaks = page.breaks.length > 0 ? `page breaks before rows ${page.breaks.map((r) => r + 1).join(', ')}` : 'no page breaks';
    const across = page.pagesWide > 1 ? `${page.pagesWide} pages wide (${page.pageOrder === 'overThenDown' ? 'over, then down' : 'down, then over'}), columns 1-${page.titleColumns} and ` : `${page.pagesWide} page wide; `;
    lines.push(`print: ${page.orientation}, ${across}rows 1-${page.titleRows} on every page; ${breaks}; footer "${page.footer.left}" | "${page.footer.center}" | "${page.footer.right}"`);
  }
  return lines.join('\n');
}

export function outputsText(outputs: OutputColumnsLayout): string {
  const lines = [`== output columns (widths ${outputs.widths.join(', ')})`, `  0: ${outputs.headers.map((h, c) => cellText(h, outputs.formats[c])).join(' | ')}`];
  lines.push(...rowsText(outputs.values, () => null));
  return lines.join('\n');
}

export function planLayoutText(layout: PlanLayout): string {
  return [
    outputsText(layout.outputs),
    sheetText(layout.changeImpact),
    sheetText(layout.decisionLogSheet),
    `== Decision log row\n${rowsText([layout.logRow.values], (_, c) => layout.logRow.formats[c])[0]}`,
    sheetText(layout.settingsSheet),
    ...(layout.roadmap ? [sheetText(layout.roadmap)] : []),
  ].join('\n\n') + '\n';
}

/**
 * The golden file's text, or, with UPDATE_GOLDEN=1 in the environment, `actual` written to it
 * (and returned, so the test passes and the diff shows in git).
 */
export function golden(path: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`No golden file ${path}: run the test with UPDATE_GOLDEN=1 to write it, then read it.`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  return readFileSync(path, 'utf8');
}
