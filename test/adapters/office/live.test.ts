// Live mode through office.js, on the fake Excel: only the changed cells
// written in four round trips, no log row, the user's selection kept, and the
// user's edits to the inputs heard through tables.onChanged, never the
// add-in's own writes.

import { columnSpan, touchesInputs } from '../../../src/adapters/office/inputEvents';
import { inputsKey, liveRun, type LiveBase } from '../../../src/app/liveRun';
import { runPlan } from '../../../src/app/runPlan';
import { columnLetters } from '../../../src/engine/address';
import { prioritise } from '../../../src/engine/plan';
import { changedCellCount, layoutChanges } from '../../../src/layout/layoutChanges';
import type { InputsChange, WorkbookPort } from '../../../src/port/workbookPort';
import { addTable, type FakeExcel } from './fakeExcel';
import { NOW, everything, portOn, sampleWorkbook, syncsSince } from './workbooks';

const afterEvents = () => new Promise((resolve) => setTimeout(resolve, 5));

/** An explicit Run (which logs), and the base a live session starts from after it. */
async function firstBase(port: WorkbookPort): Promise<LiveBase> {
  const result = await runPlan(port, { now: NOW });
  if (result.kind !== 'written') throw new Error(result.kind);
  return { key: inputsKey(result.snapshot, undefined), plan: result.plan, layout: result.layout };
}

async function liveAfterEdit(fake: FakeExcel, edit: (fake: FakeExcel) => void) {
  const port = portOn(fake);
  const base = await firstBase(port);
  edit(fake);
  const from = fake.contexts.length;
  const writesBefore = fake.model.sheet('Portfolio')!.valueWrites;
  const outcome = await liveRun(port, { now: '2026-11-23T10:05:00.000Z' }, { planner: prioritise, base });
  if (outcome.kind !== 'written') throw new Error(outcome.kind);
  return { base, outcome, syncs: syncsSince(fake, from), outputWrites: fake.model.sheet('Portfolio')!.valueWrites - writesBefore };
}

const legalToZero = (fake: FakeExcel) => (fake.model.sheet('Capacity')!.cell(1, 1).value = 0);

describe('a live re-run through office.js', () => {
  it('writes only the output cells that changed', async () => {
    const { base, outcome, outputWrites } = await liveAfterEdit(sampleWorkbook(), legalToZero);
    const changes = layoutChanges(base.layout, outcome.base.layout);
    if (changes.outputs === 'all') throw new Error('expected runs');
    expect(outputWrites).toBe(changes.outputs.reduce((n, run) => n + run.values.length, 0));
    expect(outputWrites).toBeGreaterThan(0);
    expect(outcome.outcome.cellsWritten).toBe(changedCellCount(changes, outcome.base.layout));
  });

  it('takes four round trips, none of them large', async () => {
    const { syncs } = await liveAfterEdit(sampleWorkbook(), legalToZero);
    expect(syncs).toHaveLength(4);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThan(60_000);
  });

  it('leaves the workbook as a full run would, but for the Decision log it does not add to', async () => {
    const live = sampleWorkbook();
    await liveAfterEdit(live, legalToZero);
    const full = sampleWorkbook();
    await firstBase(portOn(full));
    legalToZero(full);
    const fullRun = await liveRun(portOn(full), { now: '2026-11-23T10:05:00.000Z' }, { planner: prioritise, base: undefined });
    expect(fullRun.kind).toBe('written');
    expect(everything(live)).toEqual(everything(full));
  });

  it('leaves the active sheet and the selection where the user put them', async () => {
    const fake = sampleWorkbook();
    const { outcome } = await liveAfterEdit(fake, (f) => {
      legalToZero(f);
      const impact = f.model.sheet('Change impact')!;
      f.model.activeSheet = impact;
      f.model.selection = { sheet: impact, rect: { row: 9, column: 1, rows: 2, columns: 2 } };
    });
    expect(outcome.kind).toBe('written');
    expect(fake.model.activeSheet?.name).toBe('Change impact');
    expect(fake.model.selection).toEqual({ sheet: fake.model.sheet('Change impact'), rect: { row: 9, column: 1, rows: 2, columns: 2 } });
  });

  it('appends no Decision log row', async () => {
    const fake = sampleWorkbook();
    const rows = () => fake.model.table('DecisionLog')!.bodyRows;
    const { outcome } = await liveAfterEdit(fake, legalToZero);
    expect(rows()).toBe(1);
    expect(outcome.kind).toBe('written');
  });
});

