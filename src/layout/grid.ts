// What every adapter writes: plain cell values, number formats, styles and
// conditional-format rules, decided once here so Excel, exceljs and the
// in-memory workbook hold the same cells.

import { memoised } from '../engine/memo';
import { pageSetupOf, type PageSetup } from './pageSetup';

export type LayoutCell = string | number | boolean | null;

/** Excel's Text number format: a cell in this format keeps "=1+1" as the text "=1+1". */
export const TEXT_FORMAT = '@';

/** Text that Excel would take for a formula when written as a value. */
export function looksLikeFormula(value: LayoutCell): boolean {
  if (typeof value !== 'string') return false;
  // = + - @ : the first character alone decides, so no pattern is run on every cell of a large sheet.
  const first = value.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64;
}

/** The most characters an Excel cell holds; a longer text makes Excel repair the file on opening. */
export const EXCEL_TEXT_LIMIT = 32_767;

/** Ends a text cut to EXCEL_TEXT_LIMIT, so a reader sees that more was there. */
export const CUT_MARKER = ' … [cut at 32,767 characters, the most an Excel cell holds]';

/** Text cut to fit one cell, the marker included; a surrogate pair is never split. */
export function cutToCell(text: string): string {
  if (text.length <= EXCEL_TEXT_LIMIT) return text;
  let end = EXCEL_TEXT_LIMIT - CUT_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARKER;
}

/**
 * A cell as it may be written: a number that is not finite (NaN, Infinity) is left blank rather than
 * written as `<v>NaN</v>`, which Excel refuses, and text is cut to what a cell holds. Every adapter
 * writes through this, whatever the layout holds.
 */
export function writable(value: LayoutCell): LayoutCell {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length > EXCEL_TEXT_LIMIT) return cutToCell(value);
  return value;
}

/** `wrap`: body text that wraps within its column, top-aligned, its row as tall as its lines (a sentence beside other cells). */
export type CellStyle = 'title' | 'note' | 'section' | 'header' | 'wrap';

/** How a named style looks, in colours as '#RRGGBB'; `wrap`: the text wraps within its column, at the top of its row. */
export type Look = { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; wrap?: boolean };

/**
 * The one definition of the named styles' looks, which every adapter draws from, so a workbook looks the same
 * whichever wrote it. Headers are white on dark blue: they read from the back of a room on a projector and stay
 * dark-and-light when printed in grey, where a pale fill prints as white.
 */
export const LOOKS: Readonly<Record<CellStyle, Look>> = {
  title: { bold: true, size: 14, color: '#1F3864' },
  note: { italic: true, color: '#595959' },
  section: { bold: true, size: 12, color: '#1F4E78' },
  header: { bold: true, color: '#FFFFFF', fill: '#1F4E78', wrap: true },
  wrap: { wrap: true },
};

/**
 * A right-aligned number beside left-aligned text in the next column reads as one run of characters
 * ("38Procurement spend", "$30,180,000Legal 84%"). As a finance report pads its numbers, every number the
 * add-in's sheets show keeps the width of a digit clear on its right: its number format ends in `_0`
 * (Excel's "leave the width of 0"), which Excel, LibreOffice and Numbers honour. Applied to every sheet in
 * `SheetBuilder.build` and to an appended Decision log row, so no sheet decides it on its own.
 */
export const NUMBER_MARGIN = '_0';

/** The sections of a number format, split on the semicolons outside quotes. */
function formatSections(format: string): string[] {
  const sections: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) {
      sections.push(format.slice(start, i));
      start = i + 1;
    }
  }
  sections.push(format.slice(start));
  return sections;
}

/**
 * `format` with NUMBER_MARGIN at the end of each section that shows something (once: a padded format is
 * returned as it is). Text ('@'), General (null) and empty sections (a hidden value, ';;;') are left alone.
 */
