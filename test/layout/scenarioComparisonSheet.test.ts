import { compareScenarios, comparisonSentence } from '../../src/engine/scenarios/compare';
import { prioritise } from '../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { Settings } from '../../src/engine/types';
import { TEXT_FORMAT, looksLikeFormula } from '../../src/layout/grid';
import { SCENARIO_COMPARISON_SHEET, isOwnSheet } from '../../src/layout/names';
import { scenarioComparisonSheet } from '../../src/layout/scenarioComparisonSheet';
import { printScale } from '../../src/layout/pageSetup';
import { NOW, named, workbook } from '../builders';

const rows = [
  named('Alpha', { 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 6 }),
  named('Bravo', { 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 6 }),
  named('=Charlie', { 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 6 }),
];
const plan = (settings: Partial<Settings>) => prioritise(workbook(rows, { Legal: 12 }), { now: NOW, settings: { ...DEFAULT_SETTINGS, ...settings } });
const comparison = compareScenarios(plan({}), plan({ capacityOverrides: { Legal: 18 } }), { a: 'Today', b: 'Legal +6 weeks' });
const layout = scenarioComparisonSheet(comparison, { at: NOW, by: 'Ana Ortiz' });
const rowOf = (first: string) => layout.values.find((r) => r[0] === first);

test('the sheet is the add-in’s own, says when and by whom it was made, and is named Scenario comparison', () => {
  expect(layout.name).toBe(SCENARIO_COMPARISON_SHEET);
  expect(isOwnSheet(layout.values[1]![0])).toBe(true);
  expect(layout.values[1]![0]).toContain('on 2026-11-23 10:00:00 UTC by Ana Ortiz');
});

test('committed value, initiatives committed and the difference are plain numbers with money formats', () => {
  expect(rowOf('Committed value (a year)')!.slice(0, 4)).toEqual(['Committed value (a year)', 5_000_000, 6_000_000, 1_000_000]);
  expect(rowOf('Initiatives committed')!.slice(0, 4)).toEqual(['Initiatives committed', 2, 3, 1]);
  const money = layout.formats[layout.values.indexOf(rowOf('Committed value (a year)')!)]![1];
  expect(money).toBe('"$"#,##0_0');
});

test('what one plan commits and the other does not is listed with the other plan’s decision and reason', () => {
  const at = layout.values.findIndex((r) => r[0] === 'Committed in Legal +6 weeks, not in Today');
  expect(layout.values[at + 2]!.slice(0, 4)).toEqual(['=Charlie', 1_000_000, 'Deferred (capacity)', 'Legal (needs 6 weeks, 0 weeks left)']);
  expect(layout.values[layout.values.findIndex((r) => r[0] === 'Committed in Today, not in Legal +6 weeks') + 2]![0]).toBe('None.');
});

test('text that Excel would take for a formula is in the Text format', () => {
  layout.values.forEach((row, r) => row.forEach((value, c) => looksLikeFormula(value) && expect(layout.formats[r]![c]).toBe(TEXT_FORMAT)));
});

test('each team’s utilisation in both plans is charted from the sheet’s own cells, under the team table and within its columns', () => {
  const chart = layout.charts[0]!;
  expect(chart.anchor.row).toBeGreaterThan(chart.categories!.row + chart.categories!.rows);
  expect(chart.anchor.column + chart.anchor.columns).toBeLessThanOrEqual(layout.widths.length);
  expect(printScale(layout)).toBeGreaterThan(0.85);
  const legalRow = layout.values.findIndex((r) => r[0] === 'Legal');
  expect(chart.categories).toEqual({ row: legalRow, column: 0, rows: 1, columns: 1 });
  expect(chart.series.map((s) => [s.name, layout.values[s.y.row]![s.y.column]])).toEqual([
    ['Today', 1],
    ['Legal +6 weeks', 1],
  ]);
  expect(layout.conditionalFormats.map((f) => f.column)).toEqual([3, 5]);
});

test('the settings that differ are listed, and "None" when the two scenarios plan alike', () => {
  expect(rowOf('Capacity: Legal')!.slice(0, 3)).toEqual(['Capacity: Legal', 12, 18]);
  const same = scenarioComparisonSheet(compareScenarios(plan({}), plan({}), { a: 'A', b: 'B' }), { at: NOW });
  expect(same.values.some((r) => r[0] === 'None: the two scenarios plan with the same settings.')).toBe(true);
});

test('one sentence says what enters and leaves and what it is worth', () => {
  expect(comparisonSentence(comparison)).toBe('In Legal +6 weeks against Today, =Charlie enters: $1M a year more committed.');
  expect(comparisonSentence(compareScenarios(plan({ capacityOverrides: { Legal: 18 } }), plan({}), { a: 'B', b: 'A' }))).toBe('In A against B, =Charlie leaves: $1M a year less committed.');
  expect(comparisonSentence(compareScenarios(plan({}), plan({}), { a: 'A', b: 'B' }))).toBe('B commits the same initiatives as A.');
  // On a roadmap the sentence also says who starts at another time.
  const halves = { horizons: ['H1', 'H2'] };
  const roadmap = compareScenarios(plan(halves), plan({ ...halves, capacityOverrides: { Legal: 18 } }), { a: 'Today', b: 'Legal +6 weeks' });
  expect(comparisonSentence(roadmap)).toBe('Legal +6 weeks commits the same initiatives as Today; =Charlie starts H1 instead of H2.');
});