describe('the user’s edits heard through tables.onChanged', () => {
  async function listening(fake = sampleWorkbook()) {
    const port = portOn(fake);
    await firstBase(port);
    const heard: InputsChange[] = [];
    const stop = port.onInputsChanged!((change) => heard.push(change));
    await afterEvents();
    return { fake, port, heard, stop };
  }

  it('an edit to an input column of the Initiatives table is heard', async () => {
    const { fake, heard } = await listening();
    fake.model.typeInto('Portfolio', 'G4', 2);
    await afterEvents();
    expect(heard).toEqual([{ table: 'initiatives' }]);
  });

  it('an edit to the Capacity table is heard', async () => {
    const { fake, heard } = await listening();
    fake.model.typeInto('Capacity', 'B2', 20);
    await afterEvents();
    expect(heard).toEqual([{ table: 'capacity' }]);
  });

  it('an edit to the overrides of a scenario on the Scenarios sheet is heard: the scenario in force plans with them', async () => {
    const { fake, port, heard } = await listening();
    await port.changeScenarios({ kind: 'save', scenario: { name: 'Lean', settings: { 'In-flight limit': 3 }, capacities: {}, overrides: [{ id: 'AI-01', initiative: 'Credit', choice: 'Out', reason: 'Board asked' }] } });
    await afterEvents();
    heard.length = 0;
    const overrides = fake.model.table('PrioritiserScenarioOverrides')!;
    const choice = overrides.headers.indexOf('Override');
    fake.model.typeInto(overrides.sheet.name, `${columnLetters(overrides.column + choice)}${overrides.row + 2}`, 'In');
    await afterEvents();
    expect(heard).toEqual([{ table: 'scenarios' }]);
  });

  it('an edit to the FX rates table is heard: a rate changes what an amount in another currency is worth', async () => {
    const fake = sampleWorkbook();
    addTable(fake.model, { sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } });
    const { heard } = await listening(fake);
    fake.model.typeInto('Rates', 'B2', 1.2);
    await afterEvents();
    expect(heard).toEqual([{ table: 'fx-rates' }]);
  });

  it('an edit to an output column is not heard', async () => {
    const { fake, heard } = await listening();
    const priority = fake.model.table('Initiatives')!.headers.indexOf('Priority');
    fake.model.typeInto('Portfolio', `${columnLetters(priority)}3`, 99);
    await afterEvents();
    expect(heard).toEqual([]);
  });

  it('a co-author’s edit (source Remote) is not heard', async () => {
    const { fake, heard } = await listening();
    const sheet = fake.model.sheet('Capacity')!;
    fake.model.cellsChanged(sheet, { row: 1, column: 1, rows: 1, columns: 1 }, 'Remote');
    await afterEvents();
    expect(heard).toEqual([]);
  });

  it('the add-in’s own live write raises change events that are not heard as edits', async () => {
    const { fake, port, heard } = await listening();
    const base = await firstBase(port);
    legalToZero(fake);
    const outcome = await liveRun(port, { now: NOW }, { planner: prioritise, base });
    expect(outcome.kind).toBe('written');
    await afterEvents();
    await afterEvents();
    expect(heard).toEqual([]);
    const again = await liveRun(port, { now: NOW }, { planner: prioritise, base: outcome.kind === 'written' ? outcome.base : undefined });
    expect(again).toEqual({ kind: 'unchanged' });
  });

  it('changes heard while one of the add-in’s commands runs are passed on once, when it ends', async () => {
    const { fake, port, heard } = await listening();
    const reading = port.read();
    const capacity = fake.model.table('Capacity')!;
    const args = { type: 'TableChanged', tableId: capacity.id, worksheetId: 'Capacity', address: 'B2', changeType: 'RangeEdited', source: 'Local' } as const;
    // Delivered while the read is under way: the add-in cannot tell them from its own.
    for (const handler of fake.model.tableChangedHandlers) void handler(args);
    for (const handler of fake.model.tableChangedHandlers) void handler({ ...args, address: 'B3' });
    expect(heard).toEqual([]);
    await reading;
    await afterEvents();
    await afterEvents();
    expect(heard).toEqual([{ table: 'initiatives' }]);
  });

  it('after unsubscribing nothing is heard and the handler is removed', async () => {
    const { fake, heard, stop } = await listening();
    stop();
    await afterEvents();
    fake.model.typeInto('Capacity', 'B2', 20);
    await afterEvents();
    expect(heard).toEqual([]);
    expect(fake.model.tableChangedHandlers.size).toBe(0);
  });
});

describe('reading a change’s address', () => {
  it('finds the columns of a cell, a range and a sheet-qualified range', () => {
    expect(columnSpan('C7')).toEqual({ first: 2, last: 2 });
    expect(columnSpan('AA3:AC9')).toEqual({ first: 26, last: 28 });
    expect(columnSpan("'My sheet'!$B$2:$D$4")).toEqual({ first: 1, last: 3 });
  });

  it('an address it cannot read counts as touching the inputs', () => {
    expect(columnSpan('nonsense!')).toBeUndefined();
    expect(touchesInputs('???', ['Priority'], 0)).toBe(true);
  });

  it('a change spanning an input and an output column touches the inputs', () => {
    expect(touchesInputs('A2:B2', ['Owner', 'Priority'], 0)).toBe(true);
    expect(touchesInputs('B2', ['Owner', 'Priority'], 0)).toBe(false);
  });
});
