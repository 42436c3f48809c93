import { findScenario, scenarioOf, settingsDifferences, settingsOfScenario, type Scenario } from '../../../src/engine/scenarios/scenario';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import type { Settings, Team } from '../../../src/engine/types';

const teams: Team[] = [
  { name: 'Legal', capacity: 12, unit: 'weeks' },
  { name: 'Security', capacity: 6, unit: 'weeks' },
];
const now: Settings = { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 14 } };

describe('a scenario made from the settings in force', () => {
  test('carries the Horizons as the settings sheet shows them and gives them back as a list; without horizons it says None', () => {
    const saved = scenarioOf('Halves', { ...now, horizons: ['H1', 'H2'] }, teams, []);
    expect(saved.settings.Horizons).toBe('H1, H2');
    expect(settingsOfScenario(DEFAULT_SETTINGS, saved).horizons).toEqual(['H1', 'H2']);
    // Saved without horizons (or with one label, which plans one period), switching to it takes the horizons in force away.
    for (const horizons of [undefined, ['H1']]) {
      const plain = scenarioOf('Plain', { ...now, ...(horizons ? { horizons } : {}) }, teams, []);
      expect(plain.settings.Horizons).toBe('None');
      expect(settingsOfScenario({ ...DEFAULT_SETTINGS, horizons: ['Q1', 'Q2'] }, plain)).not.toHaveProperty('horizons');
    }
  });

  test('a weight a scenario sets is read in the form the settings sheet reads weights: 0.6 beside 30 and 20 in force is 60', () => {
    const typed: Scenario = { name: 'Impact first', settings: { 'Impact weight': 0.6 }, capacities: {}, overrides: [] };
    expect(settingsOfScenario(DEFAULT_SETTINGS, typed).weights).toEqual({ impact: 60, readiness: 30, friction: 20 });
    const all: Scenario = { name: 'Fractions', settings: { 'Impact weight': '50%', 'Readiness weight': 0.3, 'Friction weight': 0.2 }, capacities: {}, overrides: [] };
    expect(settingsOfScenario(DEFAULT_SETTINGS, all).weights).toEqual({ impact: 50, readiness: 30, friction: 20 });
    // A scenario saved from the settings in force carries points, read as they are.
    expect(settingsOfScenario(DEFAULT_SETTINGS, scenarioOf('Saved', { ...now, weights: { impact: 1, readiness: 0, friction: 0 } }, teams, [])).weights).toEqual({ impact: 1, readiness: 0, friction: 0 });
  });

  test('None and No horizons, in any case, plan one period; a blank Horizons leaves the horizons in force', () => {
    const roadmap = { ...DEFAULT_SETTINGS, horizons: ['Q1', 'Q2'] };
    const scenario = (Horizons?: string): Scenario => ({ name: 'S', settings: Horizons === undefined ? {} : { Horizons }, capacities: {}, overrides: [] });
    for (const none of ['None', 'none', ' No horizons ']) expect(settingsOfScenario(roadmap, scenario(none))).not.toHaveProperty('horizons');
    expect(settingsOfScenario(roadmap, scenario()).horizons).toEqual(['Q1', 'Q2']);
  });

  test('a switch that takes the horizons away shows them as None, not blank', () => {
    const roadmap = { ...now, horizons: ['H1', 'H2'] };
    const plain = scenarioOf('Plain', now, teams, []);
    expect(settingsDifferences(roadmap, plain, teams)).toContainEqual({ label: 'Horizons', now: 'H1, H2', scenario: 'None' });
    expect(settingsDifferences(now, plain, teams)).toEqual([]);
  });


  test('records every scenario setting and every team’s capacity in force, overrides included', () => {
    const scenario = scenarioOf('  Legal +2 weeks ', now, teams, [], { at: '2026-11-23T10:00:00.000Z', by: 'Ana' });
    expect(scenario).toEqual({
      name: 'Legal +2 weeks',
      settings: {
        'Impact weight': 50,
        'Readiness weight': 30,
        'Friction weight': 20,
        'In-flight limit': 10,
        'Selection method': 'Rank and fill',
        'Optimise for': 'Priority score',
        'Solver time limit (seconds)': 2,
        'Planning period': 'Next planning period',
        Horizons: 'None',
      },
      capacities: { Legal: 14, Security: 6 },
      overrides: [],
      savedAt: '2026-11-23T10:00:00.000Z',
      savedBy: 'Ana',
    });
  });

  test('keeps a capacity set for a team the Capacity table no longer lists', () => {
    expect(scenarioOf('x', { ...now, capacityOverrides: { 'Data eng': 3 } }, teams, []).capacities).toEqual({ Legal: 12, Security: 6, 'Data eng': 3 });
  });

  test('switching to it gives back the same settings, with its name in force', () => {
    const settings: Settings = { ...now, weights: { impact: 20, readiness: 40, friction: 40 }, inFlightLimit: 4, method: 'Optimal', planningPeriod: 'FY27 H2' };
    const back = settingsOfScenario(DEFAULT_SETTINGS, scenarioOf('Lean', settings, teams, []));
    expect(back).toEqual({ ...settings, capacityOverrides: { Legal: 14, Security: 6 }, scenario: 'Lean' });
  });
});

describe('switching to a scenario', () => {
  const partial: Scenario = { name: 'Limit only', settings: { 'In-flight limit': 3 }, capacities: { Security: 2 }, overrides: [] };

  test('sets what the scenario sets and keeps the rest as it is in force', () => {
    const settings = settingsOfScenario({ ...now, currency: '€', planningPeriod: 'FY27' }, partial);
    expect(settings).toMatchObject({ inFlightLimit: 3, weights: DEFAULT_SETTINGS.weights, currency: '€', planningPeriod: 'FY27', scenario: 'Limit only' });
  });

  test('its capacities replace the ones set before, so a team it leaves blank uses the Capacity table', () => {
    expect(settingsOfScenario(now, partial).capacityOverrides).toEqual({ Security: 2 });
  });

  test('what it would change is listed setting by setting, capacities included', () => {
    expect(settingsDifferences(now, partial, teams)).toEqual([
      { label: 'In-flight limit', now: 10, scenario: 3 },
      { label: 'Capacity: Legal', now: 14, scenario: 12 },
      { label: 'Capacity: Security', now: 6, scenario: 2 },
    ]);
  });

  test('a scenario made from the settings in force changes nothing', () => {
    expect(settingsDifferences(now, scenarioOf('Same', now, teams, []), teams)).toEqual([]);
  });
});

test('a scenario is found by its name, case and spacing aside; a blank name finds none', () => {
  const scenarios: Scenario[] = [{ name: 'Legal +2 weeks', settings: {}, capacities: {}, overrides: [] }];
  expect(findScenario(scenarios, 'LEGAL +2  weeks')?.name).toBe('Legal +2 weeks');
  expect(findScenario(scenarios, 'Legal -2 weeks')).toBeUndefined();
  expect(findScenario(scenarios, ' ')).toBeUndefined();
});