export function withNumberMargin(format: string): string;
export function withNumberMargin(format: string | null): string | null;
export function withNumberMargin(format: string | null): string | null {
  if (format === null || format === TEXT_FORMAT || format === 'General') return format;
  return formatSections(format)
    .map((section) => (section === '' || section.includes('@') || section.endsWith(NUMBER_MARGIN) ? section : section + NUMBER_MARGIN))
    .join(';');
}

/** `rows` (default 1): a block of rows with the same look, as the builder joins consecutive `wrap` rows. */
export type StyledRange = { row: number; column: number; columns: number; rows?: number; style: CellStyle };

/**
 * Fill and font colours for the cells that equal a text, or hold a number in [min, below).
 * Rules of one range never overlap, so their order does not matter. Adapters turn each into an
 * expression-based conditional format with `highlightFormula`.
 */
export type HighlightRule = { fill: string; font: string } & ({ equals: string } | { min?: number; below?: number });

/** The Excel expression for a rule, relative to the range's top-left cell (e.g. "H2"). */
export function highlightFormula(rule: HighlightRule, topLeft: string): string {
  if ('equals' in rule) return `=${topLeft}="${rule.equals.replace(/"/g, '""')}"`;
  const tests = [`ISNUMBER(${topLeft})`];
  if (rule.min !== undefined) tests.push(`${topLeft}>=${rule.min}`);
  if (rule.below !== undefined) tests.push(`${topLeft}<${rule.below}`);
  return `=AND(${tests.join(',')})`;
}

export type ConditionalFormat = {
  /** Zero-based first row, column and height of the range the rule covers. */
  row: number;
  column: number;
  rows: number;
  rules: HighlightRule[];
};

export type TableSpec = { name: string; row: number; column: number; rows: number; columns: number };

/** A block of cells on the same sheet, zero-based. */
export type RangeRef = { row: number; column: number; rows: number; columns: number };

/**
 * A native Excel chart over cells of the sheet, so people without the add-in see it.
 * Bubble series use x, y and size; column series use categories and y.
 */
export type ChartSpec = {
  /** A stacked column's series add up, one on the other. */
  kind: 'bubble' | 'clusteredColumn' | 'stackedColumn';
  title: string;
  /** Where the chart sits, in cells. */
  anchor: RangeRef;
  xTitle?: string;
  yTitle?: string;
  /**
   * The value axis's number format ("0%" for shares). Excel would take it from the cells, but other
   * viewers (LibreOffice) show the axis in General (2.5 for 250%), so it is stated.
   */
  yFormat?: string;
  categories?: RangeRef;
  series: { name: string; x?: RangeRef; y: RangeRef; size?: RangeRef; color?: string }[];
  /**
   * Both value axes of a bubble chart fixed to this range (a score's 0-100), rather than fitted to the bubbles; a
   * column chart's value axis likewise (a share of futures, 0-100%).
   */
  axisRange?: { min: number; max: number };
  /** A bubble chart's largest bubble as a percentage (0-300) of the viewer's default size. */
  bubbleScale?: number;
  /** How opaque a bubble's fill is (0-1), so overlapping bubbles show where the portfolio is dense. */
  fillOpacity?: number;
};

/**
 * Where a chart's value axis (each of a bubble chart's two) is fixed, for every writer: a bubble chart's at its
 * `axisRange`; a column chart's at its `axisRange` too, else it starts at zero, its top left to the viewer. A column's height is its value, and a
 * viewer fitting the axis to the data starts it near the smallest (70% for utilisations of 75% and 83%, in Excel and
 * LibreOffice alike), so 83% drew four times as tall as 75%.
 */
export function valueAxisBounds(spec: ChartSpec): { min?: number; max?: number } {
  if (spec.axisRange) return { ...spec.axisRange };
  return spec.kind === 'bubble' ? {} : { min: 0 };
}

