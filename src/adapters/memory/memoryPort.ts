// The workbook port over the in-memory workbook, with the semantics the office.js
// adapter keeps: Excel refuses everything in cell-edit mode; a write first checks
// the Initiatives table's fingerprint and the owner of every sheet it replaces,
// writes all or nothing, keeps text as text, and never touches a user's cell.

import { outputKeyOf } from '../../engine/columns';
import { isColumnMappingTable } from '../../engine/columnMapping';
import { findFxRatesTable } from '../../engine/currency';
import { inputFingerprint } from '../../engine/fingerprint';
import type { Plan } from '../../engine/plan';
import { readSettings } from '../../engine/settings';
import type { Settings } from '../../engine/types';
import { a1, parseA1 } from '../../engine/address';
import { logRowUnder } from '../../layout/decisionLog';
import { layoutChanges } from '../../layout/layoutChanges';
import {
  CAPACITY_TABLE,
  DECISION_LOG_TABLE,
  INITIATIVES_TABLE,
  SCENARIOS_SHEET,
  SCENARIOS_TABLE,
  SCENARIO_OVERRIDES_TABLE,
  SETTINGS_SHEET,
  isAddinTable,
  settingsTableAmong,
  isOwnSheet,
  nextFreeSheetName,
} from '../../layout/names';
import type { ScenarioTables } from '../../engine/scenarios/readScenarios';
import { TEXT_FORMAT, type SheetLayout } from '../../layout/grid';
import { noRoadmapSheet } from '../../layout/roadmapSheet';
import { scenariosSheet, type ScenarioChange } from '../../layout/scenariosSheet';
import { planSettingsSheet, type PlanLayout } from '../../layout/planLayout';
import { settingsEdits, type SettingsEdits } from '../../layout/settingsEdits';
import { outputColumnIndices, placeOutputColumns, recordedOutputs, recordEdits, type OutputColumnPlacement } from '../../layout/ownedColumns';
import { COLUMN_MAPPING_TABLE, MAPPING_HEADERS, columnMappingBlock, columnMappingEdits, mappingColumnBeside, mappingRoomMessage } from '../../layout/columnMappingTable';
import type { ColumnMappingEntry } from '../../engine/read';
import { meaningColumn, settingsSheet } from '../../layout/settingsSheet';
import { sampleSheets } from '../../sample/sampleSheets';
import { changedProblem, DEFAULT_SHEET_NAMES, EDITING_MESSAGE, mergedOutputProblem, nameTakenProblem, noSuchTableMessage, protectedProblem, SAMPLE_REFUSED_MESSAGE, userColumnProblem } from '../../port/problems';
import {
  WorkbookProblemError,
  type RenamedSheet,
  type SheetRole,
  type TableInfo,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WriteOptions,
  type WriteOutcome,
} from '../../port/workbookPort';
import { setFormat, setValue, writeBlock } from './cells';
import {
  changed,
  findSheet,
  findTable,
  freeSheetName,
  getCell,
  putCell,
  restoreState,
  saveState,
  sheetOf,
  tablesOn,
  type MemoryTable,
  type MemoryWorkbook,
  type UserEdit,
} from './model';
import { inputChangeOf, writeOutputRuns, writeSheetChanges } from './liveWrites';
import { writeOutputColumns } from './outputs';
import { writeSheetLayout } from './sheets';
import { capacityTableAmong } from '../../layout/capacityTable';
import { inDateSystem1904 } from '../../layout/dateSystem';
import { appendRow, createTable, currentRegion, headersOf, rawTable, sortRows, withNumberFormats } from './tables';


export type MemoryPortOptions = {
  /** Delay added to every call, so the preview shows what a slow workbook feels like. */
  latencyMs?: number;
  /** How many initiatives "Insert sample portfolio" inserts: the sample's 25, or repeated copies to try the pane at scale. */
  sampleSize?: number;
};


/** The Column mapping and FX rates tables, found by name or headers among the tables besides the initiatives. */
function userTables(workbook: MemoryWorkbook, initiatives: MemoryTable | undefined): Pick<WorkbookSnapshot, 'columnMapping' | 'fxRates'> {
  const others = workbook.tables.filter((t) => t !== initiatives).map((t) => rawTable(workbook, t));
  const columnMapping = others.find((t) => isColumnMappingTable(t.name, t.headers));
  const fxRates = findFxRatesTable(others.filter((t) => t !== columnMapping), (t) => t.name, (t) => t.headers);
  return { ...(columnMapping ? { columnMapping } : {}), ...(fxRates ? { fxRates } : {}) };
}

