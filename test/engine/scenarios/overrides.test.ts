import fc from 'fast-check';
import {
  applyScenarioOverrides,
  overrideDifferences,
  overrideMatches,
  overridesInForce,
  tableOverrides,
  type OverrideInForce,
} from '../../../src/engine/scenarios/overrides';
import type { Scenario, ScenarioOverride } from '../../../src/engine/scenarios/scenario';
import { readyInitiative } from '../../builders';

const scenario = (overrides: ScenarioOverride[], name = 'Board view'): Scenario => ({ name, settings: {}, capacities: {}, overrides });
const claims = readyInitiative({ rowIndex: 0, key: 'id:ai04', id: 'AI-04', name: 'Claims triage' });
const vendor = readyInitiative({ rowIndex: 1, key: 'name:vendorrisk', id: undefined, name: 'Vendor risk', override: 'Out', overrideReason: 'Vendor review' });

describe('which initiative an override names', () => {
  test('with an ID, the initiative of that ID, compared as IDs are (case, spacing and dashes aside)', () => {
    expect(overrideMatches({ id: 'ai 04', initiative: 'anything' }, { id: 'AI-04', name: 'Claims triage' })).toBe(true);
  });

  test('with an ID, never an initiative of another ID even when the names agree', () => {
    expect(overrideMatches({ id: 'AI-05', initiative: 'Claims triage' }, { id: 'AI-04', name: 'Claims triage' })).toBe(false);
  });

  test('without an ID, the initiative of that name', () => {
    expect(overrideMatches({ initiative: 'vendor  RISK' }, { name: 'Vendor risk' })).toBe(true);
  });
});

describe('applying a scenario’s overrides', () => {
  test('the scenario’s override replaces the table’s and is marked as the scenario’s', () => {
    const { initiatives, issues } = applyScenarioOverrides([claims, vendor], scenario([{ initiative: 'Vendor risk', choice: 'In', reason: 'Contract signed' }]));
    expect(issues).toEqual([]);
    expect(initiatives[1]).toMatchObject({ override: 'In', overrideReason: 'Contract signed', overrideScenario: 'Board view' });
    expect(initiatives[0]).toBe(claims);
  });

  test('the initiatives given are not changed', () => {
    const before = JSON.stringify([claims, vendor]);
    applyScenarioOverrides([claims, vendor], scenario([{ id: 'AI-04', initiative: 'Claims triage', choice: 'Out', reason: 'r' }]));
    expect(JSON.stringify([claims, vendor])).toBe(before);
  });

  test('an override naming no initiative of the table is reported with its cell and left out', () => {
    const { initiatives, issues } = applyScenarioOverrides(
      [claims],
      scenario([{ id: 'AI-99', initiative: 'Gone', choice: 'In', reason: 'r', at: { sheet: 'Scenarios', cell: 'D22' } }]),
    );
    expect(initiatives).toEqual([claims]);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'scenario-override-unmatched', sheet: 'Scenarios', cell: 'D22', message: 'Scenario "Board view" overrides Gone (AI-99) (Scenarios!D22), which is not in the Initiatives table; that override is left out.' }),
    ]);
  });

  test('a second override of the same initiative is reported and the first one kept', () => {
    const { initiatives, issues } = applyScenarioOverrides(
      [claims],
      scenario([
        { id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'first' },
        { id: 'AI-04', initiative: 'Claims triage', choice: 'Out', reason: 'second' },
      ]),
    );
    expect(initiatives[0]).toMatchObject({ override: 'In', overrideReason: 'first' });
    expect(issues[0]!.message).toContain('overrides Claims triage (AI-04) twice');
  });
});

describe('where a scenario and the table disagree', () => {
  const table: OverrideInForce[] = tableOverrides([claims, vendor]);

  test('the table’s overrides are those with a reason', () => {
    expect(tableOverrides([claims, vendor, readyInitiative({ name: 'No reason', override: 'In' })])).toEqual([{ name: 'Vendor risk', choice: 'Out', reason: 'Vendor review' }]);
  });

  test('an override only the scenario makes, one it decides otherwise, and one only the table makes are each listed', () => {
    const differences = overrideDifferences(
      table,
      scenario([
        { id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'Regulator deadline' },
        { initiative: 'Vendor risk', choice: 'In', reason: 'Contract signed' },
      ]),
    );
    expect(differences).toEqual([
      { initiative: 'Claims triage', id: 'AI-04', scenario: { choice: 'In', reason: 'Regulator deadline' } },
      { initiative: 'Vendor risk', scenario: { choice: 'In', reason: 'Contract signed' }, table: { choice: 'Out', reason: 'Vendor review' } },
    ]);
    expect(overrideDifferences(table, scenario([]))).toEqual([{ initiative: 'Vendor risk', table: { choice: 'Out', reason: 'Vendor review' } }]);
  });

  test('an override both make alike is not a difference', () => {
    expect(overrideDifferences(table, scenario([{ initiative: 'Vendor risk', choice: 'Out', reason: 'Vendor review' }]))).toEqual([]);
  });

  test('the overrides in force are the scenario’s, then the table’s it does not replace', () => {
    const inForce = overridesInForce(table, scenario([{ id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'r', at: { sheet: 'Scenarios', cell: 'D22' } }]));
    expect(inForce).toEqual([
      { id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'r' },
      { initiative: 'Vendor risk', choice: 'Out', reason: 'Vendor review' },
    ]);
    expect(overridesInForce(table, undefined)).toEqual([{ initiative: 'Vendor risk', choice: 'Out', reason: 'Vendor review' }]);
  });

  test('a scenario saved from the overrides in force differs from the table only where its scenario did', () => {
    const choice = fc.constantFrom<'In' | 'Out'>('In', 'Out');
    const override = fc.record({ initiative: fc.constantFrom('Claims triage', 'Vendor risk', 'Fraud model'), choice, reason: fc.constantFrom('a', 'b') });
    fc.assert(
      fc.property(fc.uniqueArray(override, { selector: (o) => o.initiative, maxLength: 3 }), fc.uniqueArray(override, { selector: (o) => o.initiative, maxLength: 3 }), (own, scenarioOverrides) => {
        const tableNow: OverrideInForce[] = own.map((o) => ({ name: o.initiative, choice: o.choice, reason: o.reason }));
        const saved = scenario(overridesInForce(tableNow, scenario(scenarioOverrides)), 'Saved');
        const differences = overrideDifferences(tableNow, saved);
        expect(differences.every((d) => d.scenario !== undefined)).toBe(true);
        expect(differences.map((d) => d.initiative).sort()).toEqual(
          scenarioOverrides.filter((o) => !own.some((t) => t.initiative === o.initiative && t.choice === o.choice && t.reason === o.reason)).map((o) => o.initiative).sort(),
        );
      }),
    );
  });
});
