import { excelJsPort } from '../../../src/adapters/exceljs/excelJsPort';
import { openWorkbook, saveWorkbook } from '../../../src/adapters/exceljs/workbookFile';
import { readScenarios } from '../../../src/engine/scenarios/readScenarios';
import type { Scenario } from '../../../src/engine/scenarios/scenario';
import { SCENARIOS_SHEET } from '../../../src/layout/names';
import { WorkbookProblemError } from '../../../src/port/workbookPort';
import { named } from '../../builders';
import { fromBytes, portfolioWorkbook, toBytes } from './xlsxFixtures';

const legal: Scenario = { name: 'Legal +2', settings: { 'In-flight limit': 5 }, capacities: { Legal: 14 }, overrides: [{ initiative: 'Alpha', choice: 'In', reason: 'Board' }] };
const lean: Scenario = { name: 'Lean', settings: { 'In-flight limit': 3 }, capacities: {}, overrides: [] };

test('scenarios saved in a workbook file read back from the saved bytes, the second saved after the first', async () => {
  const { workbook } = await openWorkbook(await toBytes(await portfolioWorkbook({ rows: [named('Alpha')] })));
  await excelJsPort(workbook).changeScenarios({ kind: 'save', scenario: legal });
  const again = await fromBytes(await saveWorkbook(workbook));
  await excelJsPort(again).changeScenarios({ kind: 'save', scenario: lean });
  const reopened = await fromBytes(await saveWorkbook(again));
  const read = readScenarios((await excelJsPort(reopened).read()).scenarios!);
  expect(read.issues).toEqual([]);
  expect(read.scenarios.map((s) => [s.name, s.capacities, s.overrides.length])).toEqual([
    ['Legal +2', { Legal: 14 }, 1],
    ['Lean', {}, 0],
  ]);
});

test('a sheet called Scenarios that the user made refuses the save as name-taken', async () => {
  const { workbook } = await openWorkbook(await toBytes(await portfolioWorkbook({ rows: [named('Alpha')] })));
  workbook.addWorksheet(SCENARIOS_SHEET).getCell('A1').value = 'mine';
  const error = await excelJsPort(workbook).changeScenarios({ kind: 'save', scenario: legal }).catch((e: unknown) => e);
  expect(error instanceof WorkbookProblemError && error.problem).toMatchObject({ kind: 'name-taken', sheet: SCENARIOS_SHEET });
  expect(workbook.getWorksheet(SCENARIOS_SHEET)!.getCell('A1').value).toBe('mine');
});