/** The sheet columns the outputs go to: where the table already has them, else appended at its right in order. */
/** Sheet columns of the outputs, then of the resting columns (blanked): every column the write changes. */
function outputColumns(table: MemoryTable, placement: OutputColumnPlacement): number[] {
  let next = table.column + table.columns;
  return [...placement.existing.map((at) => (at === undefined ? next++ : table.column + at)), ...placement.resting.map((r) => table.column + r.index)];
}

function settingsTableOf(workbook: MemoryWorkbook): MemoryTable | undefined {
  return settingsTableAmong(workbook.tables, (t) => ({ name: t.name, sheet: t.sheet, headers: headersOf(workbook, t) }));
}

function currentSettings(workbook: MemoryWorkbook): Settings {
  const table = settingsTableOf(workbook);
  return readSettings(table ? rawTable(workbook, table) : undefined).settings;
}

function initiativesTableOf(workbook: MemoryWorkbook): MemoryTable | undefined {
  return findTable(workbook, currentSettings(workbook).initiativesTable);
}

/** The Capacity table (capacityTableAmong): the one named Capacity, else the one headed Team and Capacity. */
function capacityTableOf(workbook: MemoryWorkbook): MemoryTable | undefined {
  const initiatives = initiativesTableOf(workbook);
  return capacityTableAmong(workbook.tables, (t) => ({ name: t.name, sheet: t.sheet, headers: headersOf(workbook, t) }), initiatives?.name ?? INITIATIVES_TABLE);
}

const tableInfo = (workbook: MemoryWorkbook, t: MemoryTable): TableInfo => ({
  name: t.name,
  sheet: t.sheet,
  rows: t.rows - 1,
  columns: t.columns,
  headers: headersOf(workbook, t),
});


/** A sheet the write would replace or extend that belongs to the user. */
function takenSheet(workbook: MemoryWorkbook, names: string[]): string | undefined {
  return names.find((name) => {
    const sheet = findSheet(workbook, name);
    return sheet !== undefined && !isOwnSheet(getCell(sheet, 1, 0).value);
  });
}

/** The sheet called `name` if it is protected (Review > Protect Sheet): Excel would refuse to change it. */
function protectedSheet(workbook: MemoryWorkbook, name: string): string | undefined {
  const sheet = findSheet(workbook, name);
  return sheet?.protected ? sheet.name : undefined;
}

/** Refuses, before anything is changed, to rebuild or edit the sheet `name` when it is the user's own or protected. */
function checkMayChange(workbook: MemoryWorkbook, name: string, role?: SheetRole): void {
  const taken = takenSheet(workbook, [name]);
  if (taken) throw new WorkbookProblemError(nameTakenProblem(taken, role));
  const locked = protectedSheet(workbook, name);
  if (locked) throw new WorkbookProblemError(protectedProblem(locked));
}

function writeSettings(workbook: MemoryWorkbook, settings: Settings, sheetName = SETTINGS_SHEET): void {
  const table = settingsTableOf(workbook);
  if (!table) {
    checkMayChange(workbook, sheetName, 'settings');
    writeSheetLayout(workbook, settingsSheet(settings), sheetName);
    return;
  }
  const locked = protectedSheet(workbook, table.sheet);
  if (locked) throw new WorkbookProblemError(protectedProblem(locked));
  applySettingsEdits(workbook, table, settingsEdits(rawTable(workbook, table), settings, meaningBeside(workbook, table)));
}

/** The header-row cell where a settings table's What it means column would be (settingsEdits' `beside`). */
const meaningBeside = (workbook: MemoryWorkbook, table: MemoryTable) => getCell(sheetOf(workbook, table.sheet), table.row, table.column + meaningColumn(table.columns)).value;

function applySettingsEdits(workbook: MemoryWorkbook, table: MemoryTable, edits: SettingsEdits): void {
  const sheet = sheetOf(workbook, table.sheet);
  const valueColumn = table.column + headersOf(workbook, table).findIndex((h) => h.trim().toLowerCase() === 'value');
  for (const update of edits.updates) {
    setFormat(sheet, table.row + 1 + update.rowIndex, valueColumn, update.format);
    setValue(sheet, table.row + 1 + update.rowIndex, valueColumn, update.value);
  }
  for (const cells of edits.appended) {
    const at = appendRow(workbook, table);
    for (const cell of cells) writeBlock(sheet, at, table.column + cell.column, [[cell.value]], [[cell.format]]);
  }
}

