// Cancel for a run that plans long: the workbook is left exactly as it was, the
// planner is told to stop, and the next run plans as usual. A write once begun
// is not cut off.

import { memoryPort, type MemoryWorkbook } from '../../../src/adapters/memory';
import type { Planner } from '../../../src/app/runPlan';
import { prioritise } from '../../../src/engine/plan';
import type { SolverModel, SolverSolution } from '../../../src/engine/select/solver';
import { paneController } from '../../../src/taskpane/controller/paneController';
import { canCancel, cancellablePlanner, RunCancelled, stoppableClock, stoppableSolver, type Stoppable } from '../../../src/taskpane/model/cancelRun';
import { runMessage } from '../../../src/taskpane/RunStatus/runMessage';
import { sampleWorkbook } from '../../adapters/memory/memoryBuilders';
import { NOW } from '../../builders';

/** What a person could see of the workbook: every sheet's cells and every table. */
const contents = (workbook: MemoryWorkbook) => JSON.stringify({ sheets: workbook.sheets, tables: workbook.tables });

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(done()).toBe(true);
};

/** A planner that plans by rank and fill only once let go, and counts how often it was told to stop. */
function slowPlanner() {
  const waiting: (() => void)[] = [];
  let stops = 0;
  let hold = true;
  const planner: Planner & Stoppable = Object.assign(
    ((input, context) =>
      hold ? new Promise((resolve) => waiting.push(() => resolve(prioritise(input, context)))) : prioritise(input, context)) satisfies Planner,
    {
      stop: () => {
        stops++;
        waiting.splice(0).forEach((finish) => finish());
      },
    },
  );
  return { planner, stops: () => stops, planning: () => waiting.length, letGo: () => ((hold = false), waiting.splice(0).forEach((finish) => finish())) };
}

async function setUp() {
  const workbook = sampleWorkbook();
  const inner = memoryPort(workbook);
  let writes = 0;
  let heldWrite: Promise<void> | undefined;
  const port = {
    ...inner,
    write: async (...args: Parameters<typeof inner.write>) => {
      writes++;
      if (heldWrite) await heldWrite;
      return inner.write(...args);
    },
  };
  const slow = slowPlanner();
  const controller = paneController({ port, planners: { 'Rank and fill': slow.planner }, now: () => NOW, retryDelayMs: 1 });
  await controller.load();
  const holdWrite = () => {
    let release!: () => void;
    heldWrite = new Promise((resolve) => (release = resolve));
    return () => ((heldWrite = undefined), release());
  };
  return { workbook, controller, slow, writes: () => writes, holdWrite, state: () => controller.getState() };
}

describe('cancelling a run', () => {
  test('while it plans: nothing is written, the planner is told to stop, and the pane says so', async () => {
    const { workbook, controller, slow, writes, state } = await setUp();
    const before = contents(workbook);
    const run = controller.run();
    await until(() => slow.planning() === 1);
    expect(state().run).toEqual({ status: 'busy', step: 'planning' });
    expect(canCancel(state().run)).toBe(true);
    controller.cancelRun();
    await run;
    expect(state().run).toEqual({ status: 'cancelled', settingsSaved: false });
    expect(state().busy).toBe(false);
    expect(slow.stops()).toBe(1);
    expect(writes()).toBe(0);
    expect(contents(workbook)).toBe(before);
    expect(state().plan).toBeUndefined();
    expect(runMessage(state().run)).toMatchObject({ title: 'Run cancelled', text: 'Nothing was written: the sheets still hold the plan from before.' });
  });

  test('the next run plans and writes as usual', async () => {
    const { controller, slow, writes, state } = await setUp();
    const first = controller.run();
    await until(() => slow.planning() === 1);
    controller.cancelRun();
    await first;
    slow.letGo();
    await controller.run();
    expect(state().run).toMatchObject({ status: 'done', result: { kind: 'written' } });
    expect(writes()).toBe(1);
  });

  test('settings changed in the pane were saved before planning: the message says they are kept', async () => {
    const { workbook, controller, slow, state } = await setUp();
    controller.setDraft({ ...state().draft!, inFlightLimit: '4' });
    const run = controller.run();
    await until(() => slow.planning() === 1);
    const saved = contents(workbook);
    controller.cancelRun();
    await run;
    expect(state().run).toEqual({ status: 'cancelled', settingsSaved: true });
    expect(contents(workbook)).toBe(saved);
    expect(state().dirty).toBe(false);
    expect(runMessage(state().run)?.text).toBe('Nothing was written: the sheets still hold the plan from before. The settings you changed are saved; Run plans with them.');
  });

  test('a write once begun is not cut off: Cancel is not offered and does nothing', async () => {
    const { controller, slow, writes, holdWrite, state } = await setUp();
    slow.letGo();
    const release = holdWrite();
    const run = controller.run();
    await until(() => writes() === 1);
    expect(state().run).toEqual({ status: 'busy', step: 'writing' });
    expect(canCancel(state().run)).toBe(false);
    controller.cancelRun();
    release();
    await run;
    expect(slow.stops()).toBe(0);
    expect(state().run).toMatchObject({ status: 'done', result: { kind: 'written' } });
  });

  test('with no run under way Cancel does nothing', async () => {
    const { controller, slow, state } = await setUp();
    controller.cancelRun();
    expect(slow.stops()).toBe(0);
    expect(state().run).toEqual({ status: 'idle' });
  });
});

describe('what a cancelled run stops', () => {
  const model = {} as SolverModel;
  const solution = { status: 'optimal' } as SolverSolution;

  test('the planner’s answer is given up at once, and a planner asked after the cancel does not start', async () => {
    const cancel = new AbortController();
    const never: Planner = () => new Promise(() => undefined);
    const planning = cancellablePlanner(never, cancel.signal)({} as never, { now: NOW });
    cancel.abort();
    await expect(planning).rejects.toBeInstanceOf(RunCancelled);
    let asked = 0;
    await expect(cancellablePlanner(() => (asked++, ({}) as never), cancel.signal)({} as never, { now: NOW })).rejects.toBeInstanceOf(RunCancelled);
    expect(asked).toBe(0);
  });

  test('the solver answers until stopped, then refuses every model, even the one it was solving', async () => {
    let stopped = false;
    let finish!: (s: SolverSolution) => void;
    const solver = stoppableSolver((m) => (m === model ? new Promise((resolve) => (finish = resolve)) : Promise.resolve(solution)), () => stopped);
    const first = solver({ ...model });
    await expect(first).resolves.toBe(solution);
    const under = solver(model);
    stopped = true;
    finish(solution);
    await expect(under).rejects.toBeInstanceOf(RunCancelled);
    await expect(solver({ ...model })).rejects.toBeInstanceOf(RunCancelled);
  });

  test("a solver that runs the engine's gap search (the pane's worker) still says so behind the wrapper", () => {
    const searching = Object.assign(() => Promise.resolve(solution), { runsSearch: true as const });
    expect(stoppableSolver(searching, () => false).runsSearch).toBe(true);
    expect(stoppableSolver(() => Promise.resolve(solution), () => false).runsSearch).toBeUndefined();
  });

  test('once stopped, the clock reads every time budget as spent', () => {
    let stopped = false;
    const clock = stoppableClock(() => 1000, () => stopped);
    expect(clock()).toBe(1000);
    stopped = true;
    expect(clock() - 1000).toBeGreaterThan(1e9);
  });
});