/** A whole sheet the add-in owns, starting at A1. */
export type SheetLayout = {
  name: string;
  values: LayoutCell[][];
  /** Number format per cell; null means General. */
  formats: (string | null)[][];
  /** Column widths in characters. */
  widths: number[];
  styles: StyledRange[];
  conditionalFormats: ConditionalFormat[];
  tables: TableSpec[];
  charts: ChartSpec[];
  freezeRows: number;
  /**
   * Rows taller than Excel's default (zero-based row, height in points): a header or a `wrap` row whose words
   * wrap gets the lines they need, as neither Excel nor LibreOffice re-fits a row's height when it opens a file.
   */
  rowHeights?: RowHeight[];
  /** How the sheet prints (pageSetup.ts); every sheet of the add-in's has one, a sheet made for the user (the sample) none. */
  pageSetup?: PageSetup;
};

export type RowHeight = { row: number; points: number };

/** Excel's default row height, in points: one line of its default font. */
export const LINE_POINTS = 15;
/** A header wraps to at most this many lines, a `wrap` row to at most MOST_TEXT_LINES; a longer text is cut rather than the row grown further. */
const MOST_HEADER_LINES = 3;
const MOST_TEXT_LINES = 16;
/**
 * A column's width counts characters as wide as a digit; a bold header's letters average about nine
 * tenths of that (measured on LibreOffice's rendering of our headers), a `wrap` row's plain letters less:
 * 0.75-0.79 on LibreOffice's PDF of the settings sheet's meanings, up to 0.86 for one text in ten of the
 * Change impact's in the fonts' own widths (Calibri, and DejaVu Sans, which LibreOffice draws in its
 * place). At 0.87 no text of those is given a line too few, and one in sixteen a line too many (one in
 * nine at 0.9).
 */
const LETTER_WIDTH: Readonly<Record<'header' | 'wrap', number>> = { header: 0.9, wrap: 0.87 };
type Lettering = keyof typeof LETTER_WIDTH;

/** The room a column `width` characters wide gives a line of text. */
const roomIn = (width: number): number => Math.max(1, width - 0.5);

/** Whether `text` fits on one line of a column `width` characters wide: then so do its words with one space between them. */
const fitsOnOneLine = (text: string, width: number, letter: number): boolean => text.length * letter <= roomIn(width);

/**
 * How many lines `text` takes in a column `width` characters wide when Excel wraps it word by word
 * (a word longer than the column is broken inside), its letters counted `LETTER_WIDTH` wide: bold for a header
 * (the default), plain for a `wrap` row.
 */
export function wrappedLines(text: string, width: number, lettering: Lettering = 'header'): number {
  const letter = LETTER_WIDTH[lettering];
  return fitsOnOneLine(text, width, letter) ? 1 : linesOfWords(text, width, letter);
}

/** `wrappedLines` of a text too long for one line: its words are laid out one by one. */
function linesOfWords(text: string, width: number, letter: number): number {
  const room = roomIn(width);
  let lines = 1;
  let used = 0;
  // Word by word without splitting the text (a space, tab or line break ends a word).
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    if (i === n) break;
    let end = i;
    while (end < n && text.charCodeAt(end) > 32) end++;
    const length = (end - i) * letter;
    i = end;
    if (used > 0 && used + letter + length <= room) {
      used += letter + length;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the column runs on over further lines.
    const more = Math.ceil(length / room) - 1;
    lines += more;
    used = length - more * room;
  }
  return lines;
}

/**
 * `wrappedLines` for the columns of one sheet. A Change impact of thousands of rows says the same
 * sentences over and over (the same Before for every committed initiative, the same gaps), so each
 * column lays out each text too long for one line once, however many rows it stands in.
 */
function linesPerColumn(widths: readonly number[], lettering: Lettering): (text: string, column: number) => number {
  const letter = LETTER_WIDTH[lettering];
  const measured: ((text: string) => number)[] = [];
  return (text, column) => {
    const width = widths[column] ?? 8.43;
    if (fitsOnOneLine(text, width, letter)) return 1;
    const measure = (measured[column] ??= memoised((long: string) => linesOfWords(long, width, letter)));
    return measure(text);
  };
}

