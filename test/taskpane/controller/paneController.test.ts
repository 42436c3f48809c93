// The pane's controller without React: its concurrency rules, driven through a
// memory workbook whose port logs each call and can hold a write open.

import { enterText, memoryPort, setEditing, type MemoryWorkbook } from '../../../src/adapters/memory';
import type { Timer } from '../../../src/app/liveSession';
import { saveScenarioAs, switchScenario } from '../../../src/app/scenarios';
import type { WorkbookPort } from '../../../src/port/workbookPort';
import { paneController, type PaneState } from '../../../src/taskpane/controller/paneController';
import { DEFAULT_PLANNERS } from '../../../src/taskpane/model/planners';
import { NOW } from '../../builders';
import { sampleWorkbook, workbookWith } from '../../adapters/memory/memoryBuilders';
import { findTable, removeSheet } from '../../../src/adapters/memory/model';
import { rawTable } from '../../../src/adapters/memory/tables';
import { sampleTables } from '../../../src/sample/samplePortfolio';
import { runMessage } from '../../../src/taskpane/RunStatus/runMessage';

/** Capacity!B2: the sample's Legal capacity. */
const LEGAL = { sheet: 'Capacity', row: 1, column: 1 };

/** The memory port, logging each call as it starts and ends; `hold()` keeps the next writes open until released. */
function loggingPort(workbook: MemoryWorkbook) {
  const inner = memoryPort(workbook);
  const log: string[] = [];
  let held: Promise<void> | undefined;
  const port = { ...inner } as Record<string, unknown>;
  for (const [name, method] of Object.entries(inner)) {
    if (typeof method !== 'function' || name === 'onInputsChanged') continue;
    port[name] = async (...args: unknown[]) => {
      // A live re-run writes without a Decision log row: the log tells it from a command's write.
      const label = name === 'write' && (args[3] as { log?: boolean } | undefined)?.log === false ? 'live-write' : name;
      log.push(label);
      if (name === 'write' && held) await held;
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } finally {
        log.push(`${label} ended`);
      }
    };
  }
  const hold = () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = undefined;
      release();
    };
  };
  return { port: port as unknown as WorkbookPort, log, hold };
}

/** Live mode's timer, moved by the test: `fire()` runs what is due, whatever its delay. */
function manualTimer() {
  const due = new Map<number, () => void>();
  let next = 0;
  const timer: Timer = {
    set: (run) => (due.set(++next, run), next),
    clear: (handle) => void due.delete(handle as number),
  };
  const fire = () => {
    const runs = [...due.values()];
    due.clear();
    runs.forEach((run) => run());
  };
  return { timer, fire, pending: () => due.size };
}

/** Let every promise that can settle settle (the memory port answers without timers). */
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
};

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  expect(done()).toBe(true);
};

async function setUp() {
  const workbook = sampleWorkbook();
  const { port, log, hold } = loggingPort(workbook);
  const { timer, fire, pending } = manualTimer();
  const controller = paneController({ port, planners: DEFAULT_PLANNERS, now: () => NOW, retryDelayMs: 1, timer });
  await controller.load();
  return { workbook, port, controller, log, hold, fire, pending, state: (): PaneState => controller.getState() };
}