/**
 * The Column mapping table edited as `columnMappingEdits` says; made beside the settings table when the
 * workbook has none, and with the settings sheet when that is missing too.
 */
function writeColumnMapping(workbook: MemoryWorkbook, entries: ColumnMappingEntry[]): void {
  const initiatives = initiativesTableOf(workbook);
  const mapping = workbook.tables.find((t) => t !== initiatives && isColumnMappingTable(t.name, headersOf(workbook, t)));
  if (mapping) {
    const edits = columnMappingEdits(rawTable(workbook, mapping), entries);
    const sheet = sheetOf(workbook, mapping.sheet);
    for (const update of edits.updates) writeBlock(sheet, mapping.row + 1 + update.rowIndex, mapping.column + edits.headerIndex, [[update.header]], [[TEXT_FORMAT]]);
    for (const entry of edits.appended) {
      const at = appendRow(workbook, mapping);
      writeBlock(sheet, at, mapping.column + edits.columnIndex, [[entry.column]], [[TEXT_FORMAT]]);
      writeBlock(sheet, at, mapping.column + edits.headerIndex, [[entry.header]], [[TEXT_FORMAT]]);
    }
    return;
  }
  const settings = settingsTableOf(workbook);
  if (!settings) {
    const taken = takenSheet(workbook, [SETTINGS_SHEET]);
    if (taken) throw new WorkbookProblemError(nameTakenProblem(taken, 'settings'));
    writeSheetLayout(workbook, settingsSheet(currentSettings(workbook), entries), SETTINGS_SHEET);
    return;
  }
  const block = columnMappingBlock(entries);
  const column = mappingColumnBeside(settings);
  const sheet = sheetOf(workbook, settings.sheet);
  for (let r = 0; r < block.values.length; r++) {
    for (let c = 0; c < MAPPING_HEADERS.length; c++) {
      if ((getCell(sheet, settings.row + r, column + c).value ?? '') !== '') throw new Error(mappingRoomMessage(settings.sheet, a1(settings.row, column)));
    }
  }
  writeBlock(sheet, settings.row, column, block.values, block.formats);
  createTable(workbook, { name: COLUMN_MAPPING_TABLE, sheet: settings.sheet, row: settings.row, column, rows: block.values.length, columns: MAPPING_HEADERS.length });
}

type SheetNames = Required<NonNullable<WriteOptions['sheetNames']>>;

function appendLog(workbook: MemoryWorkbook, layout: PlanLayout, names: SheetNames): void {
  const log = findSheet(workbook, names.decisionLog);
  const logTable = log && tablesOn(workbook, log.name).find((t) => t.name.toLowerCase().startsWith(DECISION_LOG_TABLE.toLowerCase()));
  if (!log || !logTable) writeSheetLayout(workbook, layout.decisionLogSheet, names.decisionLog);
  else {
    const at = appendRow(workbook, logTable);
    // Each value under its header: a log made before a column was added, or one the user rearranged, still lines up.
    const under = logRowUnder(headersOf(workbook, logTable), layout.logRow);
    const sheet = sheetOf(workbook, log.name);
    under.values.forEach((value, c) => {
      if (value === undefined) return;
      writeBlock(sheet, at, logTable.column + c, [[value]], [[under.formats[c] ?? null]]);
      putCell(sheet, at, logTable.column + c, { ...getCell(sheet, at, logTable.column + c), style: under.style });
    });
    if (under.height !== undefined) sheet.rowHeights = { ...sheet.rowHeights, [at]: under.height };
    // The footer names the latest run; a log made before page setups gets one.
    if (layout.decisionLogSheet.pageSetup) log.pageSetup = JSON.parse(JSON.stringify(layout.decisionLogSheet.pageSetup));
  }
}

