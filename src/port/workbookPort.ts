// The one port between the task pane (or command line) and a workbook. The
// office.js adapter, the exceljs adapter and the in-memory workbook implement it.

import type { Plan } from '../engine/plan';
import type { ColumnMappingEntry } from '../engine/read';
import type { RawTable, Settings } from '../engine/types';
import type { ScenarioTables } from '../engine/scenarios/readScenarios';
import type { SheetLayout } from '../layout/grid';
import type { PlanLayout } from '../layout/planLayout';
import type { ScenarioChange } from '../layout/scenariosSheet';
import type { UserColumn, UserColumnChoice } from '../layout/ownedColumns';

export type TableInfo = { name: string; sheet: string; rows: number; columns: number; headers: string[] };

/** What a run needs from the workbook, read in one go. */
export type WorkbookSnapshot = {
  /** The output columns' cells may read as blank: they are the add-in's own and rewritten on every run. */
  initiatives: RawTable | undefined;
  capacity: RawTable | undefined;
  settings: RawTable | undefined;
  /** Fingerprint of the Initiatives table's inputs when read; a write checks it first. */
  fingerprint: string;
  /**
   * The user's tables besides the one read as `initiatives`: every table in the workbook but that one and
   * the add-in's own (`isAddinTable`: its settings, Decision log and scenario tables). For "pick another
   * table" and for saying what a workbook without an Initiatives table holds.
   */
  tables: TableInfo[];
  /** The Scenarios sheet's two tables (found by name wherever they are); absent in an adapter that does not read them. */
  scenarios?: ScenarioTables;
  /** The Column mapping table (isColumnMappingTable), when the workbook has one. */
  columnMapping?: RawTable;
  /** The FX rates table (isFxRatesTable), when the workbook has one. */
  fxRates?: RawTable;
};

/** The sheets the add-in makes, each of which the user may ask to call something else. */
export type SheetRole = 'changeImpact' | 'decisionLog' | 'settings' | 'roadmap';

export type WriteProblem =
  /** The table changed since it was read (a co-author, a sort): nothing was written; run again. */
  | { kind: 'changed'; message: string }
  /** A sheet the add-in needs is taken by one of the user's own sheets: ask for another name. */
  | { kind: 'name-taken'; sheet: string; role?: SheetRole; message: string }
  /** A sheet the add-in must write to is protected: nothing was written; unprotect it and run again. */
  | { kind: 'protected'; sheet: string; message: string }
  /**
   * The table has columns of the user's own headed like output columns (a Priority of High/Medium/Low):
   * nothing was written; ask whether to use them or write the prioritiser's beside them (WriteOptions.userColumns).
   */
  | { kind: 'user-column'; sheet: string; table: string; columns: (UserColumn & { cell: string })[]; message: string }
  /** Excel is in cell-edit mode: retry when the user leaves the cell. */
  | { kind: 'editing'; message: string }
  | { kind: 'unsupported'; message: string };

/**
 * Thrown by `read` and every operation but `write` when Excel refuses it for a reason the pane can act on:
 * cell-edit mode (retry when the user leaves the cell) or a sheet name taken by the user's own sheet.
 * `write` returns the same problems as values instead.
 */
export class WorkbookProblemError extends Error {
  constructor(readonly problem: WriteProblem) {
    super(problem.message);
    this.name = 'WorkbookProblemError';
  }
}

/** A sheet written under another name because the user already has a sheet called `wanted`. */
export type RenamedSheet = { wanted: string; used: string };

export type WriteOutcome =
  | {
      ok: true;
      sheetsWritten: string[];
      renamed?: RenamedSheet[];
      /** Cells written (a rebuilt sheet counts every cell): how a live re-run shows it wrote only what changed. */
      cellsWritten?: number;
      /** What the user should know about how it was written (an Excel too old to set how the sheets print), said once per session. */
      notes?: string[];
    }
  | { ok: false; problem: WriteProblem };