describe('the pane controller', () => {
  test('reads the workbook and offers its table, settings and teams', async () => {
    const { state } = await setUp();
    const { view } = state();
    expect(view.kind).toBe('ready');
    expect(view.kind === 'ready' && view.teams.map((t) => t.name)).toContain('Legal');
    expect(state().draft?.weights).toEqual(view.kind === 'ready' ? view.settings.weights : undefined);
    expect(state().dirty).toBe(false);
  });

  test('a run is busy from the moment it is asked, so a second click finds the Run button disabled', async () => {
    const { controller, state } = await setUp();
    const running = controller.run();
    expect(state().busy).toBe(true);
    await running;
    expect(state().run.status).toBe('done');
    expect(state().plan?.usable).toBe(true);
  });

  test('commands run one at a time, in the order asked: a sort waits for the run’s write to end', async () => {
    const { controller, log, hold } = await setUp();
    const from = log.length;
    const release = hold();
    const run = controller.run();
    const sort = controller.sortByPriority();
    await until(() => log.at(-1) === 'write');
    await settle();
    expect(log.slice(from)).toEqual(['read', 'read ended', 'write']);
    release();
    await Promise.all([run, sort]);
    expect(log.indexOf('sortByPriority')).toBeGreaterThan(log.indexOf('write ended'));
  });

  test('a failed command does not stop the queue: the next one still runs', async () => {
    const { controller, state } = await setUp();
    const failed = controller.exclusively(() => Promise.reject(new Error('no')));
    const run = controller.run();
    await expect(failed).rejects.toThrow('no');
    await run;
    expect(state().run.status).toBe('done');
  });

  test('a live re-run due while a command writes waits its turn, then re-plans the edit', async () => {
    const { workbook, controller, log, hold, fire, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    expect(state().live).toMatchObject({ on: true, status: 'listening' });
    const release = hold();
    const run = controller.run();
    await until(() => log.at(-1) === 'write');
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '2');
    fire(); // the debounce ends while the command still writes
    await settle();
    expect(log.at(-1)).toBe('write');
    expect(state().live.status).toBe('scheduled');
    release();
    await run;
    const afterRun = log.length;
    fire(); // the retry
    await settle();
    expect(log.slice(afterRun)).toEqual(['read', 'read ended', 'live-write', 'live-write ended']);
    expect(state().liveWrite?.cellsWritten).toBeGreaterThan(0);
  });

  test('a command (a scenario comparison, say) asked during a live re-run reads only after the re-run’s write', async () => {
    const { workbook, controller, log, hold, fire } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    const release = hold();
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '2');
    fire();
    await settle();
    expect(log.at(-1)).toBe('live-write');
    const from = log.length;
    const comparison = controller.exclusively(async () => {
      log.push('compare');
      return 'compared';
    });
    await settle();
    expect(log.slice(from)).toEqual([]);
    release();
    await expect(comparison).resolves.toBe('compared');
    expect(log.slice(from)).toEqual(['live-write ended', 'compare']);
  });

  test('while a cell is being edited a run waits, says so, and runs once the user leaves the cell', async () => {
    const { workbook, controller, state } = await setUp();
    setEditing(workbook, true);
    const run = controller.run();
    await until(() => state().run.status === 'waiting-for-edit');
    setEditing(workbook, false);
    await run;
    expect(state().run.status).toBe('done');
  });

  test('the user can stop waiting for the cell edit: the run stops and writes nothing', async () => {
    const { workbook, controller, log, state } = await setUp();
    setEditing(workbook, true);
    const run = controller.run();
    await until(() => state().run.status === 'waiting-for-edit');
    controller.stopWaiting();
    await run;
    expect(state().run.status).toBe('stopped');
    expect(log.filter((call) => call === 'write ended')).toEqual([]);
    expect(state().busy).toBe(false);
  });

  test('a draft that cannot be used stops the run before it reads anything', async () => {
    const { controller, log, state } = await setUp();
    const draft = state().draft!;
    controller.setDraft({ ...draft, inFlightLimit: 'many' });
    expect(state().draftCheck?.errors.inFlightLimit).toMatch(/whole number/);
    const from = log.length;
    await controller.run();
    expect(log.slice(from)).toEqual([]);
    expect(state().run.status).toBe('idle');
  });

  test('switched off, live mode hears no edits', async () => {
    const { workbook, controller, log, fire, pending, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    controller.setLive(false);
    expect(state().live).toMatchObject({ on: false, status: 'stopped' });
    const from = log.length;
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '2');
    expect(pending()).toBe(0);
    fire();
    await settle();
    expect(log.slice(from)).toEqual([]);
  });

  test('once disposed it tells no one of anything and re-plans nothing', async () => {
    const { workbook, controller, log, fire, pending } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    const heard = jest.fn();
    controller.subscribe(heard);
    controller.dispose();
    const from = log.length;
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '2');
    expect(pending()).toBe(0);
    fire();
    await settle();
    expect(log.slice(from)).toEqual([]);
    expect(heard).not.toHaveBeenCalled();
  });

  test('in live mode a weight moved in the pane re-plans once the moves pause, saved to the settings sheet first', async () => {
    const { controller, log, fire, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    const from = log.length;
    const draft = state().draft!;
    controller.setDraft({ ...draft, weights: { impact: 30, readiness: 40, friction: 30 } });
    controller.setDraft({ ...draft, weights: { impact: 20, readiness: 48, friction: 32 } });
    expect(log.slice(from)).toEqual([]);
    fire();
    await settle();
    expect(log.slice(from)).toEqual(['saveSettings', 'saveSettings ended', 'read', 'read ended', 'live-write', 'live-write ended']);
    expect(state().plan?.settings.weights).toEqual({ impact: 20, readiness: 48, friction: 32 });
    expect(state().dirty).toBe(false);
    expect(state().canUndo).toBe(true);
  });

  test('in live mode a capacity typed into the Capacity table while the pane’s own is in force says which the plan used', async () => {
    const { workbook, controller, fire, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    controller.setDraft({ ...state().draft!, capacities: { ...state().draft!.capacities, Legal: '30' } });
    fire();
    await settle();
    expect(state().plan?.teams.find((t) => t.name === 'Legal')?.capacity).toBe(30);
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '20');
    fire();
    await settle();
    expect(state().plan?.teams.find((t) => t.name === 'Legal')?.capacity).toBe(30);
    expect(state().moved?.sentence).toBe(
      "Nothing in the plan changed. Legal: the Capacity table now says 20 weeks, but the 30 weeks set in the pane is in force; clear it under Team capacity to plan with the table's.",
    );
    // A table edit to a team the pane leaves alone is planned as typed, with nothing more said.
    enterText(workbook, 'Capacity', 2, 1, '40');
    fire();
    await settle();
    expect(state().moved?.sentence).not.toContain('set in the pane');
  });

  test('in live mode a deleted settings sheet is said: the plan moved to the default settings, and the sheet is made again', async () => {
    const { workbook, controller, fire, state } = await setUp();
    controller.setDraft({ ...state().draft!, inFlightLimit: '4' });
    await controller.run();
    controller.setLive(true);
    await settle();
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '20');
    fire();
    await settle();
    expect(state().notice).toBeUndefined();
    removeSheet(workbook, 'Prioritisation settings');
    enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '21');
    fire();
    await settle();
    expect(state().plan?.settings.inFlightLimit).toBe(10);
    expect(state().notice).toEqual({ intent: 'warning', text: expect.stringMatching(/^The Prioritisation settings sheet is gone, so this plan uses the default settings, and the sheet has been made again with them\./) });
    expect(findTable(workbook, 'PrioritisationSettings')).toBeDefined();
  });

  test('in live mode Undo takes the room back one step and re-plans', async () => {
    const { controller, fire, state } = await setUp();
    await controller.run();
    const first = state().plan!.settings.weights;
    controller.setLive(true);
    await settle();
    controller.setDraft({ ...state().draft!, inFlightLimit: '3' });
    fire();
    await settle();
    expect(state().plan?.summary.inFlightLimit).toBe(3);
    controller.resetDraft();
    await settle();
    expect(state().plan?.summary.inFlightLimit).toBe(10);
    expect(state().plan?.settings.weights).toEqual(first);
    expect(state().canUndo).toBe(false);
  });

  test('in live mode a scenario switched in after a change in the pane leaves Undo nothing to take back', async () => {
    const { port, controller, fire, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    controller.setDraft({ ...state().draft!, inFlightLimit: '6' });
    fire();
    await settle();
    expect(state().canUndo).toBe(true);
    // What the Scenarios section does: save one, switch to it, plan.
    const { view } = state();
    if (view.kind !== 'ready') throw new Error(view.kind);
    const settings = view.settings;
    await controller.operate(async () => {
      await saveScenarioAs(port, 'Lean', { ...settings, inFlightLimit: 4 }, { at: NOW });
      await switchScenario(port, 'Lean', settings);
    });
    await controller.run();
    expect(state().plan?.summary.inFlightLimit).toBe(4);
    expect(state().canUndo).toBe(false);
    // Undo would have put back limit 10 beside the scenario Lean, a state the room never had.
    controller.resetDraft();
    fire();
    await settle();
    expect(state().plan?.summary.inFlightLimit).toBe(4);
  });

  test('in live mode a draft that cannot be used re-plans nothing', async () => {
    const { controller, log, fire, pending, state } = await setUp();
    await controller.run();
    controller.setLive(true);
    await settle();
    const from = log.length;
    controller.setDraft({ ...state().draft!, inFlightLimit: 'many' });
    expect(pending()).toBe(0);
    fire();
    await settle();
    expect(log.slice(from)).toEqual([]);
  });

  test('with live mode off a weight moved in the pane waits for Run', async () => {
    const { controller, log, pending, state } = await setUp();
    await controller.run();
    const from = log.length;
    controller.setDraft({ ...state().draft!, weights: { impact: 20, readiness: 48, friction: 32 } });
    await settle();
    expect(pending()).toBe(0);
    expect(log.slice(from)).toEqual([]);
    expect(state().dirty).toBe(true);
  });
});