/** A table header's filter button, in characters as wide as a digit (about 16 pixels beside Calibri 11's 7). */
const FILTER_BUTTON_WIDTH = 2.5;

/**
 * The width a column needs to show its table header whole on one line beside the header's filter button.
 * For headers in a row that is not the add-in's to grow, such as the output columns' in the user's table:
 * there a cut header ('Priority sc▾') cannot wrap.
 */
export const headerFitWidth = (header: string): number => Math.ceil(header.length * LETTER_WIDTH.header + 0.5 + FILTER_BUTTON_WIDTH);

/** The height of every header or `wrap` row whose words need more than one line in their columns. */
export function wrappedRowHeights(values: readonly LayoutCell[][], styles: readonly StyledRange[], widths: readonly number[]): RowHeight[] {
  // Bold header letters and plain wrap-row letters are measured apart (LETTER_WIDTH).
  const linesIn = { header: linesPerColumn(widths, 'header'), wrap: linesPerColumn(widths, 'wrap') };
  // Lines per row, in row order whatever the order of the styles (at most MOST_TEXT_LINES, so a byte each).
  const lines = new Uint8Array(values.length);
  let any = false;
  for (const styled of styles) {
    if (styled.style !== 'header' && styled.style !== 'wrap') continue;
    const most = styled.style === 'header' ? MOST_HEADER_LINES : MOST_TEXT_LINES;
    const linesOf = linesIn[styled.style];
    const end = Math.min(values.length, styled.row + (styled.rows ?? 1));
    for (let r = styled.row; r < end; r++) {
      const cells = values[r]!;
      let needed = 1;
      for (let c = styled.column; c < styled.column + styled.columns; c++) {
        const text = cells[c];
        if (typeof text === 'string') needed = Math.max(needed, linesOf(text, c));
      }
      if (needed > 1) {
        lines[r] = Math.max(lines[r]!, Math.min(most, needed));
        any = true;
      }
    }
  }
  const heights: RowHeight[] = [];
  if (any) for (let r = 0; r < lines.length; r++) if (lines[r]! > 1) heights.push({ row: r, points: lines[r]! * LINE_POINTS });
  return heights;
}

/** A score rounded to one decimal, as a cell; blank for none. */
export function scoreCell(score: number | undefined): LayoutCell {
  return score === undefined ? null : Math.round(score * 10) / 10;
}

function padded(cells: LayoutCell[], width: number): LayoutCell[] {
  const full = new Array<LayoutCell>(width);
  for (let i = 0; i < width; i++) full[i] = i < cells.length ? cells[i]! : null;
  return full;
}

/** True when every cell that looks like a formula already has a format (then `formats` can be shared). */
function coversFormulas(cells: LayoutCell[], formats: readonly (string | null)[]): boolean {
  for (let i = 0; i < cells.length; i++) if (formats[i] === null && looksLikeFormula(cells[i]!)) return false;
  return true;
}

function formatsFor(cells: LayoutCell[], formats: readonly (string | null)[]): (string | null)[] {
  const result = new Array<string | null>(cells.length);
  for (let i = 0; i < cells.length; i++) result[i] = formats[i] ?? (looksLikeFormula(cells[i]!) ? TEXT_FORMAT : null);
  return result;
}

/** Every row's number formats with NUMBER_MARGIN, in place; rows that shared a formats array still share one. */
function padNumbers(formats: (string | null)[][]): void {
  const padded = new Map<readonly (string | null)[], (string | null)[]>();
  const pad = memoised(withNumberMargin);
  for (let r = 0; r < formats.length; r++) {
    const row = formats[r]!;
    let out = padded.get(row);
    if (out === undefined) padded.set(row, (out = row.map(pad)));
    formats[r] = out;
  }
}

