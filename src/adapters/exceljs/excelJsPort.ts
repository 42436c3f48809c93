// The workbook port over an exceljs Workbook held in memory: what the command
// line uses on a .xlsx file. A write checks everything first (the table is the
// one that was read, the output columns have room, the sheet names are ours)
// and only then changes the workbook; saving it is the caller's step.

import type ExcelJS from 'exceljs';
import { readSettings } from '../../engine/settings';
import type { Plan } from '../../engine/plan';
import type { RawTable, Settings } from '../../engine/types';
import type { SheetLayout } from '../../layout/grid';
import {
  DECISION_LOG_TABLE,
  INITIATIVES_TABLE,
  isAddinTable,
  SCENARIOS_SHEET,
  SCENARIOS_TABLE,
  SCENARIO_OVERRIDES_TABLE,
  SETTINGS_SHEET,
  settingsTableAmong,
} from '../../layout/names';
import type { ScenarioTables } from '../../engine/scenarios/readScenarios';
import { scenariosSheet, type ScenarioChange } from '../../layout/scenariosSheet';
import { changedProblem, DEFAULT_SHEET_NAMES, nameTakenProblem, noSuchTableMessage, protectedProblem, SAMPLE_REFUSED_MESSAGE, userColumnProblem } from '../../port/problems';
import { WorkbookProblemError, type SheetRole } from '../../port/workbookPort';
import { planSettingsSheet, type PlanLayout } from '../../layout/planLayout';
import { settingsSheet } from '../../layout/settingsSheet';
import { logRowUnder } from '../../layout/decisionLog';
import { inDateSystem1904 } from '../../layout/dateSystem';
import { CELL_STYLES } from './styles';
import { toCellValue } from './cellValue';
import type { RenamedSheet, TableInfo, WorkbookPort, WorkbookSnapshot, WriteOptions, WriteOutcome } from '../../port/workbookPort';
import { isDate1904, readTable } from './readTable';
import { isColumnMappingTable } from '../../engine/columnMapping';
import { findFxRatesTable } from '../../engine/currency';
import { inputFingerprint } from '../../engine/fingerprint';
import { insertSampleSheets } from './sampleWorkbook';
import { applySettingsEdits, meaningHeaderBeside, saveSettingsTable } from './settingsTable';
import { placeOutputColumns, recordedOutputs, recordEdits } from '../../layout/ownedColumns';
import { addMappingTable, editMappingTable, mappingTableOf } from './columnMappingTable';
import type { ColumnMappingEntry } from '../../engine/read';
import { noRoadmapSheet } from '../../layout/roadmapSheet';
import { capacityTableAmong } from '../../layout/capacityTable';
import { freeTableName, isOurs, isProtected, replaceSheet, sheetNameFor, sheetNamed } from './sheets';
import { allTables, findTable, resizeTable, tableGeometry, tablesOn, type TableHandle } from './tables';
import { placeOutputs, writeOutputs } from './writeOutputColumns';
import { setPageSetup, writeRow, writeSheet } from './writeSheet';


/** The settings table (settingsTableAmong): by its name, or by its sheet and its Setting and Value columns. */
const aboutHandle = (t: TableHandle) => ({ name: t.model.name, sheet: t.worksheet.name, headers: t.model.columns.map((c) => c.name) });

const settingsTableOf = (workbook: ExcelJS.Workbook): TableHandle | undefined => settingsTableAmong(allTables(workbook), aboutHandle);

function readSettingsTable(workbook: ExcelJS.Workbook): RawTable | undefined {
  const table = settingsTableOf(workbook);
  return table && readTable(table);
}

