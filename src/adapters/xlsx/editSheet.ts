// Edits to a worksheet part that belongs to the user: cells set in place (the
// rest of each row, and every other row, kept as written), column widths,
// the dimension, and the add-in's own conditional formats. Everything else in
// the part stays as it was, byte for byte.

import { columnIndex, columnLetters } from '../../engine/address';
import { highlightFormula, type HighlightRule } from '../../layout/grid';
import { parseRange } from '../exceljs/range';
import { cellsOfRow, lastColumn, rowsOf, sheetDataBounds, sheetDataStart } from './cells';
import { attributeOf, decodeXml, findElement, findElements, insertBefore, withAttribute, withoutAttribute } from './xml';

/**
 * A worksheet part in three: what comes before its rows (views, widths, the dimension), the rows
 * (`<sheetData>`), and what follows them (merged cells, conditional formats, drawing, tables). Edits
 * search the small head or tail rather than the rows of a large sheet.
 */
export function splitSheet(xml: string): { head: string; body: string; tail: string } {
  const open = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) return { head: xml, body: '', tail: '' };
  let end = open.index + open[0].length;
  if (open[1] !== '/') {
    // A sheet has one sheetData: its end tag is found from the part's end, past the few elements that follow the rows, not after every row.
    const close = xml.lastIndexOf('sheetData>');
    const tag = close === -1 ? undefined : /<\/(?:\w+:)?$/.exec(xml.slice(Math.max(end, close - 64), close));
    end = tag && close > end ? close + 'sheetData>'.length : xml.length;
  }
  return { head: xml.slice(0, open.index), body: xml.slice(open.index, end), tail: xml.slice(end) };
}

/** Cells to write, row (1-based) → column (0-based) → the cell's XML; '' removes the cell. */
export type CellWrites = Map<number, Map<number, string>>;

export function setCell(writes: CellWrites, row: number, column: number, xml: string): void {
  (writes.get(row) ?? writes.set(row, new Map()).get(row)!).set(column, xml);
}

/**
 * Writes made row by row as a large sheet is written (writeCellsTo): `rows` in ascending order, and
 * each row's cells made only when the writer reaches it, so they are dropped as soon as they are written.
 */
export type RowWrites = { rows: readonly number[]; cellsOf(row: number): Map<number, string> };

const SPANS = /\sspans\s*=\s*("[^"]*"|'[^']*')/;

/** `cells` by column, as a row holds them: most come in that order already and are not sorted. */
function byColumn(cells: Map<number, string>): Map<number, string> {
  let previous = -1;
  for (const column of cells.keys()) {
    if (column < previous) return new Map([...cells].sort((a, b) => a[0] - b[0]));
    previous = column;
  }
  return cells;
}

/** The leftmost column of `cells`, Infinity for none: without spreading the keys of every row's cells into Math.min. */
function leftmost(cells: Map<number, string>): number {
  let least = Infinity;
  for (const column of cells.keys()) if (column < least) least = column;
  return least;
}

