// The workbook behind the fake Excel: sheets of cells, tables, charts and
// conditional formats, changed the way Excel changes them. Only what the
// office.js adapter uses is modelled; the rest throws, so a test cannot pass
// on a member the real Excel would not have.

import { columnLetters, qualified } from '../../../../src/engine/address';

export type Scalar = string | number | boolean;
export type Rect = { row: number; column: number; rows: number; columns: number };
export type Look = { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; wrap?: boolean };
export type Cell = { value: Scalar; format: string; formula?: string; quotePrefix?: boolean; look: Look };

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An office.js error as the add-in sees it: a `code` and a message. */
export class FakeRichApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export const intersects = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.column < b.column + b.columns && b.column < a.column + a.columns;

export function parseA1(ref: string): Rect {
  const [from = '', to = from] = ref.replace(/\$/g, '').split(':');
  const cell = (text: string) => {
    const match = /^([A-Z]+)(\d+)$/i.exec(text.trim());
    if (!match) throw new FakeRichApiError('InvalidArgument', `Not an A1 reference: ${ref}`);
    const letters = match[1]!.toUpperCase();
    let column = 0;
    for (const ch of letters) column = column * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(match[2]) - 1, column: column - 1 };
  };
  const a = cell(from);
  const b = cell(to);
  return { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column), rows: Math.abs(a.row - b.row) + 1, columns: Math.abs(a.column - b.column) + 1 };
}

