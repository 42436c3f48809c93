// Reading cells out of a worksheet part's XML without building a model of the
// sheet: rows outside the wanted range are skipped by their start tag, and only
// the wanted cells are decoded. A hand-written scanner rather than a SAX parser
// (saxes): it is several times faster on sheet XML, whose shape (row, c, v, f,
// is) is fixed by the file format, and it lets a row be skipped unread.

import type { CellValue } from '../../engine/types';
import { decodeXml } from './xml';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

/** The texts of the shared string table, rich text runs joined, phonetic runs left out. */
export function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const strings: string[] = [];
  // Where the next run or phonetic run (`<r`) is: an item before it is one plain <t>, read without a regular expression.
  let run = -2;
  for (let at = xml.indexOf('<si'); at !== -1; ) {
    const end = xml.indexOf('</si>', at);
    const selfClosed = xml.startsWith('<si/>', at);
    if (selfClosed || end === -1) {
      strings.push('');
      at = xml.indexOf('<si', at + 3);
      continue;
    }
    if (run !== -1 && run < at) run = xml.indexOf('<r', at);
    strings.push((run === -1 || run > end ? plainText(xml, at, end) : undefined) ?? textRuns(xml.slice(at, end)));
    at = xml.indexOf('<si', end);
  }
  return strings;
}