/** Writes one row with `cells` set: its own cells kept as written, spans dropped, the row number added when absent. */
function mergedRow(open: string, content: string, row: number, cells: Map<number, string>, write: (piece: string) => void): void {
  // spans is a hint of the row's first and last cell; a stale one is worse than none.
  let tag = open.replace(SPANS, '');
  if (!/ r="/.test(tag)) tag = withAttribute(tag, 'r', String(row));
  if (tag.endsWith('/>')) tag = `${tag.slice(0, -2)}>`;
  write(tag);
  const last = lastColumn(content);
  if (last !== undefined && leftmost(cells) > last) {
    // Only new cells after the row's last (a first run's output columns): the row's own cells stay as written.
    write(content);
    for (const xml of byColumn(cells).values()) if (xml !== '') write(xml);
  } else {
    const added = [...cells].filter(([, xml]) => xml !== '');
    const kept = cellsOfRow(content)
      .filter((c) => !cells.has(c.column))
      .map((c) => ({ column: c.column, xml: / r="/.test(c.attributes) ? c.text : c.text.replace(/^<c\b/, `<c r="${columnLetters(c.column)}${row}"`) }));
    for (const c of [...kept, ...added.map(([column, xml]) => ({ column, xml }))].sort((a, b) => a.column - b.column)) write(c.xml);
  }
  write(tag.startsWith('<row') ? '</row>' : `</${/^<([\w:]+)/.exec(tag)![1]}>`);
}

function newRow(row: number, cells: Map<number, string>, write: (piece: string) => void): void {
  const xml = [...cells].filter(([, x]) => x !== '').sort((a, b) => a[0] - b[0]);
  if (xml.length === 0) return;
  write(`<row r="${row}">`);
  for (const [, x] of xml) write(x);
  write('</row>');
}

/** The sheet with `writes` made: existing rows get their cells replaced or added in column order, missing rows are inserted in order. */
export function writeCells(xml: string, writes: CellWrites): string {
  if (writes.size === 0) return xml;
  const out: string[] = [];
  writeCellsTo(xml, writes, (piece) => out.push(piece));
  return out.join('');
}

/** writeCells' sheet given piece by piece to `write` (XmlBytes for a large sheet): no one string of the whole sheet is made. */
export function writeCellsTo(xml: string, writes: CellWrites | RowWrites, write: (piece: string) => void): void {
  const { rows, cellsOf } = writes instanceof Map ? { rows: [...writes.keys()].sort((a, b) => a - b), cellsOf: (row: number) => writes.get(row)! } : writes;
  let bounds = sheetDataBounds(xml);
  if (!bounds) throw new Error('worksheet without sheetData');
  if (bounds.start === bounds.end && /<(?:\w+:)?sheetData\b[^>]*\/>/.test(xml.slice(0, bounds.start))) {
    // <sheetData/>: open it up.
    const open = /<((?:\w+:)?sheetData)\b([^>]*?)\/>/.exec(xml)!;
    xml = `${xml.slice(0, open.index)}<${open[1]}${open[2]}></${open[1]}>${xml.slice(open.index + open[0].length)}`;
    bounds = sheetDataBounds(xml)!;
  }
  write(xml.slice(0, bounds.start));
  const data = xml.slice(bounds.start, bounds.end);
  let p = 0;
  let last = 0;
  for (const row of rowsOf(data)) {
    if (row.start > last) write(data.slice(last, row.start));
    while (p < rows.length && rows[p]! < row.row) newRow(rows[p]!, cellsOf(rows[p++]!), write);
    if (rows[p] === row.row) mergedRow(row.open, row.content, row.row, cellsOf(rows[p++]!), write);
    else write(data.slice(row.start, row.end));
    last = row.end;
  }
  while (p < rows.length) newRow(rows[p]!, cellsOf(rows[p++]!), write);
  write(data.slice(last));
  write(xml.slice(bounds.end));
}

/** Rows from `from` on move down one row (their cells' addresses too): room for a row inserted at `from`. */
export function shiftRowsDown(xml: string, from: number): string {
  const bounds = sheetDataBounds(xml);
  if (!bounds) return xml;
  const data = xml.slice(bounds.start, bounds.end);
  const out: string[] = [];
  let last = 0;
  for (const row of rowsOf(data)) {
    out.push(data.slice(last, row.start));
    last = row.end;
    if (row.row < from) {
      out.push(data.slice(row.start, row.end));
      continue;
    }
    const moved = data.slice(row.start, row.end).replace(/(<row\b[^>]*?\sr=")(\d+)"/, (_, a: string, n: string) => `${a}${Number(n) + 1}"`);
    out.push(moved.replace(/(<c\b[^>]*?\sr="[A-Z]+)(\d+)"/g, (_, a: string, n: string) => `${a}${Number(n) + 1}"`));
  }
  out.push(data.slice(last));
  return xml.slice(0, bounds.start) + out.join('') + xml.slice(bounds.end);
}

/** Row `row` (1-based, already written) `points` tall: a row whose wrapped texts need more than one line. */
export function withRowHeight(xml: string, row: number, points: number): string {
  const start = sheetDataStart(xml);
  if (start === undefined) return xml;
  for (const r of rowsOf(xml, start)) {
    if (r.row < row) continue;
    if (r.row > row) break;
    return xml.slice(0, r.start) + withAttribute(withAttribute(r.open, 'ht', String(points)), 'customHeight', '1') + xml.slice(r.start + r.open.length);
  }
  return xml;
}

/** The cellXfs index of the cell at `row` (1-based), `column` (0-based); 0 when the cell is absent or unstyled. */
export function styleAt(xml: string, row: number, column: number): number {
  const start = sheetDataStart(xml);
  if (start === undefined) return 0;
  // Rows are walked only as far as `row`: the end of a large sheet is never looked for.
  for (const r of rowsOf(xml, start)) {
    if (r.row < row) continue;
    if (r.row > row) break;
    const cell = cellsOfRow(r.content).find((c) => c.column === column);
    return cell ? Number(attributeOf(cell.attributes, 's') ?? 0) : 0;
  }
  return 0;
}

const AFTER_CONDITIONAL_FORMATS = [
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches',
  'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/**
 * The head of a sheet (splitSheet) with column widths (1-based column → characters) set, splitting any `<col>` range
 * that covers them. Each is a column the add-in makes, so it is shown: a workbook whose unused columns to the right
 * of its table are hidden (a common finish) would otherwise hide the output columns appended there.
 */
export function setWidths(xml: string, widths: Map<number, number>): string {
  if (widths.size === 0) return xml;
  const cols = findElement(xml, 'cols');
  type Col = { min: number; max: number; tag: string };
  let list: Col[] = cols ? findElements(cols.text, 'col').map((c) => ({ min: Number(attributeOf(c.open, 'min')), max: Number(attributeOf(c.open, 'max')), tag: c.text })) : [];
  for (const [column, width] of widths) {
    const next: Col[] = [];
    let covered = false;
    for (const c of list) {
      if (column < c.min || column > c.max) {
        next.push(c);
        continue;
      }
      covered = true;
      const range = (min: number, max: number, tag: string): Col => ({ min, max, tag: withAttribute(withAttribute(tag, 'min', String(min)), 'max', String(max)) });
      if (c.min < column) next.push(range(c.min, column - 1, c.tag));
      next.push(range(column, column, withoutAttribute(withAttribute(withAttribute(c.tag, 'width', String(width)), 'customWidth', '1'), 'hidden')));
      if (c.max > column) next.push(range(column + 1, c.max, c.tag));
    }
    if (!covered) next.push({ min: column, max: column, tag: `<col min="${column}" max="${column}" width="${width}" customWidth="1"/>` });
    list = next.sort((a, b) => a.min - b.min);
  }
  const element = `<cols>${list.map((c) => c.tag).join('')}</cols>`;
  if (cols) return xml.slice(0, cols.start) + element + xml.slice(cols.end);
  // Widths come just before the rows.
  return xml + element;
}

/** The dimension grown to hold `right` (1-based column) and `bottom`. */
export function growDimension(xml: string, right: number, bottom: number): string {
  const dimension = findElement(xml, 'dimension');
  const box = dimension && parseRange(attributeOf(dimension.open, 'ref'));
  if (!dimension || !box) return xml;
  const ref = `${columnLetters(box.left - 1)}${box.top}:${columnLetters(Math.max(box.right, right) - 1)}${Math.max(box.bottom, bottom)}`;
  return xml.slice(0, dimension.start) + withAttribute(dimension.open, 'ref', ref) + xml.slice(dimension.start + dimension.open.length);
}

/** The highest priority of the sheet's conditional format rules. */
export function topPriority(xml: string): number {
  let top = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?cfRule\b[^>]*?\spriority="(\d+)"/g)) top = Math.max(top, Number(m[1]));
  return top;
}

/**
 * The sheet without the formats a previous run added to a column: a one-column range whose every
 * rule is exactly one of `rules` for that range. Anything the user added, or changed, stays.
 */
export function withoutHighlights(xml: string, rules: HighlightRule[]): string {
  let out = xml;
  for (const cf of findElements(xml, 'conditionalFormatting').reverse()) {
    const box = parseRange(attributeOf(cf.open, 'sqref'));
    if (!box || box.left !== box.right) continue;
    const topLeft = `${columnLetters(box.left - 1)}${box.top}`;
    const formulas = new Set(rules.map((r) => highlightFormula(r, topLeft).slice(1)));
    const found = findElements(cf.text, 'cfRule');
    const ours =
      found.length > 0 &&
      found.every((r) => {
        const f = findElements(r.text, 'formula');
        const body = f.length === 1 ? decodeXml(f[0]!.text.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '')) : undefined;
        return attributeOf(r.open, 'type') === 'expression' && body !== undefined && formulas.has(body);
      });
    if (ours) out = out.slice(0, cf.start) + out.slice(cf.end);
  }
  return out;
}

/** The sheet with `formats` (conditionalFormatting elements) added after its own. */
export function withHighlights(xml: string, formats: string): string {
  if (formats === '') return xml;
  // Not the x14 formats inside extLst, which come after everything else.
  const existing = findElements(xml, 'conditionalFormatting').filter((cf) => cf.open.startsWith('<conditionalFormatting'));
  if (existing.length > 0) {
    const at = existing[existing.length - 1]!.end;
    return xml.slice(0, at) + formats + xml.slice(at);
  }
  return insertBefore(xml, formats, AFTER_CONDITIONAL_FORMATS, '</worksheet>');
}

export { columnIndex };
