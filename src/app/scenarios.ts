// The scenario use cases every front end shares, over the workbook port only:
// save what is in force under a name, see what switching would change, switch,
// and compare two scenarios' plans (made in memory: nothing is written).
//
// Switching never writes a user's cell: the scenario's settings and capacities
// go to the add-in's settings sheet with its name as the scenario in force, and
// its overrides apply in the engine on top of the Initiatives table's Override
// column, which stays exactly as the user left it.

import { readCapacity, readInitiatives } from '../engine/read';
import type { Plan } from '../engine/plan';
import { compareScenarios, type ScenarioComparison } from '../engine/scenarios/compare';
import { overrideDifferences, overridesInForce, tableOverrides, type OverrideDifference } from '../engine/scenarios/overrides';
import { NO_SCENARIO_TABLES, readScenarios } from '../engine/scenarios/readScenarios';
import { CURRENT_SETTINGS, findScenario, sameScenarioName, scenarioOf, settingsDifferences, settingsOfScenario, type Scenario } from '../engine/scenarios/scenario';
import type { Settings } from '../engine/types';
import type { WorkbookPort, WorkbookSnapshot } from '../port/workbookPort';
import { plannerInput, type Planner } from './runPlan';

export { CURRENT_SETTINGS };

export const scenariosIn = (snapshot: WorkbookSnapshot): Scenario[] => readScenarios(snapshot.scenarios ?? NO_SCENARIO_TABLES).scenarios;

function scenarioNamed(snapshot: WorkbookSnapshot, name: string): Scenario {
  const scenario = findScenario(scenariosIn(snapshot), name);
  if (!scenario) throw new Error(`There is no scenario called "${name}" on the Scenarios sheet.`);
  return scenario;
}

const overridesOfTable = (snapshot: WorkbookSnapshot, settings: Settings) =>
  snapshot.initiatives ? tableOverrides(readInitiatives(snapshot.initiatives, readCapacity(snapshot.capacity, settings.capacityOverrides).teams).initiatives) : [];

/**
 * Saves `settings` (the pane's, saved or not), every team's capacity and the overrides in force (the scenario
 * in force's over the table's) as scenario `name`, replacing one of that name; then puts it in force, which
 * plans the same, so the pane says which scenario the plan is.
 */
export async function saveScenarioAs(port: WorkbookPort, name: string, settings: Settings, saved: { at: string; by?: string }): Promise<Scenario> {
  if (name.trim() === '') throw new Error('Name the scenario first, for example "Legal +2 weeks".');
  if (sameScenarioName(name, CURRENT_SETTINGS)) throw new Error(`"${CURRENT_SETTINGS}" is what the pane calls the settings in force; give the scenario another name.`);
  const snapshot = await port.read();
  const teams = readCapacity(snapshot.capacity).teams;
  const inForce = findScenario(scenariosIn(snapshot), settings.scenario);
  const scenario = scenarioOf(name, settings, teams, overridesInForce(overridesOfTable(snapshot, settings), inForce), saved);
  await port.changeScenarios({ kind: 'save', scenario });
  await port.saveSettings({ ...settings, scenario: scenario.name });
  return scenario;
}

export type SwitchPreview = {
  scenario: Scenario;
  settings: { label: string; now: string | number; scenario: string | number }[];
  overrides: OverrideDifference[];
  /** No saved scenario holds the settings in force now: switching replaces them on the settings sheet. */
  unsaved: boolean;
};

/** What switching to `name` would change, before anything is written. */
export async function previewSwitch(port: WorkbookPort, name: string, settings: Settings): Promise<SwitchPreview> {
  const snapshot = await port.read();
  const scenario = scenarioNamed(snapshot, name);
  const teams = readCapacity(snapshot.capacity).teams;
  const table = overridesOfTable(snapshot, settings);
  const unsaved = !scenariosIn(snapshot).some((s) => settingsDifferences(settings, s, teams).length === 0);
  return { scenario, settings: settingsDifferences(settings, scenario, teams), overrides: overrideDifferences(table, scenario), unsaved };
}

/** Puts scenario `name` in force ('' for none: the table's own overrides, settings as they are). Returns the settings now in force. */
export async function switchScenario(port: WorkbookPort, name: string, settings: Settings): Promise<Settings> {
  const next = name.trim() === '' ? { ...settings, scenario: '' } : settingsOfScenario(settings, scenarioNamed(await port.read(), name));
  await port.saveSettings(next);
  return next;
}

/**
 * Deletes scenario `name` from the Scenarios sheet. When it is the scenario in force, no scenario is in force
 * afterwards: the settings stay as they are and the Override column of the table decides again. Resolves to
 * whether it was in force (the plan may then change).
 */
export async function deleteScenario(port: WorkbookPort, name: string, settings: Settings): Promise<boolean> {
  const scenario = scenarioNamed(await port.read(), name);
  await port.changeScenarios({ kind: 'delete', name: scenario.name });
  const wasInForce = sameScenarioName(settings.scenario, scenario.name);
  if (wasInForce) await port.saveSettings({ ...settings, scenario: '' });
  return wasInForce;
}

/** A side of a comparison: a saved scenario's name, or CURRENT_SETTINGS. */
async function planOf(snapshot: WorkbookSnapshot, planner: Planner, side: string, settings: Settings, now: string): Promise<Plan> {
  const inForce = side === CURRENT_SETTINGS ? settings : settingsOfScenario(settings, scenarioNamed(snapshot, side));
  return planner(plannerInput(snapshot), { now, settings: inForce });
}

/** The plans of `a` and `b` side by side, both made from the Initiatives table as it is now. */
export async function compareTwo(port: WorkbookPort, planner: Planner, sides: { a: string; b: string }, settings: Settings, now: string): Promise<ScenarioComparison> {
  const snapshot = await port.read();
  if (!snapshot.initiatives) throw new Error('There is no Initiatives table to plan, so there is nothing to compare.');
  const a = await planOf(snapshot, planner, sides.a, settings, now);
  const b = await planOf(snapshot, planner, sides.b, settings, now);
  const unusable = [a, b].find((p) => !p.usable);
  if (unusable) throw new Error(`The plan cannot be made: ${unusable.issues.find((i) => i.severity === 'fatal')?.message ?? 'the table cannot be read'}`);
  return compareScenarios(a, b, sides);
}
