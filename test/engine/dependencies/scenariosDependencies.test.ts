// Scenarios, live mode and compare work unchanged with dependencies (issue 18):
// a scenario's capacity brings a whole package in, compare lists the package,
// a scenario's override forces in what the initiative requires, and a live
// re-run after an edit to Requires writes the new decisions.

import { enterText } from '../../../src/adapters/memory/userActions';
import { liveRun, type LiveBase } from '../../../src/app/liveRun';
import { prioritise, type Plan } from '../../../src/engine/plan';
import { compareScenarios } from '../../../src/engine/scenarios/compare';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import type { Settings } from '../../../src/engine/types';
import { memoryPort, workbookWith } from '../../adapters/memory/memoryBuilders';
import { NOW, capacity, named, table, workbook, type RowSpec } from '../../builders';
import { scenarioTables } from '../scenarios/scenarioBuilders';

const rows: RowSpec[] = [
  named('Claims triage', { ID: 'C1', 'Strategic fit': 5, 'Annual value': 2_000_000, Requires: 'D1', Legal: 4 }),
  named('Document intake', { ID: 'D1', 'Strategic fit': 1, 'Annual value': '', Legal: 4 }),
  named('Churn model', { ID: 'M1', 'Strategic fit': 3, 'Annual value': 500_000, Legal: 2 }),
];
const decisions = (plan: Plan) => Object.fromEntries(plan.entries.map((e) => [e.initiative.name, e.decision]));

function planWith(settings: Partial<Settings>, overrides = scenarioTables([{ Scenario: 'Board view' }])): Plan {
  return prioritise({ ...workbook(rows, { Legal: 6 }), scenarios: overrides }, { now: NOW, settings: { ...DEFAULT_SETTINGS, ...settings } });
}

test('a scenario with more capacity brings the whole package in, and compare says what held it back without', () => {
  const today = planWith({});
  const moreLegal = planWith({ capacityOverrides: { Legal: 10 } });
  // The shared enabler waits for the initiative that needs it, then is taken on its own at the end.
  expect(decisions(today)).toMatchObject({ 'Claims triage': 'Deferred (dependency)', 'Document intake': 'Commit', 'Churn model': 'Commit' });
  expect(decisions(moreLegal)).toMatchObject({ 'Claims triage': 'Commit', 'Document intake': 'Commit', 'Churn model': 'Commit' });
  const comparison = compareScenarios(today, moreLegal, { a: 'Today', b: 'Legal +4 weeks' });
  expect(comparison.onlyInB.map((c) => [c.name, c.otherDecision, c.otherReason])).toEqual([['Claims triage', 'Deferred (dependency)', 'Requires Document intake (together they do not fit: Legal (needs 8 weeks, 6 weeks left))']]);
});

test("a scenario's override forcing an initiative in forces in what it requires", () => {
  const plan = planWith(
    { scenario: 'Board view' },
    scenarioTables([{ Scenario: 'Board view' }], [{ Scenario: 'Board view', 'Initiative ID': 'C1', Override: 'In', 'Override reason': 'Board ask' }]),
  );
  expect(decisions(plan)).toMatchObject({ 'Claims triage': 'Forced in', 'Document intake': 'Forced in', 'Churn model': 'Deferred (capacity)' });
});

test('a live re-run after a Requires cell is cleared writes the decisions that follow', async () => {
  const book = workbookWith(table(rows), capacity({ Legal: 6 }));
  const port = memoryPort(book);
  const first = await liveRun(port, { now: NOW }, { planner: prioritise, base: undefined });
  if (first.kind !== 'written') throw new Error(first.kind);
  const base: LiveBase = first.base;
  const requiresColumn = table(rows).headers.indexOf('Requires');
  enterText(book, 'Portfolio', 1, requiresColumn, '');
  const again = await liveRun(port, { now: NOW }, { planner: prioritise, base });
  if (again.kind !== 'written') throw new Error(again.kind);
  expect(again.diff?.entered.map((e) => e.name)).toEqual(['Claims triage']);
  expect(again.diff?.left.map((e) => e.name)).toEqual(['Document intake']);
  expect(decisions(again.base.plan)).toMatchObject({ 'Claims triage': 'Commit', 'Document intake': 'Deferred (capacity)', 'Churn model': 'Commit' });
});
