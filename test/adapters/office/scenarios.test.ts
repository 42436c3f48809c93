import { compareScenarios } from '../../../src/engine/scenarios/compare';
import { readScenarios } from '../../../src/engine/scenarios/readScenarios';
import { settingsOfScenario, type Scenario } from '../../../src/engine/scenarios/scenario';
import { prioritise } from '../../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../../src/engine/settings';
import { runPlan } from '../../../src/app/runPlan';
import { OWNER_MARK, SCENARIO_COMPARISON_SHEET, SCENARIOS_SHEET } from '../../../src/layout/names';
import { scenarioComparisonSheet } from '../../../src/layout/scenarioComparisonSheet';
import { WorkbookProblemError } from '../../../src/port/workbookPort';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { NOW, everything, portOn, sampleWorkbook } from './workbooks';

const { initiatives } = sampleTables();
const firstId = String(initiatives.rows[0]![initiatives.headers.indexOf('ID')]);
const firstName = String(initiatives.rows[0]![initiatives.headers.indexOf('Initiative')]);
const overrideColumn = initiatives.headers.indexOf('Override');

const boardView: Scenario = {
  name: 'Board view',
  settings: { 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 6 },
  capacities: { Legal: 14 },
  overrides: [{ id: firstId, initiative: firstName, choice: 'Out', reason: 'Board asked to wait' }],
};
const lean: Scenario = { name: '=Lean', settings: { 'In-flight limit': 3 }, capacities: {}, overrides: [] };

const problemOf = (error: unknown) => (error instanceof WorkbookProblemError ? error.problem : undefined);

describe('changeScenarios over office.js', () => {
  it('makes a Scenarios sheet marked as the add-in’s, whose tables the next read hands back as saved', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    expect(fake.model.sheet(SCENARIOS_SHEET)!.value(1, 0)).toMatch(new RegExp(`^${OWNER_MARK}`));
    const read = readScenarios((await port.read()).scenarios!);
    expect(read.issues).toEqual([]);
    expect(read.scenarios.map((s) => [s.name, s.capacities, s.overrides.map((o) => [o.id, o.choice])])).toEqual([['Board view', { Legal: 14 }, [[firstId, 'Out']]]]);
  });

  it('rebuilds the sheet in place on a second save, keeping the first scenario and a name that looks like a formula as text', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    await port.changeScenarios({ kind: 'save', scenario: lean });
    expect(fake.model.sheets.filter((s) => s.name.startsWith('Scenarios')).length).toBe(1);
    expect(readScenarios((await port.read()).scenarios!).scenarios.map((s) => s.name)).toEqual(['Board view', '=Lean']);
    const table = fake.model.table('PrioritiserScenarios')!;
    expect(table.sheet.format(table.rect.row + 2, table.rect.column)).toBe('@');
  });

  it('deletes a scenario with its overrides', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    await port.changeScenarios({ kind: 'save', scenario: lean });
    await port.changeScenarios({ kind: 'delete', name: 'Board view' });
    const { scenarios, issues } = readScenarios((await port.read()).scenarios!);
    expect([scenarios.map((s) => s.name), issues]).toEqual([['=Lean'], []]);
    expect(fake.model.table('PrioritiserScenarioOverrides')!.sheet.usedValues().flat()).not.toContain('Board asked to wait');
  });

  it('refuses, as name-taken, to touch a sheet called Scenarios that the user made, and changes nothing', async () => {
    const fake = sampleWorkbook();
    fake.model.addSheet(SCENARIOS_SHEET).cell(0, 0).value = 'my scenarios';
    const before = everything(fake);
    const error = await portOn(fake).changeScenarios({ kind: 'save', scenario: boardView }).catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({ kind: 'name-taken', sheet: SCENARIOS_SHEET });
    expect(everything(fake)).toEqual(before);
  });

  it('lists neither scenario table among the tables the user can pick for the initiatives', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    expect((await port.read()).tables.map((t) => t.name)).toEqual(['Capacity']);
  });

  it('puts a scenario in force through the settings: its override applies and the Override cells of the table stay as they were', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    await port.saveSettings(settingsOfScenario(DEFAULT_SETTINGS, boardView));
    const table = fake.model.table('Initiatives')!;
    const overrides = () => Array.from({ length: table.bodyRows }, (_, r) => table.sheet.value(table.rect.row + 1 + r, table.rect.column + overrideColumn));
    const before = overrides();
    const result = await runPlan(port, { now: NOW });
    expect(result.kind).toBe('written');
    expect(result.plan.entries.find((e) => e.initiative.name === firstName)!.decision).toBe('Forced out');
    expect(overrides()).toEqual(before);
  });
});

describe('writeScenarioComparison over office.js', () => {
  const layout = () => {
    const tables = sampleTables();
    const plan = (inFlightLimit: number) => prioritise({ initiatives: tables.initiatives, capacity: tables.capacity }, { now: NOW, settings: { ...DEFAULT_SETTINGS, inFlightLimit } });
    return scenarioComparisonSheet(compareScenarios(plan(DEFAULT_SETTINGS.inFlightLimit), plan(3), { a: 'Today', b: 'Lean' }), { at: NOW });
  };

  it('writes the sheet with its chart, and a second write rebuilds it rather than adding another', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake);
    expect(await port.writeScenarioComparison(layout())).toBe(SCENARIO_COMPARISON_SHEET);
    await port.writeScenarioComparison(layout());
    const sheets = fake.model.sheets.filter((s) => s.name.startsWith(SCENARIO_COMPARISON_SHEET));
    expect(sheets.length).toBe(1);
    expect(sheets[0]!.value(0, 0)).toBe('Scenario comparison: Today (A) and Lean (B)');
    expect(sheets[0]!.charts.length).toBe(1);
  });

  it('refuses, as name-taken, a sheet of that name the user made', async () => {
    const fake = sampleWorkbook();
    fake.model.addSheet(SCENARIO_COMPARISON_SHEET).cell(0, 0).value = 'mine';
    const before = everything(fake);
    const error = await portOn(fake).writeScenarioComparison(layout()).catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({ kind: 'name-taken', sheet: SCENARIO_COMPARISON_SHEET });
    expect(everything(fake)).toEqual(before);
  });
});
