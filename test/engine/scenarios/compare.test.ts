import { compareScenarios } from '../../../src/engine/scenarios/compare';
import { prioritise, type Plan } from '../../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import type { Settings } from '../../../src/engine/types';
import { NOW, named, workbook, type RowSpec } from '../../builders';
import { scenarioTables } from './scenarioBuilders';

// Three initiatives needing 6 weeks of Legal each, in priority order Alpha, Bravo, Charlie.
const rows: RowSpec[] = [
  named('Alpha', { ID: 'AI-01', 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 6 }),
  named('Bravo', { ID: 'AI-02', 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 6 }),
  named('Charlie', { ID: 'AI-03', 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 6, Security: 2 }),
];

function planWith(settings: Partial<Settings>, overrides = scenarioTables([{ Scenario: 'Board view' }])): Plan {
  return prioritise({ ...workbook(rows, { Legal: 12, Security: 4 }), scenarios: overrides }, { now: NOW, settings: { ...DEFAULT_SETTINGS, ...settings } });
}

const base = planWith({});
const moreLegal = planWith({ capacityOverrides: { Legal: 18 } });

test('an initiative committed in one plan only is listed on its side, with what the other plan decided', () => {
  const comparison = compareScenarios(base, moreLegal, { a: 'Today', b: 'Legal +6 weeks' });
  expect(comparison.onlyInA).toEqual([]);
  expect(comparison.onlyInB).toEqual([
    { key: 'id:ai03', name: 'Charlie', annualValue: 1_000_000, otherDecision: 'Deferred (capacity)', otherReason: 'Legal (needs 6 weeks, 0 weeks left)' },
  ]);
});

test('the two sides swap when the plans do', () => {
  const forward = compareScenarios(base, moreLegal, { a: 'A', b: 'B' });
  const back = compareScenarios(moreLegal, base, { a: 'B', b: 'A' });
  expect(back.onlyInA).toEqual(forward.onlyInB);
  expect(back.onlyInB).toEqual(forward.onlyInA);
});

test('committed value, initiatives committed and in flight are given for each plan', () => {
  const { a, b } = compareScenarios(base, moreLegal, { a: 'Today', b: 'Legal +6 weeks' });
  expect(a).toEqual({ label: 'Today', committed: 2, committedValue: 5_000_000, inFlight: 2, inFlightLimit: 10 });
  expect(b).toEqual({ label: 'Legal +6 weeks', committed: 3, committedValue: 6_000_000, inFlight: 3, inFlightLimit: 10 });
});

test('each team’s capacity, demand and utilisation after the plan are side by side', () => {
  const { teams } = compareScenarios(base, moreLegal, { a: 'A', b: 'B' });
  expect(teams).toEqual([
    { team: 'Legal', unit: 'weeks', capacityA: 12, capacityB: 18, demandA: 12, demandB: 18, utilisationA: 1, utilisationB: 1 },
    { team: 'Security', unit: 'weeks', capacityA: 4, capacityB: 4, demandA: 0, demandB: 2, utilisationA: 0, utilisationB: 0.5 },
  ]);
});

test('the settings that differ are listed, capacities included, and nothing else', () => {
  const tighter = planWith({ inFlightLimit: 1, capacityOverrides: { Legal: 18 } });
  expect(compareScenarios(base, tighter, { a: 'A', b: 'B' }).settings).toEqual([
    { label: 'In-flight limit', a: 10, b: 1 },
    { label: 'Capacity: Legal', a: 12, b: 18 },
  ]);
  expect(compareScenarios(base, base, { a: 'A', b: 'A again' }).settings).toEqual([]);
});

test('an initiative one scenario forces out gives that scenario and its reason', () => {
  const overrides = scenarioTables([{ Scenario: 'Board view' }], [{ Scenario: 'Board view', 'Initiative ID': 'AI-01', Initiative: 'Alpha', Override: 'Out', 'Override reason': 'Sponsor left' }]);
  const boardView = planWith({ scenario: 'Board view' }, overrides);
  const comparison = compareScenarios(base, boardView, { a: 'Today', b: 'Board view' });
  expect(comparison.onlyInA).toEqual([expect.objectContaining({ name: 'Alpha', otherDecision: 'Forced out', otherReason: 'forced out by scenario "Board view": Sponsor left' })]);
  expect(comparison.onlyInB.map((o) => o.name)).toEqual(['Charlie']);
  expect(comparison.settings).toEqual([{ label: 'Scenario', a: '', b: 'Board view' }]);
});

test('comparing a plan with itself finds no difference', () => {
  const comparison = compareScenarios(base, base, { a: 'A', b: 'B' });
  expect([comparison.onlyInA, comparison.onlyInB, comparison.settings]).toEqual([[], [], []]);
});
