import fc from 'fast-check';
import { readScenarios, type ScenarioTables } from '../../src/engine/scenarios/readScenarios';
import type { Scenario } from '../../src/engine/scenarios/scenario';
import type { CellValue, RawTable } from '../../src/engine/types';
import { TEXT_FORMAT, looksLikeFormula, type SheetLayout } from '../../src/layout/grid';
import { SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE, isOwnSheet } from '../../src/layout/names';
import { scenariosSheet } from '../../src/layout/scenariosSheet';

const NONE: ScenarioTables = { scenarios: undefined, overrides: undefined };

/** The sheet's tables as an adapter would read them back. */
function tablesOf(layout: SheetLayout): ScenarioTables {
  const read = (name: string): RawTable | undefined => {
    const spec = layout.tables.find((t) => t.name === name);
    if (!spec) return undefined;
    const cells = (r: number) => layout.values[r]!.slice(spec.column, spec.column + spec.columns).map((v): CellValue => (v === null ? '' : v));
    return {
      sheet: layout.name,
      name,
      headers: cells(spec.row).map(String),
      rows: Array.from({ length: spec.rows - 1 }, (_, i) => cells(spec.row + 1 + i)),
      origin: { row: spec.row, column: spec.column },
    };
  };
  return { scenarios: read(SCENARIOS_TABLE), overrides: read(SCENARIO_OVERRIDES_TABLE) };
}

const withoutPlaces = (scenarios: Scenario[]) => scenarios.map((s) => ({ ...s, overrides: s.overrides.map(({ at: _at, ...o }) => o) }));

const legal: Scenario = {
  name: 'Legal +2 weeks',
  settings: { 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 8, 'Selection method': 'Rank and fill', 'Planning period': 'FY27 H1' },
  capacities: { Legal: 14, Security: 6 },
  overrides: [{ id: 'AI-04', initiative: 'Claims triage', choice: 'In', reason: 'Regulator deadline' }],
  savedAt: '2026-11-23T10:00:00.000Z',
  savedBy: 'Ana Ortiz',
};
const lean: Scenario = { name: 'Lean', settings: { 'In-flight limit': 4 }, capacities: { Legal: 10 }, overrides: [{ initiative: 'Vendor risk', choice: 'Out', reason: 'Vendor review' }] };

test('a saved scenario reads back exactly as it was saved', () => {
  const layout = scenariosSheet(NONE, { kind: 'save', scenario: legal });
  const read = readScenarios(tablesOf(layout));
  expect(read.issues).toEqual([]);
  expect(withoutPlaces(read.scenarios)).toEqual([legal]);
});

test('the sheet says in A2 that the add-in made it, so it is known as the add-in’s own', () => {
  expect(isOwnSheet(scenariosSheet(NONE, { kind: 'save', scenario: legal }).values[1]![0])).toBe(true);
});

test('each scenario is one row with a column per setting and per team capacity, its overrides one row each below', () => {
  const layout = scenariosSheet(NONE, { kind: 'save', scenario: legal });
  const { scenarios, overrides } = tablesOf(layout);
  expect(scenarios!.headers).toEqual([
    'Scenario',
    'Impact weight',
    'Readiness weight',
    'Friction weight',
    'In-flight limit',
    'Selection method',
    'Optimise for',
    'Solver time limit (seconds)',
    'Planning period',
    'Horizons',
    'Capacity: Legal',
    'Capacity: Security',
    'Saved at (UTC)',
    'Saved by',
  ]);
  const [row] = scenarios!.rows;
  expect(row!.filter((_, i) => i !== 12)).toEqual(['Legal +2 weeks', 60, 25, 15, 8, 'Rank and fill', '', '', 'FY27 H1', '', 14, 6, 'Ana Ortiz']);
  // Saved at is the sheet's serial date: 23 November 2026 is day 46349, and 10:00 is 10/24 of a day.
  expect(row![12]).toBeCloseTo(46349 + 10 / 24, 9);
  expect(overrides!.rows).toEqual([['Legal +2 weeks', 'AI-04', 'Claims triage', 'In', 'Regulator deadline']]);
  expect(overrides!.origin.row).toBeGreaterThan(scenarios!.origin.row + scenarios!.rows.length + 1);
});

test('saving a second scenario adds it after the first, new team columns included', () => {
  const first = scenariosSheet(NONE, { kind: 'save', scenario: legal });
  const both = scenariosSheet(tablesOf(first), { kind: 'save', scenario: { ...lean, capacities: { 'Data engineering': 3 } } });
  const read = readScenarios(tablesOf(both));
  expect(read.scenarios.map((s) => s.name)).toEqual(['Legal +2 weeks', 'Lean']);
  expect(read.scenarios[1]!.capacities).toEqual({ 'Data engineering': 3 });
  expect(read.scenarios[0]!.capacities).toEqual({ Legal: 14, Security: 6 });
});

