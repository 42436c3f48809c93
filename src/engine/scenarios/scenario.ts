// A scenario: a name, the settings in force, every team's capacity and the
// leadership overrides, saved so the room can go back to it and compare.
// Plain data; the Scenarios sheet holds it (src/layout/scenariosSheet.ts).

import { normalise } from '../cells';
import { roadmapHorizons } from '../horizons';
import { NO_HORIZONS, SETTING_SPECS, WEIGHT_LABELS, weightsInOneForm, type TypedWeight } from '../settings';
import type { OverrideChoice, Settings, Team } from '../types';

/**
 * The settings a scenario carries, by the labels the settings sheet and the Scenarios sheet both use. Each is
 * kept as its cell shows it (Horizons as "H1, H2", or `None` for one planning period); a blank one leaves the
 * setting as it is in force.
 */
export const SCENARIO_SETTING_LABELS = [
  'Impact weight',
  'Readiness weight',
  'Friction weight',
  'In-flight limit',
  'Selection method',
  'Optimise for',
  'Solver time limit (seconds)',
  'Planning period',
  'Horizons',
] as const;

export type ScenarioSettingLabel = (typeof SCENARIO_SETTING_LABELS)[number];

export const scenarioSpec = (label: ScenarioSettingLabel) => SETTING_SPECS.find((s) => s.label === label)!;

/** A leadership decision a scenario makes about one initiative, found by its ID or, without one, by its name. */
export type ScenarioOverride = {
  id?: string;
  initiative: string;
  choice: OverrideChoice;
  reason: string;
  /** Where the override's row is on the Scenarios sheet, for messages ("Scenarios!D12"). */
  at?: { sheet: string; cell: string };
};

export type Scenario = {
  name: string;
  /** The settings the scenario sets; a blank cell leaves that setting as it is in force. */
  settings: Partial<Record<ScenarioSettingLabel, string | number>>;
  /** Capacity per team; a team without one uses the Capacity table. */
  capacities: Record<string, number>;
  overrides: ScenarioOverride[];
  /** ISO timestamp of the save, when known. */
  savedAt?: string;
  savedBy?: string;
};

/** Scenario names compare ignoring case and spacing, never punctuation: "Legal +2" and "Legal -2" are two scenarios. */
const foldName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
/** The pane's name for the settings in force, as a side of a comparison: no scenario may take it. */
export const CURRENT_SETTINGS = 'Current settings';

export const sameScenarioName = (a: string, b: string): boolean => foldName(a) === foldName(b);

export const findScenario = (scenarios: readonly Scenario[], name: string): Scenario | undefined =>
  name.trim() === '' ? undefined : scenarios.find((s) => sameScenarioName(s.name, name));

/** The settings with the scenario applied: its settings and capacities, and its name as the scenario in force. */
export function settingsOfScenario(base: Settings, scenario: Scenario): Settings {
  let settings: Settings = base;
  const typedWeights: TypedWeight[] = [];
  for (const label of SCENARIO_SETTING_LABELS) {
    const value = scenario.settings[label];
    if (value === undefined) continue;
    // Read as the settings sheet reads the cell, so a list (Horizons) is applied as a list, not as its text.
    const parsed = scenarioSpec(label).schema.safeParse(value);
    settings = scenarioSpec(label).apply(settings, (parsed.success ? parsed.data : value) as never);
    const criterion = (Object.keys(WEIGHT_LABELS) as (keyof typeof WEIGHT_LABELS)[]).find((c) => WEIGHT_LABELS[c] === label);
    if (criterion && parsed.success) typedWeights.push({ criterion, cell: '', typedAsPercent: typeof value === 'string' && value.trim().endsWith('%'), value: parsed.data as number });
  }
  // The scenario's weights in the form the settings sheet's are read in: 0.6 beside the sheet's 30 and 20 is 60.
  // What a scenario cell holds is checked where the Scenarios sheet is read.
  settings = { ...settings, weights: weightsInOneForm(settings.weights, typedWeights, '').weights };
  // The scenario's capacities replace the overrides in force, so it plans the same whatever was set since.
  return { ...settings, capacityOverrides: { ...scenario.capacities }, scenario: scenario.name };
}

