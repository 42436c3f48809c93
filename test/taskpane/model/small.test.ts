import { prioritise } from '../../../src/engine/plan';
import { choosePlanner, isAvailable } from '../../../src/taskpane/model/planners';
import { DEFAULT_SHEET_NAMES, nextSheetName, sheetKeyOf } from '../../../src/taskpane/model/sheetNames';
import { withSteps } from '../../../src/taskpane/model/steps';
import { pickableTables, workbookView } from '../../../src/taskpane/model/workbookView';
import { createWorkbook, memoryPort } from '../../../src/adapters/memory';
import { sampleWorkbook } from '../../adapters/memory/memoryBuilders';
import { settingsTable, NOW } from '../../builders';
import { sampleTables } from '../../../src/sample/samplePortfolio';

describe('choosing the planner', () => {
  const input = (method: string) => ({ ...sampleTables(), settings: settingsTable({ 'Selection method': method }) });

  test('the method the settings sheet names runs', async () => {
    const optimal = jest.fn(prioritise);
    await choosePlanner({ 'Rank and fill': prioritise, Optimal: optimal })(input('Optimal'), { now: NOW });
    expect(optimal).toHaveBeenCalledTimes(1);
  });

  test('settings edited in the pane win over the sheet', async () => {
    const optimal = jest.fn(prioritise);
    const plan = await choosePlanner({ 'Rank and fill': prioritise, Optimal: optimal })(input('Optimal'), { now: NOW, settings: { ...prioritise(input('Optimal'), { now: NOW }).settings, method: 'Rank and fill' } });
    expect(optimal).not.toHaveBeenCalled();
    expect(plan.selection.method).toBe('Rank and fill');
  });

  test('without an Optimal planner, rank and fill runs and the plan says so', async () => {
    const plan = await choosePlanner({ 'Rank and fill': prioritise })(input('Optimal'), { now: NOW });
    expect(plan.selection.method).toBe('Rank and fill');
    expect(isAvailable({ 'Rank and fill': prioritise }, 'Optimal')).toBe(false);
  });
});

describe('sheet names', () => {
  test('another name counts up from the one in use', () => {
    expect(nextSheetName('Change impact')).toBe('Change impact (2)');
    expect(nextSheetName('Change impact (2)')).toBe('Change impact (3)');
  });

  test('a taken sheet is matched to the add-in’s sheet ignoring case', () => {
    expect(sheetKeyOf(DEFAULT_SHEET_NAMES, 'decision LOG')).toBe('decisionLog');
    expect(sheetKeyOf(DEFAULT_SHEET_NAMES, 'Budget')).toBeUndefined();
  });
});

describe('run steps', () => {
  test('reading, planning and writing are reported in order', async () => {
    const steps: string[] = [];
    const stepped = withSteps(memoryPort(sampleWorkbook()), prioritise, (step) => steps.push(step));
    const snapshot = await stepped.port.read();
    const plan = await stepped.planner(snapshot, { now: NOW });
    const { planLayout } = await import('../../../src/layout/planLayout');
    await stepped.port.write(plan, planLayout(plan), snapshot.fingerprint);
    expect(steps).toEqual(['reading', 'planning', 'writing']);
  });
});

describe('what the pane shows before a run', () => {
  test('a workbook without the table is a first run listing the tables it could use', async () => {
    const view = workbookView(await memoryPort(createWorkbook()).read());
    expect(view).toMatchObject({ kind: 'first-run', tables: [] });
  });

  test('a workbook with the table is ready, with the Capacity table’s own values', async () => {
    const view = workbookView(await memoryPort(sampleWorkbook()).read());
    expect(view).toMatchObject({ kind: 'ready', table: { name: 'Initiatives', sheet: 'Portfolio', rows: 25 } });
    expect(view.kind === 'ready' && view.teams.map((t) => t.capacity)).toEqual([12, 12, 28, 18, 12]);
  });

  test('the add-in’s own tables are never offered as the Initiatives table', () => {
    const info = (name: string) => ({ name, sheet: 'S', rows: 1, columns: 1, headers: [] });
    expect(pickableTables(['Capacity', 'PrioritisationSettings', 'DecisionLog', 'DecisionLog2', 'Projects'].map(info)).map((t) => t.name)).toEqual(['Projects']);
  });
});
