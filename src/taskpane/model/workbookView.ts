// What the pane shows before any run: whether there is an Initiatives table to
// plan, the settings in force and the teams of the Capacity table.

import { readCapacity } from '../../engine/read';
import { readSettings } from '../../engine/settings';
import { NO_SCENARIO_TABLES, readScenarios } from '../../engine/scenarios/readScenarios';
import { findScenario, scenarioChanges as changesFromScenario, type Scenario } from '../../engine/scenarios/scenario';
import type { Settings, Team } from '../../engine/types';
import { CAPACITY_TABLE, DECISION_LOG_TABLE, SETTINGS_TABLE } from '../../layout/names';
import type { TableInfo, WorkbookSnapshot } from '../../port/workbookPort';
import { columnMappingView, type ColumnMappingView } from '../ColumnMapping/columnMapping';

export type WorkbookView =
  | { kind: 'first-run'; tables: TableInfo[]; settings: Settings }
  | {
      kind: 'ready';
      table: { name: string; sheet: string; rows: number };
      settings: Settings;
      teams: Team[];
      scenarios: string[];
      /** The scenario in force as saved on the Scenarios sheet, to tell whether the settings still agree with it. */
      inForce?: Scenario;
      /** Which header each contract column reads, and how it was found (absent in views made by hand). */
      columns?: ColumnMappingView;
    };

/** Tables the add-in reads or writes itself are not offered as the Initiatives table. */
const OWN_TABLES = new Set([CAPACITY_TABLE, SETTINGS_TABLE, DECISION_LOG_TABLE].map((n) => n.toLowerCase()));
export const pickableTables = (tables: TableInfo[]): TableInfo[] =>
  tables.filter((t) => !OWN_TABLES.has(t.name.toLowerCase()) && !/^decisionlog\d+$/i.test(t.name));

export function workbookView(snapshot: WorkbookSnapshot): WorkbookView {
  const settings = readSettings(snapshot.settings).settings;
  if (!snapshot.initiatives) return { kind: 'first-run', tables: pickableTables(snapshot.tables), settings };
  const { name, sheet, rows } = snapshot.initiatives;
  // The Capacity table's own values: the pane shows overrides beside them.
  const teams = readCapacity(snapshot.capacity).teams;
  const saved = readScenarios(snapshot.scenarios ?? NO_SCENARIO_TABLES).scenarios;
  const inForce = findScenario(saved, settings.scenario);
  const columns = columnMappingView(snapshot.initiatives, teams, snapshot.columnMapping);
  return { kind: 'ready', table: { name, sheet, rows: rows.length }, settings, teams, scenarios: saved.map((s) => s.name), ...(inForce ? { inForce } : {}), columns };
}

/**
 * How the settings in force differ from the scenario in force ("In-flight limit 4 (Base: 10)"): a control
 * changed since switching, so the plan on show is no longer that scenario's. Empty when they agree.
 */
export function scenarioChanges(view: WorkbookView): string[] {
  if (view.kind !== 'ready' || !view.inForce) return [];
  return changesFromScenario(view.settings, view.inForce, view.teams);
}
