// How one of the add-in's sheets prints, decided once here for every writer:
// landscape, one page wide and as many tall as it takes (two wide, its first
// column repeated, for a table too wide to read at one), the title rows (and a
// sheet-wide header) repeated on every page, a page break before a section (or a
// chart in rows of its own) that would otherwise split, charts kept whole on one page, and a footer naming the
// sheet, the run and the page. Board packs are printed and saved as PDF.

import type { CellStyle, ChartSpec, RowHeight, StyledRange } from './grid';

export type PageSetup = {
  orientation: 'landscape';
  /** Pages across (1, or 2 for a sheet of columns too many to read on one); pages down are as many as the rows need. */
  pagesWide: 1 | 2;
  /** Columns 1..titleColumns repeat at the left of every page across (0: none), so each page's rows say which they are. */
  titleColumns: number;
  /** Two pages wide, a band of rows prints across before the next (its two halves on consecutive pages); else down, then over, as Excel does. */
  pageOrder: 'downThenOver' | 'overThenDown';
  /** Rows 1..titleRows repeat at the top of every page (0: none). */
  titleRows: number;
  /** Zero-based rows that start a new page (manual breaks), ascending. */
  breaks: number[];
  /** Left, centre and right footer in Excel's header/footer codes: &A the sheet, &P the page, &N the pages. */
  footer: { left: string; center: string; right: string };
};

/** Text inside a header or footer: a literal & is written twice, or Excel reads it as a code. */
export const footerText = (text: string): string => text.replace(/&/g, '&&');

// The page every estimate is made for: the smaller of A4 and US Letter in each direction, landscape,
// so the breaks hold on either paper. Margins in points, as every writer sets them.
export const MARGINS = { left: 36, right: 36, top: 54, bottom: 54, header: 22, footer: 22 };
const PAGE_WIDTH = 792; // Letter's 11 in (A4 is 11.69 in)
const PAGE_HEIGHT = 595; // A4's 210 mm (Letter is 8.5 in)
const PRINTABLE_WIDTH = PAGE_WIDTH - MARGINS.left - MARGINS.right;
const PRINTABLE_HEIGHT = PAGE_HEIGHT - MARGINS.top - MARGINS.bottom;
/** Excel's default row height, in points, and a title row's (a larger font). */
const ROW_POINTS = 15;
const TITLE_ROW_POINTS = 21;
/** Excel's default column width in characters, for the columns a chart reaches past the sheet's own. */
const DEFAULT_WIDTH = 8.43;
/** Row heights differ a little between Excel and LibreOffice: a page is planned a tenth short. */
const SAFETY = 0.9;

/** A column of `characters` in points, as Excel draws it with its default font (7 px a digit, 5 px of padding). */
const columnPoints = (characters: number): number => (Math.round(characters * 7) + 5) * 0.75;

type Printable = {
  values: readonly unknown[][];
  widths: readonly number[];
  styles: readonly StyledRange[];
  charts: readonly ChartSpec[];
  freezeRows: number;
  rowHeights?: readonly RowHeight[];
};

/**
 * Below this share of full size a sheet without charts prints two pages wide instead (the Decision log's 20 columns
 * printed at 52%, its 11-point text at under 6 points). A sheet with charts beside its columns keeps one page wide,
 * so no chart is cut.
 */
export const SMALLEST_SCALE = 0.6;

/**
 * The share of full size the sheet prints at when its columns (and charts) fit `pagesWide` pages wide, the first
 * `titleColumns` columns repeated on each page after the first. A page across holds whole columns.
 */
export function printScale(sheet: Pick<Printable, 'widths' | 'charts' | 'values'>, pagesWide = 1, titleColumns = 0): number {
  let columns = sheet.widths.length;
  for (const chart of sheet.charts) columns = Math.max(columns, chart.anchor.column + chart.anchor.columns);
  const points = Array.from({ length: columns }, (_, c) => columnPoints(sheet.widths[c] ?? DEFAULT_WIDTH));
  const total = points.reduce((sum, p) => sum + p, 0);
  if (total <= PRINTABLE_WIDTH) return 1;
  if (pagesWide === 1) return PRINTABLE_WIDTH / total;
  const repeated = points.slice(0, titleColumns).reduce((sum, p) => sum + p, 0);
  // How many pages across the columns take on pages `width` points wide, filled in order.
  const pagesAt = (width: number): number => {
    let pages = 1;
    let used = 0;
    for (const p of points) {
      if (used + p > width && used > repeated) {
        pages++;
        used = repeated;
      }
      used += p;
    }
    return pages;
  };
  // The largest scale whose pages hold the columns, found to a thousandth.
  let [low, high] = [PRINTABLE_WIDTH / total, 1];
  if (pagesAt(PRINTABLE_WIDTH) <= pagesWide) return 1;
  while (high - low > 0.001) {
    const mid = (low + high) / 2;
    if (pagesAt(PRINTABLE_WIDTH / mid) <= pagesWide) low = mid;
    else high = mid;
  }
  return low;
}

/** Whether rows `from` to `to` (exclusive) hold no value: a chart drawn over them covers nothing. */
function rowsEmpty(values: readonly unknown[][], from: number, to: number): boolean {
  for (let r = from; r < to; r++) for (const v of values[r] ?? []) if (v !== null && v !== undefined && v !== '') return false;
  return true;
}