function writePlan(workbook: MemoryWorkbook, table: MemoryTable, plan: Plan, layout: PlanLayout, names: SheetNames, options: WriteOptions, placement: OutputColumnPlacement, roadmap: SheetLayout | undefined): string[] {
  const changes = layoutChanges(options.previous, layout);
  if (changes.outputs === 'all' || !writeOutputRuns(workbook, table, changes.outputs)) writeOutputColumns(workbook, table, layout.outputs, placement);
  writeSheetChanges(workbook, changes.changeImpact, layout.changeImpact, names.changeImpact);
  const written = [table.sheet, names.changeImpact];
  if (options.log !== false) {
    appendLog(workbook, layout, names);
    written.push(names.decisionLog);
  }
  const settings = settingsTableOf(workbook);
  // The record of the output columns the prioritiser made: in the settings sheet it makes, or its table's own row.
  if (settings && !protectedSheet(workbook, settings.sheet)) applySettingsEdits(workbook, settings, recordEdits(rawTable(workbook, settings), placement.record, meaningBeside(workbook, settings)));
  else if (!findSheet(workbook, names.settings)) {
    writeSheetLayout(workbook, planSettingsSheet(plan, placement.record), names.settings);
    written.push(names.settings);
  }
  if (roadmap) {
    writeSheetLayout(workbook, roadmap, names.roadmap);
    written.push(names.roadmap);
  }
  return written;
}

const totalWrites = (workbook: MemoryWorkbook): number => workbook.sheets.reduce((n, sheet) => n + (sheet.writes ?? 0), 0);
function scenarioTables(workbook: MemoryWorkbook): ScenarioTables {
  const read = (name: string) => {
    const table = findTable(workbook, name);
    return table && rawTable(workbook, table);
  };
  return { scenarios: read(SCENARIOS_TABLE), overrides: read(SCENARIO_OVERRIDES_TABLE) };
}

/** The Scenarios sheet rebuilt with `change`: on the sheet that holds the scenarios table, else on a sheet called Scenarios. */
function changeScenarios(workbook: MemoryWorkbook, change: ScenarioChange): void {
  const existing = scenarioTables(workbook);
  const name = existing.scenarios?.sheet ?? existing.overrides?.sheet ?? SCENARIOS_SHEET;
  checkMayChange(workbook, name);
  // The two tables may sit on another sheet of ours: they move to the one rebuilt.
  workbook.tables = workbook.tables.filter((t) => t.name.toLowerCase() !== SCENARIOS_TABLE.toLowerCase() && t.name.toLowerCase() !== SCENARIO_OVERRIDES_TABLE.toLowerCase());
  writeSheetLayout(workbook, scenariosSheet(existing, change, name), name);
}

function writeOwnSheet(workbook: MemoryWorkbook, layout: SheetLayout): string {
  checkMayChange(workbook, layout.name);
  return writeSheetLayout(workbook, layout).name;
}

