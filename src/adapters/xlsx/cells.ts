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
  for (let at = xml.indexOf('<si'); at !== -1; ) {
    const end = xml.indexOf('</si>', at);
    const selfClosed = xml.startsWith('<si/>', at);
    if (selfClosed || end === -1) {
      strings.push('');
      at = xml.indexOf('<si', at + 3);
      continue;
    }
    strings.push(textRuns(xml.slice(at, end)));
    at = xml.indexOf('<si', end);
  }
  return strings;
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

/** The column of a row's last cell, -1 for a row without cells; undefined when that cell has no address. */
export function lastColumn(content: string): number | undefined {
  const at = content.lastIndexOf('<c');
  if (at === -1) return -1;
  const [cell] = cellsOfRow(content.slice(at));
  return cell && / r="/.test(cell.attributes) ? cell.column : undefined;
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

const ROW = /<row\b([^>]*?)(\/>|>)/.source;

/** The rows of a sheet's XML in order, 1-based (implied by position when a row has no number), from `from` on. */
export function* rowsOf(xml: string, from = 0): Generator<SheetRow> {
  let previous = 0;
  const rowPattern = new RegExp(ROW, 'g');
  rowPattern.lastIndex = from;
  for (let m = rowPattern.exec(xml); m; m = rowPattern.exec(xml)) {
    const number = / r="(\d+)"/.exec(m[1]!);
    const row = number ? Number(number[1]) : previous + 1;
    previous = row;
    const start = m.index;
    if (m[2] === '/>') {
      yield { row, open: m[0], content: '', start, end: start + m[0].length };
      continue;
    }
    const close = xml.indexOf('</row>', start);
    const end = close === -1 ? xml.length : close + 6;
    yield { row, open: m[0], content: xml.slice(start + m[0].length, close === -1 ? xml.length : close), start, end };
    rowPattern.lastIndex = end;
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
  const end = xml.indexOf('sheetData>', start);
  return { start, end: end === -1 ? xml.length : xml.lastIndexOf('<', end) };
}

/**
 * The values of rows `top..bottom`, columns `left..right` (1-based, inclusive), '' for cells that are
 * absent; and the number of the sheet's last row element.
 */
export function readBlock(
  xml: string,
  box: { top: number; bottom: number; left: number; right: number },
  context: CellContext,
  /** Columns (1-based) whose cells' style indices (`s`) to collect into `styles`, by row of the block. */
  styled?: { columns: Set<number>; styles: number[][] },
  /** Where to note the cells (1-based row and column) holding a formula saved without its result, which read as blank. */
  uncalculated?: { row: number; column: number }[],
): { values: CellValue[][]; lastRow: number } {
  const bounds = sheetDataBounds(xml);
  const width = box.right - box.left + 1;
  const bottom = box.bottom;
  const values: CellValue[][] = [];
  let lastRow = 0;
  if (bounds) {
    const data = xml.slice(bounds.start, bounds.end);
    for (const row of rowsOf(data)) {
      lastRow = row.row;
      if (row.row < box.top || row.row > bottom) continue;
      const cells = new Array<CellValue>(width).fill('');
      values[row.row - box.top] = cells;
      // A row whose cells all lie left of the block (the empty columns beside a table) is not taken apart.
      const last = styled ? undefined : lastColumn(row.content);
      if (last !== undefined && last + 1 < box.left) continue;
      for (const cell of cellsOfRow(row.content)) {
        if (cell.column + 1 >= box.left && cell.column + 1 <= box.right) {
          const value = cellValue(cell, context);
          cells[cell.column + 1 - box.left] = value;
          if (value === '' && uncalculated && cell.body.includes('<f') && !/<v[\s>/]/.test(cell.body)) uncalculated.push({ row: row.row, column: cell.column + 1 });
        }
        if (styled?.columns.has(cell.column + 1)) (styled.styles[row.row - box.top] ??= [])[cell.column + 1 - box.left] = Number(/(?:^|\s)s="(\d+)"/.exec(cell.attributes)?.[1] ?? 0);
      }
    }
  }
  const height = Math.min(bottom, Math.max(lastRow, box.top)) - box.top + 1;
  const full: CellValue[][] = new Array<CellValue[]>(Math.max(0, height));
  for (let i = 0; i < full.length; i++) full[i] = values[i] ?? new Array<CellValue>(width).fill('');
  return { values: full, lastRow };
}
