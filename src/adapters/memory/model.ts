// A faithful in-memory model of the parts of an Excel workbook the add-in uses:
// sheets of cells (value, number format, style), tables, conditional formats and
// charts as data, the selection, and whether a cell is being edited. The memory
// port implements the workbook port over it; the preview draws it as a grid.

import { nextFreeSheetName } from '../../layout/names';
import type { CellValue } from '../../engine/types';
import type { CellStyle, ChartSpec, HighlightRule } from '../../layout/grid';
import type { PageSetup } from '../../layout/pageSetup';
import type { MergedBlock } from '../../port/problems';

export type MemoryCell = {
  /** What the cell shows; for a formula, the value Excel last calculated ("#NAME?" here: nothing is evaluated). */
  value: CellValue;
  /** Set when Excel would have taken the written text as a formula. */
  formula?: string;
  /** Number format; null is General. */
  format: string | null;
  style?: CellStyle;
};

/** A conditional format over one column block; `owner` tags the rules the add-in made, so a re-run replaces them. */
export type MemoryConditionalFormat = { row: number; column: number; rows: number; rules: HighlightRule[]; owner?: string };

export type MemorySheet = {
  name: string;
  /** Rows of cells; a missing cell is blank with the General format. */
  grid: (MemoryCell | undefined)[][];
  /** Column widths in characters, by column index. */
  widths: Record<number, number>;
  freezeRows: number;
  /** Row heights in points, by row index, where a row is taller than the default. */
  rowHeights?: Record<number, number>;
  conditionalFormats: MemoryConditionalFormat[];
  charts: ChartSpec[];
  /** How the sheet prints: set on the add-in's sheets only, a user's sheet keeps Excel's defaults. */
  pageSetup?: PageSetup;
  /** Cells whose value was set since the sheet was made: how tests see that a live re-run wrote only what changed. */
  writes?: number;
  /** Review > Protect Sheet is on: Excel refuses every change to the sheet's cells, so the port writes nothing there. */
  protected?: boolean;
  /** Blocks of merged cells (Home > Merge & Center), zero-based and inclusive. */
  merges?: MergedBlock[];
};

/** An Excel table: its header row is the first of `rows`. */
export type MemoryTable = { name: string; sheet: string; row: number; column: number; rows: number; columns: number };

/** A cell the user changed by typing or clearing it. */
export type UserEdit = { sheet: string; row: number; column: number };

export type Selection = { sheet: string; row: number; column: number; rows: number; columns: number };

export type MemoryWorkbook = {
  sheets: MemorySheet[];
  tables: MemoryTable[];
  activeSheet: string;
  selection: Selection;
  /** True while the user types in a cell: Excel refuses every API call then. */
  editing: boolean;
  /** Bumped on every change, so a view can tell it must redraw. */
  version: number;
  listeners: Set<() => void>;
  /** Told of every cell the person at the keyboard changes (userActions), never of the ports' writes. */
  editListeners: Set<(edit: UserEdit) => void>;
  /** Runs once just before the next write checks its fingerprint: how tests play a co-author. */
  beforeNextWrite?: (workbook: MemoryWorkbook) => void;
  /** The workbook counts its dates from 1904 (old Mac workbooks): its serial numbers are 1,462 days short. */
  date1904?: boolean;
};

export const BLANK_CELL: MemoryCell = Object.freeze({ value: '', format: null }) as MemoryCell;

export function createWorkbook(sheetNames: string[] = ['Sheet1']): MemoryWorkbook {
  const first = sheetNames[0] ?? 'Sheet1';
  return {
    sheets: sheetNames.map(emptySheet),
    tables: [],
    activeSheet: first,
    selection: { sheet: first, row: 0, column: 0, rows: 1, columns: 1 },
    editing: false,
    version: 0,
    listeners: new Set(),
    editListeners: new Set(),
  };
}

export const emptySheet = (name: string): MemorySheet => ({ name, grid: [], widths: {}, freezeRows: 0, conditionalFormats: [], charts: [] });

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Sheet and table names are case-insensitive in Excel. */
export const findSheet = (workbook: MemoryWorkbook, name: string): MemorySheet | undefined =>
  workbook.sheets.find((s) => sameName(s.name, name));