export const rectA1 = (rect: Rect): string => {
  const first = `${columnLetters(rect.column)}${rect.row + 1}`;
  const last = `${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
  return rect.rows === 1 && rect.columns === 1 ? first : `${first}:${last}`;
};

/** How Excel reads a typed value: a leading apostrophe means text, Text-formatted cells keep text, "=..." is a formula. */
export function enter(cell: Cell, value: unknown): void {
  if (value === null || value === undefined) return; // office.js leaves the cell as it is
  cell.formula = undefined;
  cell.quotePrefix = undefined;
  if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  if (typeof value !== 'string') throw new FakeRichApiError('InvalidArgument', `Cannot write ${typeof value} to a cell`);
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    cell.quotePrefix = true;
  } else if (cell.format === '@' || value === '') {
    cell.value = value;
  } else if (/^[+-]?\d+(\.\d+)?$/.test(value)) {
    cell.value = Number(value);
  } else if (/^(true|false)$/i.test(value)) {
    cell.value = value.toLowerCase() === 'true';
  } else if (/^[=+\-@]./.test(value)) {
    cell.formula = value;
    cell.value = '#NAME?';
  } else {
    cell.value = value;
  }
}

export type SeriesModel = { name: string; x?: string; y?: string; size?: string; color?: string; bubbleScale?: number; line?: { color?: string; weight?: number } };
export type ChartModel = {
  name: string;
  type: string;
  title: string;
  series: SeriesModel[];
  position?: [string, string];
  xTitle?: string;
  yTitle?: string;
  yFormat?: string;
  /** Each axis's fixed minimum and maximum, where set. */
  xRange?: { min?: number; max?: number };
  yRange?: { min?: number; max?: number };
  legend?: string;
};
export type ConditionalFormatModel = { rect: Rect; type: string; formula: string; fill: string; font: string };
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
/** Range.copyFrom's copy types (ExcelApi 1.9); "Link" is Excel on the web only and not modelled. */
export type CopyType = 'All' | 'Formulas' | 'Values' | 'Formats';

/** Page Layout as the page layout API (ExcelApi 1.9) sets it; Excel's defaults until set. */
export type PageLayoutModel = {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>;
  centerHorizontally: boolean;
  printTitleRows?: string;
  printTitleColumns?: string;
  /** Excel's default is down, then over. */
  printOrder: string;
  footer: { left: string; center: string; right: string };
  /** Zero-based rows that start a page (manual horizontal page breaks). */
  breaks: number[];
};

export const defaultPageLayout = (): PageLayoutModel => ({
  orientation: 'Portrait',
  zoom: { scale: 100 },
  margins: { left: 50.4, right: 50.4, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
  centerHorizontally: false,
  printOrder: 'DownThenOver',
  footer: { left: '', center: '', right: '' },
  breaks: [],
});

export class SheetModel {
  private grid: (Cell | undefined)[][] = [];
  pageLayout: PageLayoutModel = defaultPageLayout();
  charts: ChartModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  frozenRows = 0;
  /** Review > Protect Sheet: Excel refuses every change to the sheet's cells. */
  protected = false;
  /** Blocks of merged cells (Home > Merge & Center). */
  merges: Rect[] = [];
  visibility: Visibility = 'Visible';
  readonly widths = new Map<number, number>();
  /** Zero-based columns hidden (Range.columnHidden). */
  readonly hiddenColumns = new Set<number>();
  /** Row heights in points, where set. */
  readonly heights = new Map<number, number>();
  /** Rows Excel was asked to fit to their wrapped text (autofitRows). */
  readonly fitted = new Set<number>();
  /** Cells given a value through Range.values: how tests see that a live re-run wrote only what changed. */
  valueWrites = 0;

  constructor(public name: string) {}

  peek(row: number, column: number): Cell | undefined {
    return this.grid[row]?.[column];
  }

  cell(row: number, column: number): Cell {
    const line = (this.grid[row] ??= []);
    return (line[column] ??= { value: '', format: 'General', look: {} });
  }

  value(row: number, column: number): Scalar {
    return this.peek(row, column)?.value ?? '';
  }

  format(row: number, column: number): string {
    return this.peek(row, column)?.format ?? 'General';
  }

  /** Every existing cell inside `rect`, without creating any. */
  *cellsIn(rect: Rect): Generator<[number, number, Cell]> {
    const lastRow = Math.min(rect.row + rect.rows, this.grid.length);
    for (let r = rect.row; r < lastRow; r++) {
      const line = this.grid[r];
      if (!line) continue;
      const lastColumn = Math.min(rect.column + rect.columns, line.length);
      for (let c = rect.column; c < lastColumn; c++) {
        const cell = line[c];
        if (cell) yield [r, c, cell];
      }
    }
  }

  clear(rect: Rect): void {
    for (const [r, c] of [...this.cellsIn(rect)]) delete this.grid[r]![c];
  }

  /** Excel's "insert cells, shift right" over the rows of `rect`, from its first column. */
  shiftRight(rect: Rect, by = 1): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const line = this.grid[r];
      if (line && line.length > rect.column) line.splice(rect.column, 0, ...Array<Cell | undefined>(by).fill(undefined));
    }
  }

  /** Excel's "insert cells, shift down" over the columns of `rect`, from its first row. */
  shiftDown(rect: Rect, by = 1): void {
    for (let r = this.grid.length - 1; r >= rect.row; r--) {
      for (let c = rect.column; c < rect.column + rect.columns; c++) {
        const moving = this.grid[r]?.[c];
        if (moving) (this.grid[r + by] ??= [])[c] = moving;
        if (this.grid[r]) delete this.grid[r]![c];
      }
    }
  }

  /**
   * Paste `from` of `source` with its top-left at (row, column), as Excel's copy and paste does:
   * a blank source cell blanks the destination; "All" brings values, formulas and cell formats.
   * How a paste carries conditional formats is not modelled, so it refuses any in either area.
   */
  pasteFrom(source: SheetModel, from: Rect, row: number, column: number, type: CopyType): void {
    const to = { row, column, rows: from.rows, columns: from.columns };
    if (source.conditionalFormats.some((cf) => intersects(cf.rect, from)) || this.conditionalFormats.some((cf) => intersects(cf.rect, to))) {
      throw new FakeRichApiError('NotImplemented', 'The fake does not model pasting conditional formats.');
    }
    const copies = Array.from({ length: from.rows }, (_, r) => Array.from({ length: from.columns }, (_, c) => source.peek(from.row + r, from.column + c)));
    copies.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (type === 'All' && !cell) {
          if (this.grid[row + r]) delete this.grid[row + r]![column + c];
          return;
        }
        const target = this.cell(row + r, column + c);
        const copied: Cell = cell ?? { value: '', format: 'General', look: {} };
        if (type !== 'Formats') {
          target.value = copied.value;
          target.formula = type === 'Values' ? undefined : copied.formula;
        }
        if (type === 'All' || type === 'Formats') {
          target.format = copied.format;
          target.quotePrefix = copied.quotePrefix;
          target.look = { ...copied.look };
        }
      }),
    );
  }

  /** The smallest block holding every cell with a value (in `within`, else the whole sheet); undefined when there is none. */
  usedRect(within?: Rect): Rect | undefined {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [r, c, cell] of this.cellsIn(within ?? { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS })) {
      if (cell.value === '') continue;
      top = Math.min(top, r); left = Math.min(left, c); bottom = Math.max(bottom, r); right = Math.max(right, c);
    }
    return bottom < 0 ? undefined : { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** The cells' values as a grid, for assertions. */
  values(rect: Rect): Scalar[][] {
    return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.columns }, (_, c) => this.value(rect.row + r, rect.column + c)));
  }

  /** Rows of values up to the last used cell, for assertions. */
  usedValues(): Scalar[][] {
    const used = this.usedRect();
    return used ? this.values({ row: 0, column: 0, rows: used.row + used.rows, columns: used.column + used.columns }) : [];
  }
}

export class TableModel {
  /** Excel's table ID, which events carry instead of the name; getItem takes either. */
  id = '';
  constructor(
    public name: string,
    public sheet: SheetModel,
    public row: number,
    public column: number,
    public columns: number,
    public bodyRows: number,
  ) {}

  get headerRect(): Rect {
    return { row: this.row, column: this.column, rows: 1, columns: this.columns };
  }
  get bodyRect(): Rect {
    return { row: this.row + 1, column: this.column, rows: this.bodyRows, columns: this.columns };
  }
  get rect(): Rect {
    return { row: this.row, column: this.column, rows: this.bodyRows + 1, columns: this.columns };
  }
  get headers(): string[] {
    return Array.from({ length: this.columns }, (_, c) => String(this.sheet.value(this.row, this.column + c)));
  }
}

const SHEET_NAME = /^[^[\]:*?/\\]{1,31}$/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** TableChangedEventArgs as office.js hands them to a handler (ExcelApi 1.7). */
export type TableChangedArgs = {
  type: 'TableChanged';
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted' | 'CellInserted' | 'CellDeleted' | 'Unknown';
  source: 'Local' | 'Remote';
};

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  /** Handlers added with workbook.tables.onChanged.add and synced. */
  readonly tableChangedHandlers = new Set<(args: TableChangedArgs) => unknown>();
  private nextTableId = 1;
  /** True while the user types in a cell: Excel refuses every request. */
  editing = false;
  /** Review > Protect Workbook: the sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected = false;
  /** File > Options > Advanced > Use 1904 date system (old Mac workbooks): a date's serial number counts from 1904. */
  date1904 = false;
  activeSheet: SheetModel | undefined;
  selection: { sheet: SheetModel; rect: Rect } | 'chart' | undefined;

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** By name or by ID, as workbook.tables.getItem takes either. */
  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase() || t.id === name);
  }

  addSheet(name: string): SheetModel {
    if (!SHEET_NAME.test(name)) throw new FakeRichApiError('InvalidArgument', `"${name}" is not a valid sheet name`);
    if (this.sheet(name)) throw new FakeRichApiError('ItemAlreadyExists', `A sheet called ${name} already exists`);
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  private visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  /** Excel keeps at least one sheet visible, and refuses to delete a very hidden one (unhide it first, the docs say). */
  deleteSheet(sheet: SheetModel): void {
    if (sheet.visibility === 'VeryHidden') throw new FakeRichApiError('InvalidOperation', `Sheet ${sheet.name} is very hidden; make it visible before deleting it.`);
    if (sheet.visibility === 'Visible' && this.visibleSheets().length === 1) throw new FakeRichApiError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
  }

  setVisibility(sheet: SheetModel, visibility: Visibility): void {
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.visibleSheets().length === 1) {
      throw new FakeRichApiError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
    }
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheet === sheet) this.activeSheet = this.visibleSheets()[0];
  }

  /** Excel follows a renamed sheet everywhere it is referred to; here, in chart series. */
  renameSheet(sheet: SheetModel, name: string): void {
    if (!SHEET_NAME.test(name)) throw new FakeRichApiError('InvalidArgument', `"${name}" is not a valid sheet name`);
    const other = this.sheet(name);
    if (other && other !== sheet) throw new FakeRichApiError('ItemAlreadyExists', `A sheet called ${name} already exists`);
    const before = qualified(sheet.name, '');
    const after = qualified(name, '');
    for (const series of this.sheets.flatMap((s) => s.charts.flatMap((c) => c.series))) {
      for (const key of ['x', 'y', 'size'] as const) {
        const ref = series[key];
        if (ref?.startsWith(before)) series[key] = after + ref.slice(before.length);
      }
    }
    sheet.name = name;
  }

  addTable(sheet: SheetModel, rect: Rect, name?: string): TableModel {
    if (this.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) {
      throw new FakeRichApiError('InvalidArgument', 'A table cannot overlap another table.');
    }
    const table = new TableModel('', sheet, rect.row, rect.column, rect.columns, Math.max(1, rect.rows - 1));
    for (let c = 0; c < rect.columns; c++) {
      const header = sheet.cell(rect.row, rect.column + c);
      if (header.value === '') header.value = `Column${c + 1}`;
    }
    let n = this.tables.length + 1;
    while (this.table(`Table${n}`)) n++;
    table.name = `Table${n}`;
    table.id = `{TABLE-${this.nextTableId++}}`;
    this.tables.push(table);
    if (name) this.renameTable(table, name);
    return table;
  }

  /**
   * Tell the tables.onChanged handlers that cells in `rect` of `sheet` changed, once per table they
   * touch, as Excel does for a user's edit and for an add-in's own write alike. Excel calls the
   * handlers after the change, not during the batch: here, on a later turn of the event loop.
   */
  cellsChanged(sheet: SheetModel, rect: Rect, source: TableChangedArgs['source'] = 'Local', changeType: TableChangedArgs['changeType'] = 'RangeEdited'): void {
    if (this.tableChangedHandlers.size === 0) return;
    for (const table of this.tables.filter((t) => t.sheet === sheet && intersects(t.rect, rect))) {
      const t = table.rect;
      const row = Math.max(t.row, rect.row);
      const column = Math.max(t.column, rect.column);
      const rows = Math.min(t.row + t.rows, rect.row + rect.rows) - row;
      const columns = Math.min(t.column + t.columns, rect.column + rect.columns) - column;
      const args: TableChangedArgs = { type: 'TableChanged', tableId: table.id, worksheetId: sheet.name, address: rectA1({ row, column, rows, columns }), changeType, source };
      for (const handler of [...this.tableChangedHandlers]) setTimeout(() => void handler(args), 0);
    }
  }

  /** What a person typing into a cell does: the value Excel stores, and the tables' change events. */
  typeInto(sheetName: string, address: string, value: Scalar): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const rect = parseA1(address);
    enter(sheet.cell(rect.row, rect.column), value);
    this.cellsChanged(sheet, rect);
  }

  renameTable(table: TableModel, name: string): void {
    if (!TABLE_NAME.test(name)) throw new FakeRichApiError('InvalidArgument', `"${name}" is not a valid table name`);
    const other = this.table(name);
    if (other && other !== table) throw new FakeRichApiError('ItemAlreadyExists', `A table called ${name} already exists`);
    table.name = name;
  }
}
