// The scenario in force as a plan input: its overrides win over the table's
// Override column, and the plan says where each override came from.

import { prioritise, type Plan } from '../../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import type { PlanEntry } from '../../../src/engine/types';
import { NOW, named, workbook, type RowSpec } from '../../builders';
import { scenarioTables, type OverrideRow } from './scenarioBuilders';

const rows: RowSpec[] = [
  named('Alpha', { ID: 'AI-01', 'Strategic fit': 5, Legal: 6 }),
  named('Bravo', { ID: 'AI-02', 'Strategic fit': 4, Legal: 6 }),
  named('Charlie', { ID: 'AI-03', 'Strategic fit': 2, Legal: 6, Override: 'Out', 'Override reason': 'Paused by the sponsor' }),
];

function plan(scenario: string, overrides: OverrideRow[], table: RowSpec[] = rows): Plan {
  const input = { ...workbook(table, { Legal: 12 }), scenarios: scenarioTables([{ Scenario: 'Board view' }], overrides) };
  return prioritise(input, { now: NOW, settings: { ...DEFAULT_SETTINGS, scenario } });
}

const entry = (p: Plan, name: string): PlanEntry => p.entries.find((e) => e.initiative.name === name)!;

test('the scenario’s override forces an initiative in and its Why names the scenario and the reason', () => {
  const p = plan('Board view', [{ Scenario: 'Board view', 'Initiative ID': 'AI-03', Initiative: 'Charlie', Override: 'In', 'Override reason': 'Regulator deadline' }]);
  expect(entry(p, 'Charlie').decision).toBe('Forced in');
  expect(entry(p, 'Charlie').why).toContain('forced in by leadership in scenario "Board view" to scale ("Regulator deadline")');
  expect(entry(p, 'Bravo').decision).toBe('Deferred (capacity)');
});

test('an override from the table keeps its own words in the Why text', () => {
  const p = plan('', []);
  expect(entry(p, 'Charlie').why).toContain('forced out by leadership ("Paused by the sponsor")');
});

test('the table’s overrides the scenario does not mention still apply', () => {
  const p = plan('Board view', [{ Scenario: 'Board view', Initiative: 'Alpha', Override: 'Out', 'Override reason': 'Budget' }]);
  expect(entry(p, 'Alpha').decision).toBe('Forced out');
  expect(entry(p, 'Charlie').decision).toBe('Forced out');
});

test('the user’s Override cells are read, never changed: the plan’s table input is the same with or without a scenario', () => {
  const overrides: OverrideRow[] = [{ Scenario: 'Board view', Initiative: 'Charlie', Override: 'In', 'Override reason': 'x' }];
  const input = { ...workbook(rows, { Legal: 12 }), scenarios: scenarioTables([{ Scenario: 'Board view' }], overrides) };
  const before = JSON.stringify(input);
  prioritise(input, { now: NOW, settings: { ...DEFAULT_SETTINGS, scenario: 'Board view' } });
  expect(JSON.stringify(input)).toBe(before);
});

test('the decision log records the scenario in force and marks its overrides', () => {
  const p = plan('Board view', [{ Scenario: 'Board view', Initiative: 'Charlie', Override: 'In', 'Override reason': 'Regulator deadline' }]);
  expect(p.logEntry.scenario).toBe('Board view');
  expect(p.logEntry.overrides).toBe('Charlie: In (scenario "Board view") - Regulator deadline');
  expect(p.summary.overrides).toEqual([{ name: 'Charlie', choice: 'In', reason: 'Regulator deadline', applied: true, decision: 'Forced in', scenario: 'Board view' }]);
});

test('a scenario override cannot lift a gate, as a table override cannot', () => {
  const gated = [...rows.slice(0, 2), named('Charlie', { ID: 'AI-03', Owner: 'TBD', Legal: 6 })];
  const p = plan('Board view', [{ Scenario: 'Board view', Initiative: 'Charlie', Override: 'In', 'Override reason': 'x' }], gated);
  expect(entry(p, 'Charlie').decision).toBe('Not ready');
  expect(p.issues.map((i) => i.code)).toContain('override-on-gated');
});

test('a scenario the settings name but the sheet lacks is reported and the table’s overrides are used', () => {
  const p = plan('Gone', []);
  expect(entry(p, 'Charlie').decision).toBe('Forced out');
  expect(p.issues).toContainEqual(expect.objectContaining({ code: 'unknown-scenario', message: expect.stringContaining('scenario "Gone"') }));
});

test('an override of an initiative the table does not have is reported in the plan’s problems', () => {
  const p = plan('Board view', [{ Scenario: 'Board view', 'Initiative ID': 'AI-99', Initiative: 'Zulu', Override: 'In', 'Override reason': 'x' }]);
  expect(p.issues).toContainEqual(expect.objectContaining({ code: 'scenario-override-unmatched', cell: 'D22' }));
});

test('without a scenario in force the Scenarios sheet changes nothing, even its problems stay out of the plan', () => {
  const withSheet = plan('', [{ Scenario: 'Board view', Initiative: 'Alpha', Override: 'Maybe', 'Override reason': 'x' }]);
  const without = prioritise(workbook(rows, { Legal: 12 }), { now: NOW });
  expect(withSheet.entries.map((e) => e.decision)).toEqual(without.entries.map((e) => e.decision));
  expect(withSheet.issues).toEqual(without.issues);
});

test('the decision log says how the settings in force differ from the scenario named, so the log never credits a scenario with a plan it did not make', () => {
  const input = { ...workbook(rows, { Legal: 12 }), scenarios: scenarioTables([{ Scenario: 'Board view', 'In-flight limit': 10 }], []) };
  const changed = prioritise(input, { now: NOW, settings: { ...DEFAULT_SETTINGS, scenario: 'Board view', inFlightLimit: 4 } });
  expect(changed.logEntry.scenario).toBe('Board view, changed since it was saved: In-flight limit 4 (Board view: 10)');
  const agreeing = prioritise(input, { now: NOW, settings: { ...DEFAULT_SETTINGS, scenario: 'Board view', inFlightLimit: 10 } });
  expect(agreeing.logEntry.scenario).toBe('Board view');
});