export const findTable = (workbook: MemoryWorkbook, name: string): MemoryTable | undefined =>
  workbook.tables.find((t) => sameName(t.name, name));

export function sheetOf(workbook: MemoryWorkbook, name: string): MemorySheet {
  const sheet = findSheet(workbook, name);
  if (!sheet) throw new Error(`There is no sheet named ${name}.`);
  return sheet;
}

export function addSheet(workbook: MemoryWorkbook, name: string): MemorySheet {
  if (findSheet(workbook, name)) throw new Error(`A sheet named ${name} already exists.`);
  const sheet = emptySheet(name);
  workbook.sheets.push(sheet);
  return sheet;
}

export function removeSheet(workbook: MemoryWorkbook, name: string): void {
  workbook.sheets = workbook.sheets.filter((s) => !sameName(s.name, name));
  workbook.tables = workbook.tables.filter((t) => !sameName(t.sheet, name));
  if (sameName(workbook.activeSheet, name)) {
    workbook.activeSheet = workbook.sheets[0]?.name ?? '';
    workbook.selection = { sheet: workbook.activeSheet, row: 0, column: 0, rows: 1, columns: 1 };
  }
}

/** A sheet name not used yet: `base`, else "base (2)", "base (3)"... */
export function freeSheetName(workbook: MemoryWorkbook, base: string): string {
  const free = (name: string) => !findSheet(workbook, name);
  return free(base) ? base : nextFreeSheetName(base, free);
}

export const getCell = (sheet: MemorySheet, row: number, column: number): MemoryCell => sheet.grid[row]?.[column] ?? BLANK_CELL;

export function putCell(sheet: MemorySheet, row: number, column: number, cell: MemoryCell): void {
  const line = (sheet.grid[row] ??= []);
  line[column] = cell;
}

/** Rows and columns in use: one past the last non-blank cell (or formatted cell) in each direction. */
export function usedSize(sheet: MemorySheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.grid.forEach((line, r) => {
    line?.forEach((cell, c) => {
      if (cell && (cell.value !== '' || cell.format !== null || cell.style)) {
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      }
    });
  });
  return { rows, columns };
}

export const tablesOn = (workbook: MemoryWorkbook, sheet: string): MemoryTable[] => workbook.tables.filter((t) => sameName(t.sheet, sheet));

/** Tell views the workbook changed. */
export function changed(workbook: MemoryWorkbook): void {
  workbook.version++;
  for (const listener of workbook.listeners) listener();
}

export function subscribe(workbook: MemoryWorkbook, listener: () => void): () => void {
  workbook.listeners.add(listener);
  return () => workbook.listeners.delete(listener);
}

type State = Omit<MemoryWorkbook, 'listeners' | 'editListeners' | 'beforeNextWrite'>;

const cloneSheet = (sheet: MemorySheet): MemorySheet => ({
  ...sheet,
  grid: sheet.grid.map((line) => line && line.map((cell) => cell && { ...cell })),
  widths: { ...sheet.widths },
  ...(sheet.rowHeights ? { rowHeights: { ...sheet.rowHeights } } : {}),
  conditionalFormats: sheet.conditionalFormats.map((f) => ({ ...f, rules: f.rules.map((r) => ({ ...r })) })),
  charts: sheet.charts.map((c) => structuredCopy(c)),
  ...(sheet.pageSetup ? { pageSetup: structuredCopy(sheet.pageSetup) } : {}),
  ...(sheet.merges ? { merges: sheet.merges.map((m) => ({ ...m })) } : {}),
});

// Charts are small trees of plain data; JSON keeps them exactly.
const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A deep copy of everything but the listeners: what a failed write restores. */
export function saveState(workbook: MemoryWorkbook): State {
  return {
    sheets: workbook.sheets.map(cloneSheet),
    tables: workbook.tables.map((t) => ({ ...t })),
    activeSheet: workbook.activeSheet,
    selection: { ...workbook.selection },
    editing: workbook.editing,
    version: workbook.version,
  };
}

export function restoreState(workbook: MemoryWorkbook, state: State): void {
  const copy = { ...state, sheets: state.sheets.map(cloneSheet), tables: state.tables.map((t) => ({ ...t })) };
  Object.assign(workbook, copy);
}