test('saving under a name already used replaces that scenario in its place, overrides included', () => {
  let tables = tablesOf(scenariosSheet(NONE, { kind: 'save', scenario: legal }));
  tables = tablesOf(scenariosSheet(tables, { kind: 'save', scenario: lean }));
  const replaced = { ...legal, name: 'legal +2 WEEKS', settings: { 'In-flight limit': 3 }, overrides: [] };
  const read = readScenarios(tablesOf(scenariosSheet(tables, { kind: 'save', scenario: replaced })));
  expect(read.scenarios.map((s) => [s.name, s.settings['In-flight limit'], s.overrides.length])).toEqual([
    ['legal +2 WEEKS', 3, 0],
    ['Lean', 4, 1],
  ]);
});

test('deleting a scenario removes its row and its overrides and keeps the others', () => {
  let tables = tablesOf(scenariosSheet(NONE, { kind: 'save', scenario: legal }));
  tables = tablesOf(scenariosSheet(tables, { kind: 'save', scenario: lean }));
  const read = readScenarios(tablesOf(scenariosSheet(tables, { kind: 'delete', name: 'Legal +2 weeks' })));
  expect(withoutPlaces(read.scenarios)).toEqual([lean]);
});

test('deleting the last scenario leaves both tables with one blank row, which reads as no scenario', () => {
  const layout = scenariosSheet(tablesOf(scenariosSheet(NONE, { kind: 'save', scenario: lean })), { kind: 'delete', name: 'Lean' });
  expect(layout.tables.map((t) => t.rows)).toEqual([2, 2]);
  expect(readScenarios(tablesOf(layout))).toEqual({ scenarios: [], issues: [], issuesByScenario: {} });
});

test('what the user typed on the sheet comes back: their own columns, notes beside a replaced scenario and bad values', () => {
  const tables = tablesOf(scenariosSheet(NONE, { kind: 'save', scenario: lean }));
  const scenarios = tables.scenarios!;
  const edited: ScenarioTables = {
    overrides: tables.overrides,
    scenarios: {
      ...scenarios,
      headers: [...scenarios.headers, 'Notes'],
      rows: [
        [...scenarios.rows[0]!, 'asked by the CFO'],
        ['Typed by hand', 'lots', ...Array(scenarios.headers.length - 2).fill(''), ''],
      ],
    },
  };
  const layout = scenariosSheet(edited, { kind: 'save', scenario: { ...lean, settings: { 'In-flight limit': 5 } } });
  const after = tablesOf(layout).scenarios!;
  const notes = after.headers.indexOf('Notes');
  expect(after.rows.map((r) => [r[0], r[notes]])).toEqual([
    ['Lean', 'asked by the CFO'],
    ['Typed by hand', ''],
  ]);
  expect(after.rows[1]![1]).toBe('lots');
  expect(readScenarios(tablesOf(layout)).issues).toEqual([expect.objectContaining({ message: expect.stringContaining('Impact weight of scenario "Typed by hand"') })]);
});

test('names and reasons that look like formulas are given the Text format, so Excel keeps them as text', () => {
  const odd: Scenario = { name: '=Board view', settings: {}, capacities: {}, overrides: [{ initiative: '+Claims', choice: 'In', reason: '-urgent; see: memo' }] };
  const layout = scenariosSheet(NONE, { kind: 'save', scenario: odd });
  layout.values.forEach((row, r) => row.forEach((value, c) => looksLikeFormula(value) && expect(layout.formats[r]![c]).toBe(TEXT_FORMAT)));
  expect(withoutPlaces(readScenarios(tablesOf(layout)).scenarios)).toEqual([odd]);
});

// Text as the reader gives it back: trimmed, runs of spaces as one, never an Excel error such as #N/A.
const text = fc.string({ minLength: 1, maxLength: 24 }).filter((s) => s.trim() === s && s !== '' && !/\s\s|[\t\n\r]/.test(s) && !/^#/.test(s));
const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  name: fc.oneof(text, fc.constantFrom('Legal; +2: weeks', '=SUM(A1)', 'Q3 "stretch"')),
  settings: fc.record(
    {
      'Impact weight': fc.integer({ min: 1, max: 100 }),
      'In-flight limit': fc.integer({ min: 0, max: 40 }),
      'Selection method': fc.constantFrom('Rank and fill', 'Optimal'),
      'Planning period': fc.oneof(text, fc.constantFrom('FY27: H1; draft')),
    },
    { requiredKeys: [] },
  ),
  capacities: fc.dictionary(fc.constantFrom('Legal', 'Security', 'ML platform'), fc.integer({ min: 0, max: 60 })),
  overrides: fc.uniqueArray(
    fc.record({ initiative: fc.oneof(text, fc.constantFrom('Claims: triage; v2', '@risk')), choice: fc.constantFrom<'In' | 'Out'>('In', 'Out'), reason: fc.oneof(text, fc.constantFrom('a; b: c', '"quoted"')) }),
    { selector: (o) => o.initiative.toLowerCase(), maxLength: 4 },
  ),
});

test('any scenario, however its names and reasons are written, reads back as saved', () => {
  fc.assert(
    fc.property(scenarioArbitrary, (scenario) => {
      fc.pre(!/^\s*$/.test(scenario.name));
      const read = readScenarios(tablesOf(scenariosSheet(NONE, { kind: 'save', scenario })));
      expect(read.issues).toEqual([]);
      expect(withoutPlaces(read.scenarios)).toEqual([scenario]);
    }),
  );
});