/** The Column mapping and FX rates tables, found by name or headers among the tables besides the initiatives. */
function userTables(workbook: ExcelJS.Workbook, initiatives: TableHandle | undefined): Pick<WorkbookSnapshot, 'columnMapping' | 'fxRates'> {
  const others = allTables(workbook).filter((t) => t.model !== initiatives?.model);
  const mappingHandle = others.find((t) => isColumnMappingTable(t.model.name, t.model.columns.map((c) => c.name)));
  const fxHandle = findFxRatesTable(others.filter((t) => t !== mappingHandle), (t) => t.model.name, (t) => t.model.columns.map((c) => c.name));
  const columnMapping = mappingHandle && readTable(mappingHandle);
  const fxRates = fxHandle && readTable(fxHandle);
  return { ...(columnMapping ? { columnMapping } : {}), ...(fxRates ? { fxRates } : {}) };
}

/** The table named in the settings (when the user picked another), else the one called Initiatives. */
function initiativesTable(workbook: ExcelJS.Workbook, settings: RawTable | undefined): TableHandle | undefined {
  const wanted = readSettings(settings).settings.initiativesTable;
  return findTable(workbook, wanted) ?? findTable(workbook, INITIATIVES_TABLE);
}

function tableInfo(table: TableHandle): TableInfo | undefined {
  const geometry = tableGeometry(table.model);
  const raw = readTable(table);
  if (!geometry || !raw) return undefined;
  return { name: table.model.name, sheet: table.worksheet.name, rows: raw.rows.length, columns: raw.headers.length, headers: raw.headers };
}

/** A copy of `layout` whose tables take names nobody else uses in this workbook. */
function withFreeTableNames(workbook: ExcelJS.Workbook, layout: SheetLayout): SheetLayout {
  return { ...layout, tables: layout.tables.map((t) => ({ ...t, name: freeTableName(workbook, t.name) })) };
}

function addSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout): void {
  const existing = sheetNamed(workbook, name);
  const sheet = existing ? replaceSheet(workbook, existing) : workbook.addWorksheet(name);
  writeSheet(sheet, withFreeTableNames(workbook, { ...layout, name }));
}

function appendLogRow(worksheet: ExcelJS.Worksheet, row: PlanLayout['logRow']): void {
  const tables = tablesOn(worksheet);
  const log = tables.find((t) => t.model.name.toLowerCase().startsWith(DECISION_LOG_TABLE.toLowerCase())) ?? tables[0];
  const geometry = log && tableGeometry(log.model);
  if (!log || !geometry) {
    writeRow(worksheet, (worksheet.lastRow?.number ?? 0) + 1, 1, row.values, row.formats);
    return;
  }
  const at = geometry.bottom + 1;
  const next = worksheet.findRow(at);
  // Notes a user typed just under the log move down a row rather than being overwritten.
  if (next && next.hasValues) worksheet.spliceRows(at, 0, []);
  // Each value under its header: a log the user rearranged, or made before a column was added, still lines up.
  const headers = Array.from({ length: geometry.right - geometry.left + 1 }, (_, i) => String(toCellValue(worksheet.getCell(geometry.top, geometry.left + i).value, false) ?? ''));
  const under = logRowUnder(headers, row);
  under.values.forEach((value, i) => {
    if (value === undefined) return;
    writeRow(worksheet, at, geometry.left + i, [value], [under.formats[i] ?? null]);
    const cell = worksheet.getCell(at, geometry.left + i);
    cell.style = { ...cell.style, ...CELL_STYLES[under.style] };
  });
  if (under.height !== undefined) worksheet.getRow(at).height = under.height;
  resizeTable(log.model, { ...geometry, bottom: at });
}

function scenarioTables(workbook: ExcelJS.Workbook): ScenarioTables {
  const read = (name: string) => {
    const table = findTable(workbook, name);
    return table && readTable(table);
  };
  return { scenarios: read(SCENARIOS_TABLE), overrides: read(SCENARIO_OVERRIDES_TABLE) };
}

/** The sheet called `name` if it is protected: Excel would refuse to change it. */
function protectedSheet(workbook: ExcelJS.Workbook, name: string): string | undefined {
  const sheet = sheetNamed(workbook, name);
  return sheet && isProtected(sheet) ? sheet.name : undefined;
}

