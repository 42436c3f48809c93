// Live mode on the memory workbook: only the changed cells written, no log row,
// the user's selection kept, and the user's edits to the inputs heard.

import { enterText, selectRange, setEditing } from '../../../src/adapters/memory/userActions';
import { findSheet, findTable, type MemoryWorkbook } from '../../../src/adapters/memory/model';
import { rawTable } from '../../../src/adapters/memory/tables';
import { prioritise } from '../../../src/engine/plan';
import { changedCellCount, layoutChanges } from '../../../src/layout/layoutChanges';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET } from '../../../src/layout/names';
import { planLayout } from '../../../src/layout/planLayout';
import type { InputsChange } from '../../../src/port/workbookPort';
import { NOW } from '../../builders';
import { memoryPort, run, sampleWorkbook, sheetValues, workbookWith } from './memoryBuilders';
import { sampleTables } from '../../../src/sample/samplePortfolio';

/** The sample's Legal capacity cell: Capacity!B2 (header row 1, Legal first). */
const LEGAL = { sheet: 'Capacity', row: 1, column: 1 };

async function writtenOnce(workbook: MemoryWorkbook) {
  const first = await run(memoryPort(workbook));
  if (first.kind !== 'written') throw new Error(first.kind);
  return first.layout;
}

/** Plan the workbook as it is now and write it as a live re-run does. */
async function liveWrite(workbook: MemoryWorkbook, previous: ReturnType<typeof planLayout>, now = '2026-11-23T10:05:00.000Z') {
  const port = memoryPort(workbook);
  const snapshot = await port.read();
  const plan = prioritise(snapshot, { now });
  const layout = planLayout(plan);
  const outcome = await port.write(plan, layout, snapshot.fingerprint, { previous, log: false });
  return { outcome, layout };
}

const writesOn = (workbook: MemoryWorkbook, sheet: string) => findSheet(workbook, sheet)?.writes ?? 0;

describe('a live write on the memory workbook', () => {
  test('writes only the output cells that changed', async () => {
    const workbook = sampleWorkbook();
    const previous = await writtenOnce(workbook);
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4');
    const before = writesOn(workbook, 'Portfolio');
    const { layout } = await liveWrite(workbook, previous);
    const changes = layoutChanges(previous, layout);
    if (changes.outputs === 'all') throw new Error('expected runs');
    const changedOutputs = changes.outputs.reduce((n, r) => n + r.values.length, 0);
    expect(changedOutputs).toBeGreaterThan(0);
    expect(writesOn(workbook, 'Portfolio') - before).toBe(changedOutputs);
  });

  test('leaves the outputs exactly as a full write would', async () => {
    const live = sampleWorkbook();
    const previous = await writtenOnce(live);
    enterText(live, LEGAL.sheet, LEGAL.row, LEGAL.column, '4');
    await liveWrite(live, previous, NOW);
    const full = sampleWorkbook();
    enterText(full, LEGAL.sheet, LEGAL.row, LEGAL.column, '4');
    await writtenOnce(full);
    expect(sheetValues(live, 'Portfolio')).toEqual(sheetValues(full, 'Portfolio'));
    expect(sheetValues(live, CHANGE_IMPACT_SHEET)).toEqual(sheetValues(full, CHANGE_IMPACT_SHEET));
  });

  test('reports the cells it wrote, far fewer than a full write', async () => {
    const workbook = sampleWorkbook();
    const previous = await writtenOnce(workbook);
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '13');
    const { outcome, layout } = await liveWrite(workbook, previous);
    expect(outcome.ok && outcome.cellsWritten).toBe(changedCellCount(layoutChanges(previous, layout), layout));
    expect(outcome.ok && outcome.cellsWritten).toBeLessThan(changedCellCount(layoutChanges(undefined, layout), layout) / 10);
  });

  test('appends no row to the Decision log', async () => {
    const workbook = sampleWorkbook();
    const previous = await writtenOnce(workbook);
    const rows = () => findTable(workbook, 'DecisionLog')!.rows;
    const before = rows();
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4');
    const { outcome } = await liveWrite(workbook, previous);
    expect(rows()).toBe(before);
    expect(outcome.ok && outcome.sheetsWritten).not.toContain(DECISION_LOG_SHEET);
  });

  test('keeps the user’s active sheet and selection, even on the sheet it rewrites', async () => {
    const workbook = sampleWorkbook();
    const previous = await writtenOnce(workbook);
    selectRange(workbook, { sheet: CHANGE_IMPACT_SHEET, row: 7, column: 2, rows: 3, columns: 2 });
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '0');
    selectRange(workbook, { sheet: CHANGE_IMPACT_SHEET, row: 7, column: 2, rows: 3, columns: 2 });
    await liveWrite(workbook, previous);
    expect(workbook.activeSheet).toBe(CHANGE_IMPACT_SHEET);
    expect(workbook.selection).toEqual({ sheet: CHANGE_IMPACT_SHEET, row: 7, column: 2, rows: 3, columns: 2 });
  });

  test('writes every output cell when rows were added since the last write', async () => {
    const workbook = sampleWorkbook();
    const previous = await writtenOnce(workbook);
    const shorter = { ...previous, outputs: { ...previous.outputs, values: previous.outputs.values.slice(1) } };
    const before = writesOn(workbook, 'Portfolio');
    await liveWrite(workbook, shorter);
    expect(writesOn(workbook, 'Portfolio') - before).toBe(previous.outputs.values.length * previous.outputs.keys.length);
  });
});