export function memoryPort(workbook: MemoryWorkbook, options: MemoryPortOptions = {}): WorkbookPort {
  const latency = () => (options.latencyMs ? new Promise((resolve) => setTimeout(resolve, options.latencyMs)) : Promise.resolve());

  /** Every call waits like a real round trip, and fails as Excel does while a cell is being edited. */
  async function call<T>(work: () => T, mutates = true): Promise<T> {
    await latency();
    if (workbook.editing) throw new WorkbookProblemError({ kind: 'editing', message: EDITING_MESSAGE });
    const saved = mutates ? saveState(workbook) : undefined;
    try {
      const result = work();
      if (mutates) changed(workbook);
      return result;
    } catch (error) {
      if (saved) restoreState(workbook, saved);
      throw error;
    }
  }

  return {
    read: () =>
      call((): WorkbookSnapshot => {
        const settingsTable = settingsTableOf(workbook);
        const initiativesTable = initiativesTableOf(workbook);
        const capacityTable = capacityTableOf(workbook);
        const initiatives = initiativesTable && withNumberFormats(workbook, initiativesTable, rawTable(workbook, initiativesTable));
        return {
          initiatives,
          capacity: capacityTable && rawTable(workbook, capacityTable),
          settings: settingsTable && rawTable(workbook, settingsTable),
          fingerprint: initiatives ? inputFingerprint(initiatives) : '',
          tables: workbook.tables.filter((t) => t !== initiativesTable && t !== settingsTable && !isAddinTable(t.name)).map((t) => tableInfo(workbook, t)),
          scenarios: scenarioTables(workbook),
          ...userTables(workbook, initiativesTable),
        };
      }, false),

    async write(plan: Plan, planLayout: PlanLayout, expectedFingerprint: string, givenOptions: WriteOptions = {}): Promise<WriteOutcome> {
      // A date is stored as its serial number: in a 1904 workbook it is shifted to show the same date, as Excel's would.
      const layout = workbook.date1904 ? inDateSystem1904(planLayout) : planLayout;
      const writeOptions = workbook.date1904 && givenOptions.previous ? { ...givenOptions, previous: inDateSystem1904(givenOptions.previous) } : givenOptions;
      await latency();
      if (workbook.editing) return { ok: false, problem: { kind: 'editing', message: EDITING_MESSAGE } };
      const coAuthor = workbook.beforeNextWrite;
      workbook.beforeNextWrite = undefined;
      coAuthor?.(workbook);
      const table = plan.table && findTable(workbook, plan.table.name);
      if (!table || inputFingerprint(rawTable(workbook, table)) !== expectedFingerprint) {
        return { ok: false, problem: changedProblem() };
      }
      const lockedTable = protectedSheet(workbook, table.sheet);
      if (lockedTable) return { ok: false, problem: protectedProblem(lockedTable) };
      const settingsTable = settingsTableOf(workbook);
      const placement = placeOutputColumns(headersOf(workbook, table), layout.outputs, recordedOutputs(settingsTable && rawTable(workbook, settingsTable)), writeOptions.userColumns);
      if ('userColumns' in placement) return { ok: false, problem: userColumnProblem(rawTable(workbook, table), placement.userColumns) };
      const merged = mergedOutputProblem(table.sheet, sheetOf(workbook, table.sheet).merges ?? [], { top: table.row, bottom: table.row + table.rows - 1 }, outputColumns(table, placement), [...placement.headers, ...placement.resting.map((r) => r.header)]);
      if (merged) return { ok: false, problem: merged };
      const names = { ...DEFAULT_SHEET_NAMES, ...writeOptions.sheetNames };
      const renamed: RenamedSheet[] = [];
      // The settings sheet is only made when there is no settings table.
      // Without horizons, the product's own Roadmap sheet of an earlier run is cleared (noRoadmapSheet); a user's is no concern.
      const ownRoadmap = findSheet(workbook, names.roadmap) !== undefined && !takenSheet(workbook, [names.roadmap]);
      const roadmap = layout.roadmap ?? (ownRoadmap ? noRoadmapSheet(plan) : undefined);
      const roles: SheetRole[] = [...(settingsTableOf(workbook) ? (['changeImpact', 'decisionLog'] as const) : (['changeImpact', 'decisionLog', 'settings'] as const)), ...(roadmap ? (['roadmap'] as const) : [])];
      for (const role of roles) {
        const wanted = names[role];
        if (takenSheet(workbook, [wanted])) {
          if (writeOptions.whenNameTaken !== 'next-free') return { ok: false, problem: nameTakenProblem(wanted, role) };
          names[role] = nextFreeSheetName(wanted, (name) => !takenSheet(workbook, [name]));
          renamed.push({ wanted, used: names[role] });
        }
        const locked = protectedSheet(workbook, names[role]);
        if (locked) return { ok: false, problem: protectedProblem(locked) };
      }
      const saved = saveState(workbook);
      const writesBefore = totalWrites(workbook);
      try {
        const sheetsWritten = writePlan(workbook, table, plan, layout, names, writeOptions, placement, roadmap);
        changed(workbook);
        return { ok: true, sheetsWritten, ...(renamed.length > 0 ? { renamed } : {}), cellsWritten: totalWrites(workbook) - writesBefore };
      } catch (error) {
        restoreState(workbook, saved);
        throw error;
      }
    },

    saveSettings: (settings: Settings) => call(() => writeSettings(workbook, settings)),

    saveColumnMapping: (entries: ColumnMappingEntry[]) => call(() => writeColumnMapping(workbook, entries)),

    insertSample: () =>
      call(() => {
        if (findTable(workbook, INITIATIVES_TABLE)) throw new Error(SAMPLE_REFUSED_MESSAGE);
        const sheets = sampleSheets({ initiatives: freeSheetName(workbook, 'Portfolio'), capacity: freeSheetName(workbook, 'Capacity') }, options.sampleSize);
        const portfolio = writeSheetLayout(workbook, sheets.initiatives);
        if (!findTable(workbook, CAPACITY_TABLE)) writeSheetLayout(workbook, sheets.capacity);
        const settings = currentSettings(workbook);
        if (settingsTableOf(workbook) && settings.initiativesTable !== INITIATIVES_TABLE) {
          writeSettings(workbook, { ...settings, initiativesTable: INITIATIVES_TABLE });
        }
        workbook.activeSheet = portfolio.name;
        workbook.selection = { sheet: portfolio.name, row: 0, column: 0, rows: 1, columns: 1 };
      }),

    createTableFromSelection: () =>
      call(() => {
        if (findTable(workbook, INITIATIVES_TABLE)) return { ok: false as const, message: 'This workbook already has an Initiatives table.' };
        const { sheet: sheetName, ...picked } = workbook.selection;
        const range = picked.rows === 1 && picked.columns === 1 ? currentRegion(workbook, sheetName, picked.row, picked.column) : picked;
        if (range.rows < 2) {
          return { ok: false as const, message: 'Select the header row and at least one row of initiatives below it, then try again.' };
        }
        const sheet = sheetOf(workbook, sheetName);
        const headers = Array.from({ length: range.columns }, (_, c) => String(getCell(sheet, range.row, range.column + c).value).trim());
        const blank = headers.findIndex((h) => h === '');
        if (blank >= 0) {
          return { ok: false as const, message: `The header cell ${a1(range.row, range.column + blank)} is blank; give every column a header first.` };
        }
        const repeated = headers.findIndex((h, i) => headers.findIndex((x) => x.toLowerCase() === h.toLowerCase()) !== i);
        if (repeated >= 0) {
          return { ok: false as const, message: `The header "${headers[repeated]}" appears twice; give every column its own header first.` };
        }
        const clash = tablesOn(workbook, sheetName).find(
          (t) => t.row < range.row + range.rows && range.row < t.row + t.rows && t.column < range.column + range.columns && range.column < t.column + t.columns,
        );
        if (clash) return { ok: false as const, message: `The selection overlaps table ${clash.name}; choose that table instead.` };
        createTable(workbook, { name: INITIATIVES_TABLE, sheet: sheet.name, ...range });
        const settings = currentSettings(workbook);
        if (settingsTableOf(workbook) && settings.initiativesTable !== INITIATIVES_TABLE) {
          writeSettings(workbook, { ...settings, initiativesTable: INITIATIVES_TABLE });
        }
        return { ok: true as const };
      }),

    useTable: (name: string) =>
      call(() => {
        const table = findTable(workbook, name);
        if (!table) throw new Error(noSuchTableMessage(name));
        writeSettings(workbook, { ...currentSettings(workbook), initiativesTable: table.name });
      }),

    selectCell: (sheetName: string, cell: string) =>
      call(() => {
        const sheet = sheetOf(workbook, sheetName);
        const { row, column } = parseA1(cell);
        workbook.activeSheet = sheet.name;
        workbook.selection = { sheet: sheet.name, row, column, rows: 1, columns: 1 };
      }),

    sortByPriority: () =>
      call(() => {
        const table = initiativesTableOf(workbook);
        if (!table) throw new Error('There is no Initiatives table to sort.');
        const column = outputColumnIndices(headersOf(workbook, table), outputKeyOf).get('priority') ?? -1;
        if (column < 0) throw new Error('The table has no Priority column yet: run the plan first, then sort.');
        sortRows(workbook, table, (row) => (typeof row[column] === 'number' ? (row[column] as number) : Number.POSITIVE_INFINITY));
      }),

    onInputsChanged(listener) {
      // Only the user's typing reaches the edit listeners: the port's own writes never do, so nothing loops.
      const hear = (edit: UserEdit) => {
        const scenarios = [findTable(workbook, SCENARIOS_TABLE), findTable(workbook, SCENARIO_OVERRIDES_TABLE)].filter((t): t is MemoryTable => t !== undefined);
        const initiatives = initiativesTableOf(workbook);
        const others = workbook.tables.filter((t) => t !== initiatives);
        const columnMapping = others.find((t) => isColumnMappingTable(t.name, headersOf(workbook, t)));
        const fxRates = findFxRatesTable(others.filter((t) => t !== columnMapping), (t) => t.name, (t) => headersOf(workbook, t));
        const tables = { initiatives, capacity: capacityTableOf(workbook), settings: settingsTableOf(workbook), scenarios, fxRates, columnMapping };
        const change = inputChangeOf(workbook, edit, tables);
        if (change) listener(change);
      };
      workbook.editListeners.add(hear);
      return () => workbook.editListeners.delete(hear);
    },
    changeScenarios: (change: ScenarioChange) => call(() => changeScenarios(workbook, change)),

    writeScenarioComparison: (layout: SheetLayout) => call(() => writeOwnSheet(workbook, layout)),
  };
}