/** The scenario the current settings, team capacities and overrides make. */
export function scenarioOf(
  name: string,
  settings: Settings,
  teams: readonly Team[],
  overrides: ScenarioOverride[],
  saved: { at?: string; by?: string } = {},
): Scenario {
  const values: Scenario['settings'] = {};
  for (const label of SCENARIO_SETTING_LABELS) {
    const value = scenarioSpec(label).current(settings);
    if (value !== '') values[label] = value;
  }
  // Planned without horizons, it says so: a blank cell would leave whatever horizons are in force when it is switched to.
  if (!roadmapHorizons(settings)) values.Horizons = NO_HORIZONS;
  const capacities: Record<string, number> = {};
  for (const team of teams) capacities[team.name] = capacityIn(settings, team.name) ?? team.capacity;
  for (const [team, value] of Object.entries(settings.capacityOverrides)) {
    if (!teams.some((t) => normalise(t.name) === normalise(team))) capacities[team] = value;
  }
  return {
    name: name.trim(),
    settings: values,
    capacities,
    overrides: overrides.map(({ at: _at, ...o }) => o),
    ...(saved.at ? { savedAt: saved.at } : {}),
    ...(saved.by ? { savedBy: saved.by } : {}),
  };
}

function capacityIn(settings: Settings, team: string): number | undefined {
  const match = Object.keys(settings.capacityOverrides).find((name) => normalise(name) === normalise(team));
  return match === undefined ? undefined : settings.capacityOverrides[match];
}

/** What a scenario's settings and capacities change from `settings`: each difference as a label and both values. */
export function settingsDifferences(settings: Settings, scenario: Scenario, teams: readonly Team[]): { label: string; now: string | number; scenario: string | number }[] {
  const target = settingsOfScenario(settings, scenario);
  const differences: { label: string; now: string | number; scenario: string | number }[] = [];
  for (const label of SCENARIO_SETTING_LABELS) {
    const [now, then] = [shownSetting(label, settings), shownSetting(label, target)];
    if (now !== then) differences.push({ label, now, scenario: then });
  }
  const names = new Map<string, string>();
  for (const t of teams) names.set(normalise(t.name), t.name);
  for (const t of [...Object.keys(settings.capacityOverrides), ...Object.keys(target.capacityOverrides)]) if (!names.has(normalise(t))) names.set(normalise(t), t);
  for (const team of names.values()) {
    const table = teams.find((t) => normalise(t.name) === normalise(team))?.capacity;
    const now = capacityIn(settings, team) ?? table;
    const then = capacityIn(target, team) ?? table;
    if (now !== then) differences.push({ label: `Capacity: ${team}`, now: now ?? 'the Capacity table', scenario: then ?? 'the Capacity table' });
  }
  return differences;
}

/**
 * How the settings in force differ from the saved scenario in force, as the pane and the Decision log say it
 * ("In-flight limit 4 (Base: 10)"): a control changed since switching. Empty when they agree.
 */
export const scenarioChanges = (settings: Settings, scenario: Scenario, teams: readonly Team[]): string[] =>
  settingsDifferences(settings, scenario, teams).map((d) => `${d.label} ${d.now} (${scenario.name}: ${d.scenario})`);

/** A setting as a difference shows it: no horizons (one planning period, or a single label) as `None`, not blank. */
export function shownSetting(label: string, settings: Settings): string | number {
  if (normalise(label) === normalise('Horizons')) return roadmapHorizons(settings)?.join(', ') ?? NO_HORIZONS;
  return SETTING_SPECS.find((s) => s.label === label)!.current(settings);
}