describe('the user’s edits to the inputs', () => {
  function listen(workbook: MemoryWorkbook) {
    const heard: InputsChange[] = [];
    const stop = memoryPort(workbook).onInputsChanged!((change) => heard.push(change));
    return { heard, stop };
  }

  test('an edit to an input column of the Initiatives table is heard', async () => {
    const workbook = sampleWorkbook();
    const { heard } = listen(workbook);
    enterText(workbook, 'Portfolio', 3, 6, '2');
    expect(heard).toEqual([{ table: 'initiatives' }]);
  });

  test('an edit to the Capacity table is heard', () => {
    const workbook = sampleWorkbook();
    const { heard } = listen(workbook);
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '20');
    expect(heard).toEqual([{ table: 'capacity' }]);
  });

  test('an edit to the settings table is heard', async () => {
    const workbook = sampleWorkbook();
    await writtenOnce(workbook);
    const settings = findTable(workbook, 'PrioritisationSettings')!;
    const { heard } = listen(workbook);
    enterText(workbook, settings.sheet, settings.row + 1, settings.column + 1, '0.5');
    expect(heard).toEqual([{ table: 'settings' }]);
  });

  test('an edit to the overrides of a scenario on the Scenarios sheet is heard: the scenario in force plans with them', async () => {
    const workbook = sampleWorkbook();
    await memoryPort(workbook).changeScenarios({ kind: 'save', scenario: { name: 'Lean', settings: {}, capacities: {}, overrides: [{ id: 'AI-01', initiative: 'Credit', choice: 'Out', reason: 'Board asked' }] } });
    const overrides = findTable(workbook, 'PrioritiserScenarioOverrides')!;
    const { heard } = listen(workbook);
    enterText(workbook, overrides.sheet, overrides.row + 1, overrides.column + rawTable(workbook, overrides).headers.indexOf('Override'), 'In');
    expect(heard).toEqual([{ table: 'scenarios' }]);
  });

  test('an edit to the FX rates table is heard: a rate changes what an amount in another currency is worth', () => {
    const { initiatives, capacity } = sampleTables();
    const workbook = workbookWith(initiatives, capacity, { sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } });
    const { heard } = listen(workbook);
    enterText(workbook, 'Rates', 1, 1, '1.2');
    expect(heard).toEqual([{ table: 'fx-rates' }]);
  });

  test('an edit to an output column or outside the inputs is not heard', async () => {
    const workbook = sampleWorkbook();
    await writtenOnce(workbook);
    const table = findTable(workbook, 'Initiatives')!;
    const priority = rawTable(workbook, table).headers.indexOf('Priority');
    const { heard } = listen(workbook);
    enterText(workbook, 'Portfolio', 2, table.column + priority, '99');
    enterText(workbook, 'Portfolio', table.rows + 3, 0, 'a note below the table');
    enterText(workbook, CHANGE_IMPACT_SHEET, 1, 0, 'x');
    expect(heard).toEqual([]);
  });

  test('the add-in’s own writes are never heard', async () => {
    const workbook = sampleWorkbook();
    const { heard } = listen(workbook);
    await writtenOnce(workbook);
    await memoryPort(workbook).sortByPriority();
    expect(heard).toEqual([]);
  });

  test('starting to edit a cell is not an edit; pressing Enter is', () => {
    const workbook = sampleWorkbook();
    const { heard } = listen(workbook);
    setEditing(workbook, true);
    expect(heard).toEqual([]);
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '20');
    expect(heard).toHaveLength(1);
  });

  test('nothing is heard after unsubscribing', () => {
    const workbook = sampleWorkbook();
    const { heard, stop } = listen(workbook);
    stop();
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '20');
    expect(heard).toEqual([]);
  });
});
