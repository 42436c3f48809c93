// Names of the tables and sheets in the workbook contract.

import { settingsColumns } from '../engine/settings';

export const INITIATIVES_TABLE = 'Initiatives';
export const CAPACITY_TABLE = 'Capacity';
export const SETTINGS_SHEET = 'Prioritisation settings';
export const SETTINGS_TABLE = 'PrioritisationSettings';
export const CHANGE_IMPACT_SHEET = 'Change impact';
export const DECISION_LOG_SHEET = 'Decision log';
export const ROADMAP_SHEET = 'Roadmap';
export const DECISION_LOG_TABLE = 'DecisionLog';

export const PRODUCT_NAME = 'AI Portfolio Prioritiser';

/**
 * Every sheet the add-in creates says so in A2. A sheet with this name but without the mark
 * is the user's: the add-in never overwrites it.
 */
export const OWNER_MARK = `Made by ${PRODUCT_NAME}`;

export const isOwnSheet = (a2: unknown): boolean => typeof a2 === 'string' && a2.startsWith(OWNER_MARK);

/** The Scenarios sheet: one table of scenarios and one of their overrides, found by these table names wherever they are. */
export const SCENARIOS_SHEET = 'Scenarios';
export const SCENARIOS_TABLE = 'PrioritiserScenarios';
export const SCENARIO_OVERRIDES_TABLE = 'PrioritiserScenarioOverrides';
export const SCENARIO_COMPARISON_SHEET = 'Scenario comparison';

/** Excel caps sheet names at 31 characters. */
const MAX_SHEET_NAME = 31;

/**
 * The name a sheet of the add-in goes under when the user's own sheet has `wanted` and the caller
 * asked for the next free name: the first of "Name (2)", "Name (3)"... that `usable` accepts (free,
 * or already ours, so a later run finds the same sheet again).
 */
export function nextFreeSheetName(wanted: string, usable: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (usable(name)) return name;
  }
}

/** The add-in's own tables (its settings, Column mapping, Decision log and scenario tables), which are never the user's to pick. */
export function isAddinTable(name: string): boolean {
  const lower = name.toLowerCase();
  return [SETTINGS_TABLE, 'ColumnMapping', SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE].some((n) => n.toLowerCase() === lower) || new RegExp(`^${DECISION_LOG_TABLE}\\d*$`, 'i').test(name);
}

/** The fields of a table the settings table is told by. */
export type TableAbout = { name: string; sheet: string; headers: readonly string[] };

const folded = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The settings table among a workbook's tables: the one named PrioritisationSettings, else one on the
 * Prioritisation settings sheet with Setting and Value columns, whatever its name. The contract names the
 * sheet, not its table: a settings table made by hand is named as Excel named it (Table1) or as its author chose.
 */
export function settingsTableAmong<T>(tables: readonly T[], about: (table: T) => TableAbout): T | undefined {
  const named = tables.find((t) => about(t).name.toLowerCase() === SETTINGS_TABLE.toLowerCase());
  if (named) return named;
  return tables.find((t) => {
    const { sheet, headers } = about(t);
    const columns = settingsColumns(headers);
    return folded(sheet) === folded(SETTINGS_SHEET) && columns.label >= 0 && columns.value >= 0;
  });
}

/** The settings row that records the output columns the prioritiser made (ownedColumns). */
export const OUTPUT_RECORD_LABEL = 'Output columns';
export const OUTPUT_RECORD_MEANING =
  "The Initiatives table's columns the prioritiser made and rewrites on every run. A column headed like one of them but not listed here is yours and is left alone.";