function rowStyles(styles: readonly StyledRange[]): Map<number, CellStyle> {
  const byRow = new Map<number, CellStyle>();
  for (const s of styles) if (s.column === 0 && !byRow.has(s.row)) byRow.set(s.row, s.style);
  return byRow;
}

/**
 * The page setup of one of the add-in's sheets. The repeated rows are the frozen ones when the sheet
 * has a frozen header (its table's header) with no other section under it, else the title and note at the top. `runAt` (ISO) names
 * the run in the footer; a sheet no run makes carries the print date instead.
 */
export function pageSetupOf(sheet: Printable, runAt?: string): PageSetup {
  const styles = rowStyles(sheet.styles);
  // A frozen header is repeated only when its table is the sheet's last section: printed above the
  // rows of another section (the Roadmap's team loads under its timeline) it would name the wrong columns.
  const sectionBelow = [...styles].some(([row, style]) => style === 'section' && row >= sheet.freezeRows);
  let titleRows = sectionBelow ? 0 : sheet.freezeRows;
  if (titleRows === 0) while (styles.get(titleRows) === 'title' || styles.get(titleRows) === 'note') titleRows++;
  // A wrapped row is as tall as its lines: what the taller rows above each row add, summed once (thousands on a Change impact).
  const heights = sheet.rowHeights ?? [];
  const end = Math.max(sheet.values.length, ...sheet.charts.map((c) => c.anchor.row + c.anchor.rows));
  const extraAbove = new Float64Array(end + 1);
  for (const h of heights) if (h.row < end) extraAbove[h.row + 1] = h.points - ROW_POINTS;
  for (let r = 1; r <= end; r++) extraAbove[r]! += extraAbove[r - 1]!;
  const extraIn = (from: number, to: number): number => extraAbove[Math.min(to, end)]! - extraAbove[Math.min(from, end)]!;
  const heightOf = (row: number) => (styles.get(row) === 'title' ? TITLE_ROW_POINTS : ROW_POINTS) + extraIn(row, row + 1);
  let titlePoints = 0;
  for (let r = 0; r < titleRows; r++) titlePoints += heightOf(r);

  const oneWide = printScale(sheet);
  const pagesWide = oneWide < SMALLEST_SCALE && sheet.charts.length === 0 ? 2 : 1;
  const titleColumns = pagesWide > 1 ? 1 : 0;
  const scale = pagesWide > 1 ? printScale(sheet, pagesWide, titleColumns) : oneWide;
  const pagePoints = (PRINTABLE_HEIGHT / scale) * SAFETY;
  // Later pages start under the repeated rows.
  const bodyPoints = Math.max(ROW_POINTS * 10, pagePoints - titlePoints);

  // Where a page may start: a section's first row, unless a chart beside it reaches over that row, and the first row
  // of a chart drawn in rows of its own (under a table), so that it moves to the next page whole rather than split.
  const starts = [...styles].filter(([row, style]) => style === 'section' && row >= titleRows).map(([row]) => row);
  for (const c of sheet.charts) if (c.anchor.row >= titleRows && rowsEmpty(sheet.values, c.anchor.row, c.anchor.row + c.anchor.rows)) starts.push(c.anchor.row);
  const insideChart = (row: number) => sheet.charts.some((c) => c.series.length > 0 && c.anchor.row < row && row < c.anchor.row + c.anchor.rows);
  const candidates = [...new Set(starts)].filter((row) => !insideChart(row)).sort((a, b) => a - b);

  // The blocks between candidates, each as tall as its rows or the charts that start in it, whichever is more.
  // Every row is as tall as the default but the few title rows: a block is counted, not walked row by row.
  const titles = [...styles].filter(([, style]) => style === 'title').map(([row]) => row);
  const blockPoints = (from: number, to: number): number => {
    let points = Math.max(0, to - from) * ROW_POINTS;
    for (const row of titles) if (row >= from && row < to) points += TITLE_ROW_POINTS - ROW_POINTS;
    points += extraIn(from, to);
    for (const c of sheet.charts) if (c.anchor.row >= from && c.anchor.row < to) points = Math.max(points, (c.anchor.row + c.anchor.rows - from) * ROW_POINTS);
    return points;
  };

  const breaks: number[] = [];
  const firstBlockEnd = candidates[0] ?? end;
  let used = blockPoints(0, firstBlockEnd);
  let capacity = pagePoints;
  while (used > capacity) {
    used -= capacity;
    capacity = bodyPoints;
  }
  candidates.forEach((from, i) => {
    const to = candidates[i + 1] ?? end;
    const points = blockPoints(from, to);
    const fits = used + points <= capacity;
    // A section longer than a page flows on from a page less than half full rather than leave it empty.
    const flows = points > bodyPoints && used < capacity / 2;
    if (!fits && !flows && used > 0) {
      breaks.push(from);
      used = 0;
      capacity = bodyPoints;
    }
    used += points;
    while (used > capacity) {
      used -= capacity;
      capacity = bodyPoints;
    }
  });

  const when = runAt ? `Run of ${footerText(runAt.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$|Z$/, ' UTC'))}` : 'Printed &D &T';
  return { orientation: 'landscape', pagesWide, titleColumns, pageOrder: pagesWide > 1 ? 'overThenDown' : 'downThenOver', titleRows, breaks, footer: { left: '&A', center: when, right: 'Page &P of &N' } };
}