/** `layout` on the add-in's sheet `name`; a sheet of that name the user made, or one protected, is left alone and the call refused. */
function ownSheet(workbook: ExcelJS.Workbook, name: string, layout: SheetLayout, role?: SheetRole): string {
  if (sheetNameFor(workbook, name, false) === undefined) {
    throw new WorkbookProblemError(nameTakenProblem(name, role));
  }
  const locked = protectedSheet(workbook, name);
  if (locked) throw new WorkbookProblemError(protectedProblem(locked));
  addSheet(workbook, name, layout);
  return name;
}

export function excelJsPort(workbook: ExcelJS.Workbook): WorkbookPort {
  const port: WorkbookPort = {
    async read(): Promise<WorkbookSnapshot> {
      const settings = readSettingsTable(workbook);
      const initiativesHandle = initiativesTable(workbook, settings);
      const initiatives = initiativesHandle && readTable(initiativesHandle);
      const capacityHandle = capacityTableAmong(allTables(workbook), aboutHandle, initiativesHandle?.model.name ?? INITIATIVES_TABLE);
      return {
        initiatives,
        capacity: capacityHandle && readTable(capacityHandle),
        settings,
        fingerprint: initiatives ? inputFingerprint(initiatives) : '',
        tables: allTables(workbook)
          .filter((t) => t.model !== initiativesHandle?.model && t.model !== settingsTableOf(workbook)?.model && !isAddinTable(t.model.name))
          .flatMap((t) => tableInfo(t) ?? []),
        scenarios: scenarioTables(workbook),
        ...userTables(workbook, initiativesHandle),
      };
    },

    async write(plan: Plan, planLayout: PlanLayout, expectedFingerprint: string, options: WriteOptions = {}): Promise<WriteOutcome> {
      // A date is saved as its serial number: in a 1904 workbook it is shifted to show the same date.
      const layout = isDate1904(workbook) ? inDateSystem1904(planLayout) : planLayout;
      const settingsRaw = readSettingsTable(workbook);
      const table = initiativesTable(workbook, settingsRaw);
      const raw = table && readTable(table);
      if (!table || !raw || inputFingerprint(raw) !== expectedFingerprint) {
        return { ok: false, problem: changedProblem() };
      }
      if (isProtected(table.worksheet)) return { ok: false, problem: protectedProblem(table.worksheet.name) };
      const owned = placeOutputColumns(raw.headers, layout.outputs, recordedOutputs(settingsRaw), options.userColumns);
      if ('userColumns' in owned) return { ok: false, problem: userColumnProblem(raw, owned.userColumns) };
      const placement = placeOutputs(table, owned, layout.outputs);
      if ('problem' in placement) return { ok: false, problem: { kind: 'unsupported', message: placement.problem } };

      // A run without a log (a live re-run) neither makes nor appends to the Decision log, as in every adapter.
      const logged = options.log !== false;
      // Without horizons, the product's own Roadmap sheet of an earlier run is cleared (noRoadmapSheet); a user's is no concern.
      const oldRoadmap = sheetNamed(workbook, options.sheetNames?.roadmap ?? DEFAULT_SHEET_NAMES.roadmap);
      const roadmap = layout.roadmap ?? (oldRoadmap && isOurs(oldRoadmap) ? noRoadmapSheet(plan) : undefined);
      const roles: SheetRole[] = [
        'changeImpact',
        ...(logged ? (['decisionLog'] as const) : []),
        ...(settingsRaw ? [] : (['settings'] as const)),
        ...(roadmap ? (['roadmap'] as const) : []),
      ];
      const names: Partial<Record<SheetRole, string>> = {};
      const renamed: RenamedSheet[] = [];
      for (const role of roles) {
        const wanted = options.sheetNames?.[role] ?? DEFAULT_SHEET_NAMES[role];
        const used = sheetNameFor(workbook, wanted, options.whenNameTaken === 'next-free');
        if (used === undefined) return { ok: false, problem: nameTakenProblem(wanted, role) };
        const locked = protectedSheet(workbook, used);
        if (locked) return { ok: false, problem: protectedProblem(locked) };
        names[role] = used;
        if (used !== wanted) renamed.push({ wanted, used });
      }

      writeOutputs(table, layout.outputs, placement);
      addSheet(workbook, names.changeImpact!, layout.changeImpact);
      if (names.decisionLog) {
        const log = sheetNamed(workbook, names.decisionLog);
        if (log && isOurs(log)) {
          appendLogRow(log, layout.logRow);
          // The footer names the latest run; a log made before page setups gets one.
          if (layout.decisionLogSheet.pageSetup) setPageSetup(log, layout.decisionLogSheet.pageSetup);
        } else addSheet(workbook, names.decisionLog, layout.decisionLogSheet);
      }
      // The record of the output columns the prioritiser made: in the settings sheet it makes, or its table's own row.
      if (names.settings) addSheet(workbook, names.settings, planSettingsSheet(plan, owned.record));
      else {
        const settingsHandle = settingsRaw && settingsTableOf(workbook);
        if (settingsRaw && settingsHandle && !isProtected(settingsHandle.worksheet)) applySettingsEdits(settingsHandle, recordEdits(settingsRaw, owned.record, meaningHeaderBeside(settingsHandle)));
      }
      if (names.roadmap && roadmap) addSheet(workbook, names.roadmap, roadmap);

      const sheetsWritten = [
        table.worksheet.name,
        names.changeImpact!,
        ...(names.decisionLog ? [names.decisionLog] : []),
        ...(names.settings ? [names.settings] : []),
        ...(names.roadmap ? [names.roadmap] : []),
      ];
      return { ok: true, sheetsWritten, ...(renamed.length > 0 ? { renamed } : {}) };
    },

    async saveSettings(settings: Settings): Promise<void> {
      const table = settingsTableOf(workbook);
      if (table) saveSettingsTable(table, settings);
      else ownSheet(workbook, SETTINGS_SHEET, settingsSheet(settings), 'settings');
    },

    async saveColumnMapping(entries: ColumnMappingEntry[]): Promise<void> {
      const mapping = mappingTableOf(workbook, initiativesTable(workbook, readSettingsTable(workbook)));
      const settings = settingsTableOf(workbook);
      if (mapping) editMappingTable(mapping, entries);
      else if (settings) addMappingTable(settings, entries);
      else ownSheet(workbook, SETTINGS_SHEET, settingsSheet(readSettings(undefined).settings, entries), 'settings');
    },

    async insertSample(): Promise<void> {
      if (findTable(workbook, INITIATIVES_TABLE)) throw new Error(SAMPLE_REFUSED_MESSAGE);
      insertSampleSheets(workbook);
      const settings = readSettings(readSettingsTable(workbook)).settings;
      if (readSettingsTable(workbook) && settings.initiativesTable !== INITIATIVES_TABLE) await port.saveSettings({ ...settings, initiativesTable: INITIATIVES_TABLE });
    },

    async createTableFromSelection() {
      return { ok: false as const, message: 'A workbook file has no selection: create the Initiatives table in Excel (Insert > Table) and name it Initiatives.' };
    },

    async useTable(name: string): Promise<void> {
      const table = findTable(workbook, name);
      if (!table) throw new Error(noSuchTableMessage(name));
      const current = readSettings(readSettingsTable(workbook)).settings;
      await port.saveSettings({ ...current, initiativesTable: table.model.name });
    },

    // Nothing is on screen in a workbook file: there is no cell to select.
    async selectCell(): Promise<void> {},

    async sortByPriority(): Promise<void> {
      throw new Error('Sorting by priority is done in Excel (the task pane); a workbook file keeps its row order.');
    },

    async changeScenarios(change: ScenarioChange): Promise<void> {
      const existing = scenarioTables(workbook);
      const name = existing.scenarios?.sheet ?? existing.overrides?.sheet ?? SCENARIOS_SHEET;
      ownSheet(workbook, name, scenariosSheet(existing, change, name));
    },

    async writeScenarioComparison(layout: SheetLayout): Promise<string> {
      return ownSheet(workbook, layout.name, layout);
    },
  };
  return port;
}
