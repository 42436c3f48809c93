import { createWorkbook, findSheet, findTable, getCell, sheetOf } from '../../../src/adapters/memory/model';
import { writeBlock } from '../../../src/adapters/memory/cells';
import { rawTable } from '../../../src/adapters/memory/tables';
import { compareScenarios } from '../../../src/engine/scenarios/compare';
import { readScenarios } from '../../../src/engine/scenarios/readScenarios';
import { settingsOfScenario, type Scenario } from '../../../src/engine/scenarios/scenario';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/engine/settings';
import { prioritise } from '../../../src/engine/plan';
import { SCENARIO_COMPARISON_SHEET, SCENARIOS_SHEET, isOwnSheet } from '../../../src/layout/names';
import { scenarioComparisonSheet } from '../../../src/layout/scenarioComparisonSheet';
import { WorkbookProblemError } from '../../../src/port/workbookPort';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { NOW } from '../../builders';
import { memoryPort, run, sampleWorkbook, sheetValues } from './memoryBuilders';

const first = sampleTables().initiatives;
const idColumn = first.headers.indexOf('ID');
const nameColumn = first.headers.indexOf('Initiative');
const overrideColumn = first.headers.indexOf('Override');
const firstId = String(first.rows[0]![idColumn]);
const firstName = String(first.rows[0]![nameColumn]);

const boardView: Scenario = {
  name: 'Board view',
  settings: { 'Impact weight': 60, 'Readiness weight': 25, 'Friction weight': 15, 'In-flight limit': 6 },
  capacities: { Legal: 14 },
  overrides: [{ id: firstId, initiative: firstName, choice: 'Out', reason: 'Board asked to wait' }],
  savedAt: NOW,
};
const lean: Scenario = { name: 'Lean', settings: { 'In-flight limit': 3 }, capacities: {}, overrides: [] };

const problemOf = (error: unknown) => (error instanceof WorkbookProblemError ? error.problem : undefined);

describe('scenarios on the Scenarios sheet', () => {
  test('saving a scenario makes a visible Scenarios sheet of the add-in’s, and a read hands its tables back as saved', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    expect(isOwnSheet(getCell(sheetOf(workbook, SCENARIOS_SHEET), 1, 0).value)).toBe(true);
    const read = readScenarios((await port.read()).scenarios!);
    expect(read.issues).toEqual([]);
    expect(read.scenarios.map((s) => [s.name, s.settings['In-flight limit'], s.capacities, s.overrides.map((o) => [o.id, o.choice, o.reason])])).toEqual([
      ['Board view', 6, { Legal: 14 }, [[firstId, 'Out', 'Board asked to wait']]],
    ]);
  });

  test('a workbook without a Scenarios sheet reads as no scenario tables', async () => {
    expect((await memoryPort(createWorkbook()).read()).scenarios).toEqual({ scenarios: undefined, overrides: undefined });
  });

  test('saving a second scenario keeps the first, and deleting one removes its row and its overrides', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    await port.changeScenarios({ kind: 'save', scenario: lean });
    expect(readScenarios((await port.read()).scenarios!).scenarios.map((s) => s.name)).toEqual(['Board view', 'Lean']);
    await port.changeScenarios({ kind: 'delete', name: 'board VIEW' });
    const left = readScenarios((await port.read()).scenarios!);
    expect(left.scenarios.map((s) => [s.name, s.overrides.length])).toEqual([['Lean', 0]]);
  });

  test('a sheet called Scenarios that the user made is never written over: the save is refused as name-taken', async () => {
    const workbook = sampleWorkbook();
    writeBlock(sheetOf(workbook, 'Sheet1'), 0, 0, [['my notes']]);
    sheetOf(workbook, 'Sheet1').name = 'Scenarios';
    const error = await memoryPort(workbook).changeScenarios({ kind: 'save', scenario: boardView }).catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({ kind: 'name-taken', sheet: 'Scenarios' });
    expect(sheetValues(workbook, 'Scenarios')).toEqual([['my notes']]);
    expect(findTable(workbook, 'PrioritiserScenarios')).toBeUndefined();
  });

  test('in cell-edit mode saving a scenario is refused and nothing is written', async () => {
    const workbook = sampleWorkbook();
    workbook.editing = true;
    const error = await memoryPort(workbook).changeScenarios({ kind: 'save', scenario: boardView }).catch((e: unknown) => e);
    expect(problemOf(error)?.kind).toBe('editing');
    expect(findSheet(workbook, SCENARIOS_SHEET)).toBeUndefined();
  });
});

describe('switching to a scenario', () => {
  test('the settings sheet takes the scenario’s settings and name; its override applies in the plan and the Override cell is left as it was', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    await port.changeScenarios({ kind: 'save', scenario: boardView });
    await port.saveSettings(settingsOfScenario(DEFAULT_SETTINGS, boardView));
    const before = rawTable(workbook, findTable(workbook, 'Initiatives')!).rows.map((r) => r[overrideColumn]);
    const result = await run(port);
    expect(result.kind).toBe('written');
    const settings = readSettings((await port.read()).settings).settings;
    expect([settings.scenario, settings.inFlightLimit, settings.weights.impact, settings.capacityOverrides]).toEqual(['Board view', 6, 60, { Legal: 14 }]);
    const entry = result.plan.entries.find((e) => e.initiative.name === firstName)!;
    expect([entry.decision, entry.initiative.overrideScenario]).toEqual(['Forced out', 'Board view']);
    expect(rawTable(workbook, findTable(workbook, 'Initiatives')!).rows.map((r) => r[overrideColumn])).toEqual(before);
  });
});

describe('the Scenario comparison sheet', () => {
  const comparisonLayout = () => {
    const tables = sampleTables();
    const plan = (settings = DEFAULT_SETTINGS) => prioritise({ initiatives: tables.initiatives, capacity: tables.capacity }, { now: NOW, settings });
    return scenarioComparisonSheet(compareScenarios(plan(), plan({ ...DEFAULT_SETTINGS, inFlightLimit: 3 }), { a: 'Today', b: 'Lean' }), { at: NOW });
  };

  test('is written as a sheet of the add-in’s and rebuilt, not duplicated, when written again', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    expect(await port.writeScenarioComparison(comparisonLayout())).toBe(SCENARIO_COMPARISON_SHEET);
    await port.writeScenarioComparison(comparisonLayout());
    expect(workbook.sheets.filter((s) => s.name.startsWith('Scenario comparison')).length).toBe(1);
    expect(sheetValues(workbook, SCENARIO_COMPARISON_SHEET)[0]![0]).toBe('Scenario comparison: Today (A) and Lean (B)');
  });

  test('is refused as name-taken when the user has a sheet of that name, which stays as it was', async () => {
    const workbook = sampleWorkbook();
    sheetOf(workbook, 'Sheet1').name = SCENARIO_COMPARISON_SHEET;
    writeBlock(sheetOf(workbook, SCENARIO_COMPARISON_SHEET), 0, 0, [['mine']]);
    const error = await memoryPort(workbook).writeScenarioComparison(comparisonLayout()).catch((e: unknown) => e);
    expect(problemOf(error)).toMatchObject({ kind: 'name-taken', sheet: SCENARIO_COMPARISON_SHEET });
    expect(sheetValues(workbook, SCENARIO_COMPARISON_SHEET)).toEqual([['mine']]);
  });
});