/** Builds a sheet row by row, every row `width` cells wide, keeping values and formats the same shape. */
export class SheetBuilder {
  /** Rows so far; until `build`, slots set aside for rows to come follow them. */
  readonly values: LayoutCell[][];
  readonly formats: (string | null)[][];
  private count = 0;
  readonly styles: StyledRange[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly tables: TableSpec[] = [];
  readonly charts: ChartSpec[] = [];
  private readonly blankFormats: (string | null)[];
  /** The run the sheet reports (ISO time), named in its printed footer. */
  runAt?: string;

  /**
   * `expectedRows`, when the sheet's size is known up front (more is fine): a sheet of tens of
   * thousands of rows grown row by row is copied a dozen times over as it grows.
   */
  constructor(
    readonly width: number,
    expectedRows = 0,
  ) {
    this.blankFormats = Array<string | null>(width).fill(null);
    this.values = new Array<LayoutCell[]>(expectedRows);
    this.formats = new Array<(string | null)[]>(expectedRows);
  }

  get rowCount(): number {
    return this.count;
  }

  /**
   * Append a row (the builder keeps `cells`, or a padded copy when it is short of the width). `formats` per cell, defaulting to text for
   * strings that look like formulas. A shared formats array that already covers the width is kept
   * as it is, so a section of thousands of rows allocates no formats of its own.
   */
  row(cells: LayoutCell[], formats: readonly (string | null)[] = this.blankFormats, style?: CellStyle): number {
    const index = this.count++;
    const used = cells.length;
    // A short row is copied into an array of the full width: growing it in place would reallocate it.
    const full = used >= this.width ? cells : padded(cells, this.width);
    this.values[index] = full;
    this.formats[index] = formats.length === this.width && coversFormulas(full, formats) ? (formats as (string | null)[]) : formatsFor(full, formats);
    if (style) {
      const columns = Math.max(1, used);
      // Consecutive wrap rows of a section are one block: a Change impact has thousands of them.
      const last = this.styles[this.styles.length - 1];
      if (style === 'wrap' && last?.style === 'wrap' && last.column === 0 && last.columns === columns && last.row + (last.rows ?? 1) === index) last.rows = (last.rows ?? 1) + 1;
      else this.styles.push({ row: index, column: 0, columns, style });
    }
    return index;
  }

  blank(): void {
    this.row([]);
  }

  /** A formats array of the builder's width: `formats` then blanks. Make one per section and share it. */
  formatsOf(formats: (string | null)[]): (string | null)[] {
    return [...formats, ...this.blankFormats].slice(0, this.width);
  }

  /**
   * The sheet. `addinOwned: false` for a sheet made for the user to own (the sample): it keeps Excel's page setup
   * and plain number formats, theirs to set.
   */
  build(name: string, widths: number[], freezeRows = 0, addinOwned = true): SheetLayout {
    // Rows set aside but not used are dropped.
    this.values.length = this.count;
    this.formats.length = this.count;
    if (addinOwned) padNumbers(this.formats);
    const layout: SheetLayout = {
      name,
      values: this.values,
      formats: this.formats,
      widths,
      styles: this.styles,
      conditionalFormats: this.conditionalFormats,
      tables: this.tables,
      charts: this.charts,
      freezeRows,
    };
    const heights = wrappedRowHeights(this.values, this.styles, widths);
    if (heights.length > 0) layout.rowHeights = heights;
    if (addinOwned) layout.pageSetup = pageSetupOf(layout, this.runAt);
    return layout;
  }
}

/** Colours follow Excel's built-in "Good", "Neutral" and "Bad" cell styles, so they read the same in any theme. */
export const GOOD = { fill: '#C6EFCE', font: '#006100' };
export const NEUTRAL = { fill: '#FFEB9C', font: '#9C5700' };
export const BAD = { fill: '#FFC7CE', font: '#9C0006' };
export const INFO = { fill: '#DDEBF7', font: '#1F4E78' };
export const QUIET = { fill: '#EDEDED', font: '#404040' };
