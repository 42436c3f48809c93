import { findTable } from '../../src/adapters/memory/model';
import { rawTable } from '../../src/adapters/memory/tables';
import { CURRENT_SETTINGS, compareTwo, deleteScenario, previewSwitch, saveScenarioAs, scenariosIn, switchScenario } from '../../src/app/scenarios';
import { prioritise } from '../../src/engine/plan';
import { runPlan } from '../../src/app/runPlan';
import { scenarioComparisonSheet } from '../../src/layout/scenarioComparisonSheet';
import { DEFAULT_SETTINGS, readSettings } from '../../src/engine/settings';
import type { Settings } from '../../src/engine/types';
import { memoryPort, workbookWith } from '../adapters/memory/memoryBuilders';
import { NOW, capacity, named, table } from '../builders';

// Alpha, Bravo and Charlie need 6 weeks of Legal each; Bravo is forced out in the table and Legal has 6 weeks, so Charlie waits unless Legal gets more.
const rows = [
  named('Alpha', { ID: 'AI-01', 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 6 }),
  named('Bravo', { ID: 'AI-02', 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 6, Override: 'Out', 'Override reason': 'Budget freeze' }),
  named('Charlie', { ID: 'AI-03', 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 6 }),
];

function setUp() {
  const workbook = workbookWith(table(rows), capacity({ Legal: 6 }));
  const port = memoryPort(workbook);
  const settingsNow = async (): Promise<Settings> => readSettings((await port.read()).settings).settings;
  const overrideCells = () => {
    const raw = rawTable(workbook, findTable(workbook, 'Initiatives')!);
    const column = raw.headers.indexOf('Override');
    return raw.rows.map((r) => r[column]);
  };
  return { workbook, port, settingsNow, overrideCells };
}

test('saving records the settings, every team’s capacity and the table’s overrides under the name, and puts it in force', async () => {
  const { port, settingsNow } = setUp();
  const scenario = await saveScenarioAs(port, ' Legal +6 ', { ...DEFAULT_SETTINGS, inFlightLimit: 7, capacityOverrides: { Legal: 12 } }, { at: NOW, by: 'Ana' });
  expect(scenario.name).toBe('Legal +6');
  const [saved] = scenariosIn(await port.read());
  expect([saved!.name, saved!.settings['In-flight limit'], saved!.capacities, saved!.savedBy]).toEqual(['Legal +6', 7, { Legal: 12 }, 'Ana']);
  expect(saved!.overrides.map((o) => [o.id, o.choice, o.reason])).toEqual([['AI-02', 'Out', 'Budget freeze']]);
  expect((await settingsNow()).scenario).toBe('Legal +6');
});

test('a scenario without a name is refused before anything is written', async () => {
  const { port } = setUp();
  await expect(saveScenarioAs(port, '  ', DEFAULT_SETTINGS, { at: NOW })).rejects.toThrow(/Name the scenario/);
  expect((await port.read()).scenarios).toEqual({ scenarios: undefined, overrides: undefined });
});

test('switching puts the scenario’s settings and capacities on the settings sheet and leaves the Override cells as they were', async () => {
  const { port, settingsNow, overrideCells } = setUp();
  await saveScenarioAs(port, 'Legal +6', { ...DEFAULT_SETTINGS, inFlightLimit: 7, capacityOverrides: { Legal: 12 } }, { at: NOW });
  await saveScenarioAs(port, 'Today', DEFAULT_SETTINGS, { at: NOW });
  const before = overrideCells();
  const next = await switchScenario(port, 'legal +6', await settingsNow());
  const settings = await settingsNow();
  expect([settings.scenario, settings.inFlightLimit, settings.capacityOverrides]).toEqual(['Legal +6', 7, { Legal: 12 }]);
  expect(next).toEqual(settings);
  expect(overrideCells()).toEqual(before);
});

