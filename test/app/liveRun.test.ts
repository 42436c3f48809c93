import { enterText } from '../../src/adapters/memory/userActions';
import { memoryPort } from '../../src/adapters/memory';
import { inputsKey, liveRun, type LiveBase } from '../../src/app/liveRun';
import { prioritise } from '../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { WorkbookPort } from '../../src/port/workbookPort';
import { saveScenarioAs } from '../../src/app/scenarios';
import { NOW, capacity, named, table } from '../builders';
import { sampleWorkbook, workbookWith } from '../adapters/memory/memoryBuilders';
import { sampleTables } from '../../src/sample/samplePortfolio';

const options = (base: LiveBase | undefined) => ({ planner: prioritise, base });

async function firstBase(port: WorkbookPort): Promise<LiveBase> {
  const outcome = await liveRun(port, { now: NOW }, options(undefined));
  if (outcome.kind !== 'written') throw new Error(outcome.kind);
  return outcome.base;
}

describe('one live re-run', () => {
  test('with inputs as the last run saw them, writes nothing', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    const base = await firstBase(port);
    const write = jest.spyOn(port, 'write');
    expect(await liveRun(port, { now: NOW }, options(base))).toEqual({ kind: 'unchanged' });
    expect(write).not.toHaveBeenCalled();
  });

  test('after a capacity edit, writes the new plan and says what moved', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    const base = await firstBase(port);
    enterText(workbook, 'Capacity', 1, 1, '0');
    const outcome = await liveRun(port, { now: NOW }, options(base));
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    expect(outcome.diff?.left.length).toBeGreaterThan(0);
    expect(outcome.outcome.cellsWritten).toBeGreaterThan(0);
    expect(outcome.base.key).not.toBe(base.key);
  });

  test('after an FX rate edit, plans again: the rate is what an amount in euros is worth', async () => {
    // One amount in euros, one in dollars (the plan's currency then), and a rate for the euros.
    const { initiatives, capacity } = sampleTables();
    const euros = { ...initiatives, rows: initiatives.rows.map((row, r) => r > 1 ? row : row.map((v, c) => (initiatives.headers[c] === 'Annual value' ? (r === 0 ? '€4,800,000' : '$2,100,000') : v))) };
    const workbook = workbookWith(euros, capacity, { sheet: 'Rates', name: 'FXRates', headers: ['Currency', 'Rate'], rows: [['EUR', 1.1]], origin: { row: 0, column: 0 } });
    const port = memoryPort(workbook);
    const base = await firstBase(port);
    enterText(workbook, 'Rates', 1, 1, '0.5');
    const outcome = await liveRun(port, { now: NOW }, options(base));
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    expect(base.plan.summary.requestedValue - outcome.base.plan.summary.requestedValue).toBeCloseTo(4_800_000 * (1.1 - 0.5));
  });

  test('the first live run has no previous plan to compare with', async () => {
    const outcome = await liveRun(memoryPort(sampleWorkbook()), { now: NOW }, options(undefined));
    expect(outcome.kind === 'written' && outcome.diff).toBeUndefined();
  });

  test('a workbook without an Initiatives table is unusable and nothing is written', async () => {
    const workbook = sampleWorkbook();
    workbook.tables = workbook.tables.filter((t) => t.name !== 'Initiatives');
    expect((await liveRun(memoryPort(workbook), { now: NOW }, options(undefined))).kind).toBe('unusable');
  });

  test('a table changed between the read and the write is not written', async () => {
    const workbook = sampleWorkbook();
    const port = memoryPort(workbook);
    const base = await firstBase(port);
    enterText(workbook, 'Capacity', 1, 1, '0');
    workbook.beforeNextWrite = (w) => enterText(w, 'Portfolio', 2, 6, '1');
    const outcome = await liveRun(port, { now: NOW }, options(base));
    expect(outcome.kind === 'not-written' && outcome.problem.kind).toBe('changed');
  });
});