export type WriteOptions = {
  /** Names to use instead of the defaults when the user agreed to another name for a taken sheet. */
  sheetNames?: Partial<Record<SheetRole, string>>;
  /**
   * The layout this port wrote last, for a live re-run: only the output cells and Change impact cells
   * that differ from it are written (layoutChanges). The caller vouches that nothing but the add-in's own
   * writes changed those cells since, and drops it after a sort or any command other than a write.
   */
  previous?: PlanLayout;
  /** Append the run to the Decision log (default true). Live re-runs leave it out: one row per keystroke would bury the log. */
  log?: boolean;
  /**
   * When one of those names is taken by a sheet the user made: 'ask' (the default) writes nothing
   * and reports `name-taken`, so the pane can ask; 'next-free' writes to "Change impact (2)" (the
   * first free or own name) and lists it in `renamed`, for the command line, which cannot ask.
   */
  whenNameTaken?: 'ask' | 'next-free';
  /**
   * A column of the user's headed like an output column (placeOutputColumns): 'ask' (the default) writes
   * nothing and reports `user-column`; 'use' writes into it; 'beside' writes "Priority (prioritiser)".
   */
  userColumns?: UserColumnChoice;
};

/**
 * Which of the inputs the user changed: the table of initiatives (its input columns), the Capacity table, the
 * settings table, one of the Scenarios sheet's two tables (the overrides of the scenario in force plan), or
 * the FX rates or Column mapping table.
 */
export type InputsChange = { table: 'initiatives' | 'capacity' | 'settings' | 'scenarios' | 'fx-rates' | 'column-mapping' };

/**
 * Every call but `write` rejects with a WorkbookProblemError of kind 'editing' while Excel is in
 * cell-edit mode (the pane waits and retries); `write` returns that problem instead. The in-memory
 * adapter (src/adapters/memory) is the reference for these semantics and its tests spell them out.
 */
export type WorkbookPort = {
  /** The Initiatives table named in the settings (default "Initiatives"), the Capacity and settings tables, and every table's name. */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Writes the plan's outputs if the Initiatives table still matches `expectedFingerprint` (inputs only, output
   * columns ignored); otherwise writes nothing. All or nothing; text in the Text format before it is written.
   */
  write(plan: Plan, layout: PlanLayout, expectedFingerprint: string, options?: WriteOptions): Promise<WriteOutcome>;
  /**
   * Creates the settings sheet when absent, else edits its Setting/Value table as `settingsEdits` says.
   * Rejects with a 'name-taken' WorkbookProblemError when a user's own sheet has the settings sheet's name.
   */
  saveSettings(settings: Settings): Promise<void>;
  /**
   * Writes which header each of these contract columns reads (blank: none) into the Column mapping table:
   * a column's row updated in place, a new one appended (`columnMappingEdits`). Without that table it is made
   * beside the settings table (`mappingColumnBeside`), refused when those cells hold something; without a
   * settings table either, the settings sheet is made with it (rejecting with 'name-taken' like saveSettings).
   */
  saveColumnMapping(entries: ColumnMappingEntry[]): Promise<void>;
  /** Insert the sample portfolio (Initiatives and Capacity tables) on new sheets, as `sampleSheets` lays them out. Rejects if an Initiatives table exists. */
  insertSample(): Promise<void>;
  /** Turn the selected range, with its header row, into the Initiatives table (one selected cell: its current region). */
  createTableFromSelection(): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Use another existing table as the Initiatives table (remembered in the settings sheet). */
  useTable(name: string): Promise<void>;
  /** Show `sheet` with `cell` ("G4") selected. Besides insertSample, which shows the sheet it adds, nothing else moves the selection. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Sort the Initiatives table's whole rows by Priority (1 first, blanks last). Rejects when there is no Priority column yet. */
  sortByPriority(): Promise<void>;
  /**
   * Live mode: `listener` hears of the user's edits to the inputs (the Initiatives table's input columns, the
   * Capacity table, the settings table), never of the add-in's own writes (output columns, its own sheets, and
   * whatever happens while one of its commands is under way). Returns the unsubscribe. Optional: a port with no
   * change events (a file on disk) leaves it out, and the pane offers no live mode.
   */
  onInputsChanged?(listener: (change: InputsChange) => void): () => void;
  /**
   * Saves or deletes one scenario on the Scenarios sheet (made when absent): the sheet is rebuilt from what its
   * two tables held plus this change (`scenariosSheet`). Rejects with a 'name-taken' WorkbookProblemError when
   * a sheet called Scenarios, or the sheet holding the scenarios table, is the user's own.
   */
  changeScenarios(change: ScenarioChange): Promise<void>;
  /**
   * Writes the Scenario comparison sheet from its layout, rebuilding the add-in's own sheet of that name.
   * Rejects with a 'name-taken' WorkbookProblemError when the user's own sheet has the name. Resolves to the sheet's name.
   */
  writeScenarioComparison(layout: SheetLayout): Promise<string>;
};