test('switching to no scenario keeps the settings and hands the overrides back to the table', async () => {
  const { port, settingsNow } = setUp();
  await saveScenarioAs(port, 'Lean', { ...DEFAULT_SETTINGS, inFlightLimit: 2 }, { at: NOW });
  await switchScenario(port, '', await settingsNow());
  expect([(await settingsNow()).scenario, (await settingsNow()).inFlightLimit]).toEqual(['', 2]);
});

test('switching to a scenario that is not on the sheet is refused, naming it', async () => {
  const { port } = setUp();
  await expect(switchScenario(port, 'Nowhere', DEFAULT_SETTINGS)).rejects.toThrow('There is no scenario called "Nowhere" on the Scenarios sheet.');
});

test('the preview lists each setting and capacity that would change, and warns when the settings in force are saved nowhere', async () => {
  const { port } = setUp();
  await saveScenarioAs(port, 'Legal +6', { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 12 } }, { at: NOW });
  const preview = await previewSwitch(port, 'Legal +6', { ...DEFAULT_SETTINGS, inFlightLimit: 4 });
  expect(preview.settings).toEqual([
    { label: 'In-flight limit', now: 4, scenario: DEFAULT_SETTINGS.inFlightLimit },
    { label: 'Capacity: Legal', now: 6, scenario: 12 },
  ]);
  expect(preview.unsaved).toBe(true);
  expect((await previewSwitch(port, 'Legal +6', { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 12 } })).unsaved).toBe(false);
});