test('after the table was sorted, every output cell is written again', async () => {
  const workbook = sampleWorkbook();
  const port = memoryPort(workbook);
  const base = await firstBase(port);
  await port.sortByPriority();
  enterText(workbook, 'Capacity', 1, 1, '11');
  const outcome = await liveRun(port, { now: NOW }, options(base));
  if (outcome.kind !== 'written') throw new Error(outcome.kind);
  expect(outcome.outcome.cellsWritten).toBeGreaterThanOrEqual(base.layout.outputs.values.length * base.layout.outputs.keys.length);
  const fresh = prioritise(await port.read(), { now: NOW });
  const written = await port.read();
  const priority = written.initiatives!.headers.indexOf('Priority');
  expect(written.initiatives!.rows.map((r) => r[priority])).toEqual(fresh.entries.map((e) => e.priority ?? ''));
});

describe('the inputs key', () => {
  test('changes with the settings the pane passes in, even when the sheet is the same', async () => {
    const snapshot = await memoryPort(sampleWorkbook()).read();
    const other = { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights, impact: 0 } };
    expect(inputsKey(snapshot, undefined)).not.toBe(inputsKey(snapshot, other));
  });

  test('is the same for the settings sheet’s defaults and the same settings passed in', async () => {
    const snapshot = await memoryPort(sampleWorkbook()).read();
    expect(inputsKey(snapshot, DEFAULT_SETTINGS)).toBe(inputsKey(snapshot, undefined));
  });

  test('changes with a capacity', async () => {
    const workbook = sampleWorkbook();
    const before = inputsKey(await memoryPort(workbook).read(), undefined);
    enterText(workbook, 'Capacity', 1, 1, '13');
    expect(inputsKey(await memoryPort(workbook).read(), undefined)).not.toBe(before);
  });
});

describe('live mode with a scenario in force', () => {
  // Legal has room for two of the three. The scenario "Bravo out" keeps Bravo out; the table's own Override cell is then cleared.
  const rows = [
    named('Alpha', { ID: 'AI-01', 'Strategic fit': 5, 'Annual value': 3_000_000, Legal: 6 }),
    named('Bravo', { ID: 'AI-02', 'Strategic fit': 4, 'Annual value': 2_000_000, Legal: 6, Override: 'Out', 'Override reason': 'Budget freeze' }),
    named('Charlie', { ID: 'AI-03', 'Strategic fit': 3, 'Annual value': 1_000_000, Legal: 6 }),
  ];
  const decisions = (outcome: Awaited<ReturnType<typeof liveRun>>) => {
    if (outcome.kind !== 'written') throw new Error(outcome.kind);
    return Object.fromEntries(outcome.base.plan.entries.map((e) => [e.initiative.name, e.decision]));
  };

  async function inForce() {
    const initiatives = table(rows);
    const workbook = workbookWith(initiatives, capacity({ Legal: 12 }));
    const port = memoryPort(workbook);
    await saveScenarioAs(port, 'Bravo out', DEFAULT_SETTINGS, { at: NOW });
    const overrideColumn = initiatives.headers.indexOf('Override');
    enterText(workbook, 'Portfolio', 2, overrideColumn, '');
    return { workbook, port };
  }

  test('keeps the scenario’s overrides, not the table’s', async () => {
    const { port } = await inForce();
    const outcome = await liveRun(port, { now: NOW }, options(undefined));
    expect(decisions(outcome)).toMatchObject({ Alpha: 'Commit', Bravo: 'Forced out', Charlie: 'Commit' });
    expect(outcome.kind === 'written' && outcome.base.plan.issues.map((i) => i.code)).not.toContain('unknown-scenario');
  });

  test('re-plans when the scenario in force changes on the Scenarios sheet', async () => {
    const { port } = await inForce();
    const first = await liveRun(port, { now: NOW }, options(undefined));
    if (first.kind !== 'written') throw new Error(first.kind);
    await port.changeScenarios({ kind: 'delete', name: 'Bravo out' });
    const next = await liveRun(port, { now: NOW }, options(first.base));
    expect(next.kind).toBe('written');
    expect(next.kind === 'written' && next.base.plan.issues.map((i) => i.code)).toContain('unknown-scenario');
  });
});
