import { enterText } from '../../src/adapters/memory/userActions';
import { memoryPort } from '../../src/adapters/memory';
import { inputsKey, liveRun, type LiveBase } from '../../src/app/liveRun';
import { prioritise } from '../../src/engine/plan';
import { DEFAULT_SETTINGS } from '../../src/engine/settings';
import type { WorkbookPort } from '../../src/port/workbookPort';
import { NOW } from '../builders';
import { sampleWorkbook } from '../adapters/memory/memoryBuilders';

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
