// The one port between the task pane (or command line) and a workbook. The
// office.js adapter, the exceljs adapter and the in-memory workbook implement it.

import type { Plan } from '../engine/plan';
import type { RawTable, Settings } from '../engine/types';
import type { PlanLayout } from '../layout/planLayout';

export type TableInfo = { name: string; sheet: string; rows: number; columns: number; headers: string[] };

/** What a run needs from the workbook, read in one go. */
export type WorkbookSnapshot = {
  initiatives: RawTable | undefined;
  capacity: RawTable | undefined;
  settings: RawTable | undefined;
  /** Fingerprint of the Initiatives table's inputs when read; a write checks it first. */
  fingerprint: string;
  /** Other tables in the workbook, for "pick another table". */
  tables: TableInfo[];
};

export type WriteProblem =
  /** The table changed since it was read (a co-author, a sort): nothing was written; run again. */
  | { kind: 'changed'; message: string }
  /** A sheet the add-in needs is taken by one of the user's own sheets: ask for another name. */
  | { kind: 'name-taken'; sheet: string; message: string }
  /** Excel is in cell-edit mode: retry when the user leaves the cell. */
  | { kind: 'editing'; message: string }
  | { kind: 'unsupported'; message: string };

/** A sheet written under another name because the user already has a sheet called `wanted`. */
export type RenamedSheet = { wanted: string; used: string };

export type WriteOutcome = { ok: true; sheetsWritten: string[]; renamed?: RenamedSheet[] } | { ok: false; problem: WriteProblem };

export type WriteOptions = {
  /** Names to use instead of the defaults when the user agreed to another name for a taken sheet. */
  sheetNames?: Partial<Record<'changeImpact' | 'decisionLog' | 'settings', string>>;
  /**
   * When one of those names is taken by a sheet the user made: 'ask' (the default) writes nothing
   * and reports `name-taken`, so the pane can ask; 'next-free' writes to "Change impact (2)" (the
   * first free or own name) and lists it in `renamed`, for the command line, which cannot ask.
   */
  whenNameTaken?: 'ask' | 'next-free';
};

export type WorkbookPort = {
  read(): Promise<WorkbookSnapshot>;
  /** Writes the plan's outputs if the Initiatives table still matches `expectedFingerprint`; otherwise writes nothing. */
  write(plan: Plan, layout: PlanLayout, expectedFingerprint: string, options?: WriteOptions): Promise<WriteOutcome>;
  saveSettings(settings: Settings): Promise<void>;
  /** Insert the sample portfolio (Initiatives and Capacity tables) on new sheets. */
  insertSample(): Promise<void>;
  /** Turn the selected range, with its header row, into the Initiatives table. */
  createTableFromSelection(): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Use another existing table as the Initiatives table (remembered in the settings sheet). */
  useTable(name: string): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Sort the Initiatives table's whole rows by Priority (1 first). */
  sortByPriority(): Promise<void>;
};