test('comparing a scenario with the current settings plans both in memory and writes nothing', async () => {
  const { port, workbook } = setUp();
  await saveScenarioAs(port, 'Legal +6', { ...DEFAULT_SETTINGS, capacityOverrides: { Legal: 12 } }, { at: NOW });
  const sheets = workbook.sheets.map((s) => s.name);
  const comparison = await compareTwo(port, prioritise, { a: CURRENT_SETTINGS, b: 'Legal +6' }, { ...DEFAULT_SETTINGS, scenario: '' }, NOW);
  expect(comparison.onlyInB.map((o) => o.name)).toEqual(['Charlie']);
  expect(comparison.onlyInA).toEqual([]);
  expect([comparison.a.committedValue, comparison.b.committedValue]).toEqual([3_000_000, 4_000_000]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(sheets);
});

test('a scenario’s own overrides count in its side of the comparison', async () => {
  const { port } = setUp();
  await saveScenarioAs(port, 'Bravo out', DEFAULT_SETTINGS, { at: NOW });
  const comparison = await compareTwo(port, prioritise, { a: 'Bravo out', b: CURRENT_SETTINGS }, { ...DEFAULT_SETTINGS, scenario: '' }, NOW);
  expect(comparison.onlyInA).toEqual([]);
  expect(comparison.onlyInB).toEqual([]);
});

test('the name the pane gives the settings in force cannot name a scenario', async () => {
  const { port } = setUp();
  await expect(saveScenarioAs(port, 'current SETTINGS', DEFAULT_SETTINGS, { at: NOW })).rejects.toThrow(/give the scenario another name/);
  expect((await port.read()).scenarios).toEqual({ scenarios: undefined, overrides: undefined });
});

test('deleting a scenario not in force removes only it and leaves the settings alone', async () => {
  const { port, settingsNow } = setUp();
  await saveScenarioAs(port, 'Lean', { ...DEFAULT_SETTINGS, inFlightLimit: 2 }, { at: NOW });
  await saveScenarioAs(port, 'Wide', { ...DEFAULT_SETTINGS, inFlightLimit: 9 }, { at: NOW });
  const before = await settingsNow();
  expect(await deleteScenario(port, 'lean', before)).toBe(false);
  expect(scenariosIn(await port.read()).map((s) => s.name)).toEqual(['Wide']);
  expect(await settingsNow()).toEqual(before);
});

test('deleting the scenario in force leaves no scenario in force, so the table’s overrides decide again', async () => {
  const { port, settingsNow, overrideCells } = setUp();
  const cells = overrideCells();
  await saveScenarioAs(port, 'Wide', { ...DEFAULT_SETTINGS, inFlightLimit: 9 }, { at: NOW });
  expect(await deleteScenario(port, 'Wide', await settingsNow())).toBe(true);
  const settings = await settingsNow();
  expect([settings.scenario, settings.inFlightLimit]).toEqual(['', 9]);
  expect(scenariosIn(await port.read())).toEqual([]);
  expect(overrideCells()).toEqual(cells);
});

test('deleting a scenario that is not on the sheet is refused, naming it, and deletes nothing', async () => {
  const { port, settingsNow } = setUp();
  await saveScenarioAs(port, 'Lean', DEFAULT_SETTINGS, { at: NOW });
  await expect(deleteScenario(port, 'Gone', await settingsNow())).rejects.toThrow('There is no scenario called "Gone"');
  expect(scenariosIn(await port.read()).map((s) => s.name)).toEqual(['Lean']);
});

test('a scenario saves its Horizons and switching to it plans the roadmap again: with H1, H2 Charlie starts in H2, without it waits', async () => {
  const { port, settingsNow } = setUp();
  await saveScenarioAs(port, 'Two halves', { ...DEFAULT_SETTINGS, horizons: ['H1', 'H2'] }, { at: NOW });
  await saveScenarioAs(port, 'One period', DEFAULT_SETTINGS, { at: NOW });
  const [halves, one] = scenariosIn(await port.read());
  expect([halves!.settings.Horizons, one!.settings.Horizons]).toEqual(['H1, H2', 'None']);

  await switchScenario(port, 'Two halves', await settingsNow());
  const settings = await settingsNow();
  // A list, as the settings sheet reads it, not the text "H1, H2".
  expect(settings.horizons).toEqual(['H1', 'H2']);
  const { plan } = await runPlan(port, { now: NOW });
  const charlie = plan.entries.find((e) => e.initiative.name === 'Charlie')!;
  expect([charlie.decision, charlie.schedule?.label]).toEqual(['Commit', 'H2']);

  const comparison = await compareTwo(port, prioritise, { a: 'One period', b: 'Two halves' }, { ...DEFAULT_SETTINGS, scenario: '' }, NOW);
  expect(comparison.onlyInB.map((o) => o.name)).toEqual(['Charlie']);
  expect(comparison.settings).toContainEqual({ label: 'Horizons', a: 'None', b: 'H1, H2' });

  // Back to the scenario saved without horizons: they are gone from the settings sheet, and the plan has no starts.
  await switchScenario(port, 'One period', settings);
  const after = await settingsNow();
  expect(after.horizons ?? []).toEqual([]);
  const { plan: plain } = await runPlan(port, { now: NOW });
  expect(plain.entries.some((e) => e.schedule)).toBe(false);
});

test('compare names the initiatives both plans commit that start at another time, and the comparison sheet lists them', async () => {
  const { port } = setUp();
  await saveScenarioAs(port, 'Two halves', { ...DEFAULT_SETTINGS, horizons: ['H1', 'H2'] }, { at: NOW });
  await saveScenarioAs(port, 'Legal doubled', { ...DEFAULT_SETTINGS, horizons: ['H1', 'H2'], capacityOverrides: { Legal: 12 } }, { at: NOW });
  const comparison = await compareTwo(port, prioritise, { a: 'Two halves', b: 'Legal doubled' }, { ...DEFAULT_SETTINGS, scenario: '' }, NOW);
  expect(comparison.startChanges.map((c) => [c.name, c.startA, c.startB])).toEqual([['Charlie', 'H2', 'H1']]);
  const sheet = scenarioComparisonSheet(comparison, { at: NOW });
  const at = sheet.values.findIndex((row) => row[0] === 'Committed in both, starting at another time');
  expect(sheet.values[at + 2]?.slice(0, 3)).toEqual(['Charlie', 'H2', 'H1']);

  const plain = await compareTwo(port, prioritise, { a: CURRENT_SETTINGS, b: CURRENT_SETTINGS }, { ...DEFAULT_SETTINGS, scenario: '' }, NOW);
  expect(plain.startChanges).toEqual([]);
});