describe("the user's own column named like a result", () => {
  /** The sample with a Priority column of the user's own (High/Medium/Low) after its last column. */
  async function withOwnPriority() {
    const { initiatives, capacity } = sampleTables();
    const ranks = ['High', 'Medium', 'Low'];
    const own = { ...initiatives, headers: [...initiatives.headers, 'Priority'], rows: initiatives.rows.map((row, r) => [...row, ranks[r % 3]!]) };
    const workbook = workbookWith(own, capacity);
    const controller = paneController({ port: memoryPort(workbook), planners: DEFAULT_PLANNERS, now: () => NOW, retryDelayMs: 1 });
    await controller.load();
    const mine = () => rawTable(workbook, findTable(workbook, 'Initiatives')!).rows.map((row) => row[initiatives.headers.length]);
    return { controller, mine, expected: own.rows.map((row) => row[row.length - 1]) };
  }

  test('the first run asks, naming the column and its cell, and writes nothing', async () => {
    const { controller, mine, expected } = await withOwnPriority();
    await controller.run();
    const message = runMessage(controller.getState().run);
    expect(message?.text).toContain('"Priority" (');
    expect(message?.actions.map((a) => a.action)).toEqual([
      { kind: 'user-columns', choice: 'beside' },
      { kind: 'user-columns', choice: 'use' },
    ]);
    expect(mine()).toEqual(expected);
  });

  test("writing beside it keeps the user's values and plans", async () => {
    const { controller, mine, expected } = await withOwnPriority();
    await controller.run();
    await controller.chooseForUserColumns('beside');
    expect(controller.getState().run).toMatchObject({ status: 'done', result: { kind: 'written' } });
    expect(mine()).toEqual(expected);
    // The next run asks nothing: the workbook records the prioritiser's columns.
    await controller.run();
    expect(controller.getState().run).toMatchObject({ status: 'done', result: { kind: 'written' } });
  });
});