/** The text of an item `xml[from, to)` holding one `<t>` (`<si><t>Text</t>`), as textRuns reads it; undefined for any other shape. */
function plainText(xml: string, from: number, to: number): string | undefined {
  const t = xml.indexOf('<t', from);
  if (t === -1 || t > to) return undefined;
  const after = xml.charCodeAt(t + 2);
  if (after !== 62 && after !== 32) return undefined;
  const open = xml.indexOf('>', t);
  const close = open === -1 ? -1 : xml.indexOf('</t>', open);
  // No markup inside the text, and the text closed within the item (an item without runs holds one <t>).
  if (close === -1 || close + 4 > to || xml.charCodeAt(open - 1) === 47 || xml.indexOf('<', open + 1) !== close) return undefined;
  const text = xml.slice(open + 1, close);
  return text.includes('&') || text.includes('_x') ? decodeXml(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** The text of an `<si>` or `<is>` element: every `<t>` outside phonetic runs. */
function textRuns(xml: string): string {
  const plain = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) text += m[1];
  return decodeXml(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export type ParsedCell = { column: number; attributes: string; body: string; text: string };

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The zero-based column of a cell's address (r="AB12"), undefined without one. Read in place rather than
 * by a regular expression: this and the two below run for every cell read, and a match allocates.
 */
function addressedColumn(attributes: string): number | undefined {
  const at = attributes.indexOf(' r="');
  if (at === -1) return undefined;
  let column = 0;
  let k = at + 4;
  for (let code = attributes.charCodeAt(k); code >= 65 && code <= 90; code = attributes.charCodeAt(++k)) column = column * 26 + code - 64;
  if (k === at + 4) return undefined;
  while (isDigit(attributes.charCodeAt(k))) k++;
  return attributes.charCodeAt(k) === 34 ? column - 1 : undefined;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

/** The cells of a row's content, with their zero-based columns (implied by position when a cell has no address). */
export function cellsOfRow(content: string): ParsedCell[] {
  const cells: ParsedCell[] = [];
  let next = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(content); m; m = CELL.exec(content)) {
    const attributes = m[1]!;
    const column = addressedColumn(attributes) ?? next;
    next = column + 1;
    cells.push({ column, attributes, body: m[2] ?? '', text: m[0] });
  }
  return cells;
}

/**
 * The column of a row's last cell, -1 for a row without cells; undefined when that cell has no address. Read in
 * place from the last cell's start tag (attributeAt, columnAt): every row of the table's sheet is asked when it is written.
 */
export function lastColumn(content: string): number | undefined {
  let at = content.lastIndexOf('<c');
  // `<c` also starts other elements' names (a rich text run's <color>): a word character after it says so.
  while (at !== -1 && isWordCode(content.charCodeAt(at + 2))) at = content.lastIndexOf('<c', at - 1);
  if (at === -1) return -1;
  const tagEnd = content.indexOf('>', at);
  const r = tagEnd === -1 ? -1 : attributeAt(content, 114, at + 2, tagEnd);
  return r === -1 ? undefined : columnAt(content, r);
}

export type CellContext = { strings: string[]; date1904: boolean };

/** The cell's type (t="s"), undefined without one. */
function typeOf(attributes: string): string | undefined {
  const at = attributes.indexOf(' t="');
  if (at === -1) return undefined;
  const end = attributes.indexOf('"', at + 4);
  return end === -1 ? undefined : attributes.slice(at + 4, end);
}

/** The text of a cell's `<v>` (its value or a formula's cached result), undefined without one. */
function valueText(body: string): string | undefined {
  const at = body.indexOf('<v');
  if (at === -1) return undefined;
  const open = body.indexOf('>', at);
  const close = body.indexOf('</v>', open);
  return open === -1 || close === -1 || body.charCodeAt(open - 1) === 47 ? undefined : body.slice(open + 1, close);
}

/** A cell's value as the engine reads it: what Excel shows, as a number, text or boolean; a formula gives its cached result. */
export function cellValue(cell: ParsedCell, context: CellContext): CellValue {
  const type = typeOf(cell.attributes);
  const { body } = cell;
  if (type === 'inlineStr') return textRuns(body);
  const v = valueText(body);
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return context.strings[Number(v)] ?? '';
    case 'str':
    case 'e':
      return decodeXml(v);
    case 'b':
      return v.trim() === '1' || v.trim() === 'true';
    case 'd': {
      const time = Date.parse(v.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      if (Number.isNaN(time)) return '';
      return Math.round((UNIX_EPOCH_SERIAL + time / MS_PER_DAY - (context.date1904 ? DATE_1904_OFFSET : 0)) * 1e9) / 1e9;
    }
    default: {
      if (v.trim() === '') return '';
      const n = Number(v);
      return Number.isFinite(n) ? n : '';
    }
  }
}

export type SheetRow = { row: number; open: string; content: string; start: number; end: number };

/**
 * The rows of a sheet's XML in order, 1-based (implied by position when a row has no number), from `from` on.
 * Read by index, as readBlock reads them: the writer walks every row of the table's sheet.
 */
export function* rowsOf(xml: string, from = 0): Generator<SheetRow> {
  let previous = 0;
  for (let start = xml.indexOf('<row', from); start !== -1; ) {
    // `<rows…>` and the like are other elements.
    if (isWordCode(xml.charCodeAt(start + 4))) {
      start = xml.indexOf('<row', start + 4);
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    if (tagEnd === -1) return;
    const r = attributeAt(xml, 114, start + 4, tagEnd);
    const row = (r === -1 ? undefined : digitsAt(xml, r)) ?? previous + 1;
    previous = row;
    const open = xml.slice(start, tagEnd + 1);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      yield { row, open, content: '', start, end: tagEnd + 1 };
      start = xml.indexOf('<row', tagEnd + 1);
      continue;
    }
    const close = xml.indexOf('</row>', tagEnd);
    const end = close === -1 ? xml.length : close + 6;
    yield { row, open, content: xml.slice(tagEnd + 1, close === -1 ? xml.length : close), start, end };
    start = xml.indexOf('<row', end);
  }
}

const SHEET_DATA = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/;

/** Where the sheet's rows begin, just after `<sheetData>`: found without looking for their end, a large sheet's far end. */
export function sheetDataStart(xml: string): number | undefined {
  const open = SHEET_DATA.exec(xml);
  return open && open[1] !== '/' ? open.index + open[0].length : undefined;
}

/** Where the sheet's rows are: the content of `<sheetData>`, as offsets into the part. */
export function sheetDataBounds(xml: string): { start: number; end: number } | undefined {
  const open = SHEET_DATA.exec(xml);
  if (!open) return undefined;
  const start = open.index + open[0].length;
  if (open[1] === '/') return { start, end: start };
  return { start, end: sheetDataEnd(xml, start) };
}

/** Where `</sheetData>` starts: a sheet has one, found from the part's end, past the few elements after the rows, not through every row. */
function sheetDataEnd(xml: string, start: number): number {
  const close = xml.lastIndexOf('sheetData>');
  const tag = close > start ? xml.lastIndexOf('<', close) : -1;
  if (tag >= start && /^<\/(?:\w+:)?$/.test(xml.slice(tag, close))) return tag;
  const end = xml.indexOf('sheetData>', start);
  return end === -1 ? xml.length : xml.lastIndexOf('<', end);
}

/** True for a character a regular expression's \\w matches: after `<c` or `<row` it means another element (`<color`, `<rows`). */
const isWordCode = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * Where the value of the one-letter attribute `letter` (a char code) starts in the start tag `xml[from, to)`, just
 * after its `x="`; -1 when the tag has none. Searched within the tag only: an indexOf over the part would run on
 * through the rows of a large sheet for every cell without the attribute.
 */
function attributeAt(xml: string, letter: number, from: number, to: number): number {
  for (let i = from; i + 3 < to; i++) {
    if (xml.charCodeAt(i + 1) === letter && xml.charCodeAt(i + 2) === 61 && xml.charCodeAt(i + 3) === 34 && xml.charCodeAt(i) <= 32) return i + 4;
  }
  return -1;
}

/** The unsigned integer of digits at `xml[at...]` closed by a quote, as addressed rows and style indices are written; undefined otherwise. */
function digitsAt(xml: string, at: number): number | undefined {
  let n = 0;
  let k = at;
  for (let code = xml.charCodeAt(k); isDigit(code); code = xml.charCodeAt(++k)) n = n * 10 + code - 48;
  return k > at && xml.charCodeAt(k) === 34 ? n : undefined;
}

/** The zero-based column of the address at `xml[at...]` (r="AB12"): capitals, digits, then the quote; undefined otherwise. */
function columnAt(xml: string, at: number): number | undefined {
  let column = 0;
  let k = at;
  for (let code = xml.charCodeAt(k); code >= 65 && code <= 90; code = xml.charCodeAt(++k)) column = column * 26 + code - 64;
  if (k === at) return undefined;
  while (isDigit(xml.charCodeAt(k))) k++;
  return xml.charCodeAt(k) === 34 ? column - 1 : undefined;
}

/** The number a `<v>` holds (its text from `from` to `to`): digits read in place, anything else as Number() reads it. */
function numberIn(xml: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const code = xml.charCodeAt(k);
    if (!isDigit(code) || k - from > 14) return Number(xml.slice(from, to));
    n = n * 10 + code - 48;
  }
  return to > from ? n : 0;
}

/**
 * A cell's value from its type (t), the span of its content and `at`, where the first `<v` at or after its
 * content starts; as cellValue, without taking the cell apart into strings first.
 */
function valueAt(xml: string, type: string | undefined, bodyStart: number, bodyEnd: number, at: number, context: CellContext): CellValue {
  if (type === 'inlineStr') return textRuns(xml.slice(bodyStart, bodyEnd));
  if (at === -1 || at >= bodyEnd) return '';
  const open = xml.indexOf('>', at);
  const close = open === -1 ? -1 : xml.indexOf('</v>', open);
  if (close === -1 || close > bodyEnd || xml.charCodeAt(open - 1) === 47) return '';
  return valueBetween(xml, type, open, close, bodyStart, bodyEnd, context);
}

/** valueAt once the cell's `<v>` is found: its text runs from after `open` (the tag's `>`) to `close`. */
function valueBetween(xml: string, type: string | undefined, open: number, close: number, bodyStart: number, bodyEnd: number, context: CellContext): CellValue {
  if (type === 's') return context.strings[numberIn(xml, open + 1, close)] ?? '';
  if (type === undefined || type === 'n') {
    const n = numberIn(xml, open + 1, close);
    return Number.isFinite(n) && (n !== 0 || xml.slice(open + 1, close).trim() !== '') ? n : '';
  }
  if (type === 'inlineStr') return textRuns(xml.slice(bodyStart, bodyEnd));
  return cellValue({ column: 0, attributes: ` t="${type}"`, body: xml.slice(bodyStart, bodyEnd), text: '' }, context);
}

/**
 * The values of rows `top..bottom`, columns `left..right` (1-based, inclusive), '' for cells that are
 * absent; the number of the sheet's last row element; and whether any of those rows has a cell (even an
 * empty one) right of the block. Read by index over the part's text, as rowsOf
 * and cellsOfRow would take it apart, but without making a string of each row, cell and attribute: at
 * 10,000 rows of 31 columns those strings were most of the reading and of the garbage collector's work.
 */
export function readBlock(
  xml: string,
  box: { top: number; bottom: number; left: number; right: number },
  context: CellContext,
  /** Columns (1-based) whose cells' style indices (`s`) to collect into `styles`, by row of the block. */
  styled?: { columns: Set<number>; styles: number[][] },
  /** Where to note the cells (1-based row and column) holding a formula saved without its result, which read as blank. */
  uncalculated?: { row: number; column: number }[],
): { values: CellValue[][]; lastRow: number; cellsRight: boolean } {
  const bounds = sheetDataBounds(xml);
  const width = box.right - box.left + 1;
  const { top, bottom, left } = box;
  const values: CellValue[][] = [];
  let lastRow = 0;
  let cellsRight = false;
  if (bounds) {
    const end = bounds.end;
    const found = { v: -2 };
    for (let at = xml.indexOf('<row', bounds.start); at !== -1 && at < end; ) {
      if (isWordCode(xml.charCodeAt(at + 4))) {
        at = xml.indexOf('<row', at + 4);
        continue;
      }
      const tagEnd = xml.indexOf('>', at);
      if (tagEnd === -1 || tagEnd >= end) break;
      const r = attributeAt(xml, 114, at + 4, tagEnd);
      const row = (r === -1 ? undefined : digitsAt(xml, r)) ?? lastRow + 1;
      lastRow = row;
      const selfClosed = xml.charCodeAt(tagEnd - 1) === 47;
      const close = selfClosed ? -1 : xml.indexOf('</row>', tagEnd);
      const contentEnd = selfClosed ? tagEnd + 1 : close === -1 || close > end ? end : close;
      const next = selfClosed ? tagEnd + 1 : contentEnd + 6;
      if (row >= top && row <= bottom) {
        const cells = new Array<CellValue>(width).fill('');
        values[row - top] = cells;
        if ((styled || !allLeftOf(xml, tagEnd + 1, contentEnd, left)) && readRow(xml, tagEnd + 1, contentEnd, row, cells, box, context, styled, uncalculated, found)) cellsRight = true;
      } else if (row > bottom) {
        // Past the block, only the number of the sheet's last row is wanted: the last row element says it when it is addressed.
        const last = xml.lastIndexOf('<row', end);
        const tail = last > at ? xml.indexOf('>', last) : -1;
        const lastR = tail === -1 || isWordCode(xml.charCodeAt(last + 4)) ? -1 : attributeAt(xml, 114, last + 4, tail);
        const lastNumber = lastR === -1 ? undefined : digitsAt(xml, lastR);
        if (lastNumber !== undefined && lastNumber >= row) {
          lastRow = lastNumber;
          break;
        }
      }
      at = xml.indexOf('<row', next);
    }
  }
  const height = Math.min(bottom, Math.max(lastRow, top)) - top + 1;
  const full: CellValue[][] = new Array<CellValue[]>(Math.max(0, height));
  for (let i = 0; i < full.length; i++) full[i] = values[i] ?? new Array<CellValue>(width).fill('');
  return { values: full, lastRow, cellsRight };
}

/** True when the last cell of the row content `xml[from, to)` is addressed and lies left of column `left` (1-based): the empty columns beside a table. */
function allLeftOf(xml: string, from: number, to: number, left: number): boolean {
  if (left <= 1) return false;
  const at = xml.lastIndexOf('<c', to - 1);
  if (at < from) return true;
  if (isWordCode(xml.charCodeAt(at + 2))) return false;
  const tagEnd = xml.indexOf('>', at);
  const r = tagEnd === -1 || tagEnd >= to ? -1 : attributeAt(xml, 114, at + 2, tagEnd);
  const column = r === -1 ? undefined : columnAt(xml, r);
  return column !== undefined && column + 1 < left;
}

/** Reads the cells of one row's content `xml[from, to)` that fall in the block into `cells`; true when the row has a cell right of the block. */
function readRow(
  xml: string,
  from: number,
  to: number,
  row: number,
  cells: CellValue[],
  box: { top: number; left: number; right: number },
  context: CellContext,
  styled: { columns: Set<number>; styles: number[][] } | undefined,
  uncalculated: { row: number; column: number }[] | undefined,
  /** Where the next `<v` is, kept from cell to cell: cells without one (formulas saved without their results) do not each search on through the sheet. */
  found: { v: number },
): boolean {
  let next = 0;
  let right = false;
  for (let at = xml.indexOf('<c', from); at !== -1 && at < to; ) {
    if (isWordCode(xml.charCodeAt(at + 2))) {
      at = xml.indexOf('<c', at + 2);
      continue;
    }
    const tagEnd = xml.indexOf('>', at);
    if (tagEnd === -1 || tagEnd >= to) return right;
    const selfClosed = xml.charCodeAt(tagEnd - 1) === 47;
    const attributesEnd = selfClosed ? tagEnd - 1 : tagEnd;
    const bodyStart = tagEnd + 1;
    let bodyEnd = bodyStart;
    // Where the text of the cell's value starts and ends, when it is the usual <v>…</v></c>; -1 otherwise.
    let valueStart = -1;
    let valueEnd = -1;
    if (!selfClosed && xml.startsWith('<v>', bodyStart)) {
      // A value's text holds no '<': the first one after it closes it.
      const end = xml.indexOf('<', bodyStart + 3);
      if (end !== -1 && xml.startsWith('</v></c>', end)) {
        valueStart = bodyStart + 3;
        valueEnd = end;
        bodyEnd = end + 4;
      }
    }
    if (!selfClosed && valueEnd === -1) {
      bodyEnd = xml.indexOf('</c>', bodyStart);
      if (bodyEnd === -1 || bodyEnd >= to) return right;
    }
    // The start tag's r, s and t, read once from left to right, one attribute (name="value") at a time: a
    // search for the next `="` and one for the quote closing its value, rather than a scan of the tag for each.
    let r = -1;
    let s = -1;
    let t = -1;
    let tEnd = -1;
    for (let k = at + 2; ; ) {
      const eq = xml.indexOf('="', k);
      if (eq === -1 || eq + 1 >= attributesEnd) break;
      const close = xml.indexOf('"', eq + 2);
      if (close === -1) break;
      if (xml.charCodeAt(eq - 2) <= 32) {
        const name = xml.charCodeAt(eq - 1);
        if (name === 114) {
          if (r === -1) r = eq + 2;
        } else if (name === 115) {
          if (s === -1) s = eq + 2;
        } else if (name === 116 && t === -1) {
          t = eq + 2;
          tEnd = close;
        }
      }
      k = close + 1;
    }
    const column = (r === -1 ? undefined : columnAt(xml, r)) ?? next;
    next = column + 1;
    const sheetColumn = column + 1;
    if (sheetColumn >= box.left && sheetColumn <= box.right) {
      const type = t === -1 ? undefined : xml.slice(t, tEnd);
      if (valueEnd === -1 && found.v !== -1 && found.v < bodyStart) found.v = xml.indexOf('<v', bodyStart);
      const value = valueEnd === -1 ? valueAt(xml, type, bodyStart, bodyEnd, found.v, context) : valueBetween(xml, type, valueStart - 1, valueEnd, bodyStart, bodyEnd, context);
      cells[sheetColumn - box.left] = value;
      if (value === '' && uncalculated) {
        const body = xml.slice(bodyStart, bodyEnd);
        if (body.includes('<f') && !/<v[\s>/]/.test(body)) uncalculated.push({ row, column: sheetColumn });
      }
    } else if (sheetColumn > box.right) right = true;
    if (styled?.columns.has(sheetColumn)) {
      (styled.styles[row - box.top] ??= [])[sheetColumn - box.left] = (s === -1 ? undefined : digitsAt(xml, s)) ?? 0;
    }
    at = xml.indexOf('<c', selfClosed ? bodyStart : bodyEnd + 4);
  }
  return right;
}
