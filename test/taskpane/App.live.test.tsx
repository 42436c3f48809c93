/** @jest-environment jsdom */
// Live mode in the pane, over the in-memory workbook and a clock the test moves.

import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { enterText, findSheet, memoryPort, selectRange, setEditing, type MemoryWorkbook } from '../../src/adapters/memory';
import { getCell } from '../../src/adapters/memory/model';
import { prioritise } from '../../src/engine/plan';
import type { InputsChange, WorkbookPort } from '../../src/port/workbookPort';
import { DEFAULT_PLANNERS } from '../../src/taskpane/model/planners';
import { Pane } from '../../src/taskpane/Pane';
import { NOW } from '../builders';
import { sampleWorkbook } from '../adapters/memory/memoryBuilders';

jest.setTimeout(30_000);

/** Capacity!B2: the sample's Legal capacity (12 weeks). */
const LEGAL = { sheet: 'Capacity', row: 1, column: 1 };

/** The memory port, counting writes; `echo` makes every write raise an inputs-changed event, as Excel's tables.onChanged does. */
function countingPort(workbook: MemoryWorkbook, options: { echo?: boolean } = {}) {
  const inner = memoryPort(workbook);
  const listeners = new Set<(change: InputsChange) => void>();
  const writes: number[] = [];
  const port: WorkbookPort = {
    ...inner,
    async write(...args) {
      const outcome = await inner.write(...args);
      writes.push(outcome.ok ? (outcome.cellsWritten ?? -1) : -1);
      if (options.echo) listeners.forEach((listener) => listener({ table: 'initiatives' }));
      return outcome;
    },
    onInputsChanged(listener) {
      listeners.add(listener);
      const stop = inner.onInputsChanged!(listener);
      return () => {
        listeners.delete(listener);
        stop();
      };
    },
  };
  return { port, writes };
}

/** Let the promises the last timer started settle, within act. */
const flush = () => act(async () => jest.advanceTimersByTimeAsync(0));
const advance = (ms: number) => act(async () => jest.advanceTimersByTimeAsync(ms));

async function livePane(options: { echo?: boolean } = {}) {
  const workbook = sampleWorkbook();
  const { port, writes } = countingPort(workbook, options);
  const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
  render(<Pane theme="light" port={port} planners={DEFAULT_PLANNERS} now={() => NOW} retryDelayMs={500} />);
  await flush();
  await user.click(screen.getByRole('button', { name: 'Run' }));
  await flush();
  await screen.findByText('Plan written');
  await user.click(screen.getByRole('switch', { name: 'Live mode' }));
  await flush();
  return { workbook, writes, user };
}

/** The Portfolio sheet's values, to count the cells a write changed. */
function portfolioValues(workbook: MemoryWorkbook): string[] {
  const sheet = findSheet(workbook, 'Portfolio')!;
  return sheet.grid.flatMap((line, r) => Array.from(line ?? [], (_, c) => `${r},${c}=${String(getCell(sheet, r, c).value)}`));
}

const differing = (before: string[], after: string[]) => after.filter((cell, i) => cell !== before[i]).length;

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('live mode in the pane', () => {
  test('switching it on after a run writes nothing, since the inputs have not changed', async () => {
    const { writes } = await livePane();
    await advance(2000);
    expect(writes).toHaveLength(1);
  });

  test('an edit re-plans 300 ms after it, not before', async () => {
    const { workbook, writes } = await livePane();
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4'));
    await advance(299);
    expect(writes).toHaveLength(1);
    await advance(1);
    expect(writes).toHaveLength(2);
  });

  test('edits in quick succession re-plan once, 300 ms after the last', async () => {
    const { workbook, writes } = await livePane();
    for (const weeks of ['10', '8', '6']) {
      act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, weeks));
      await advance(200);
    }
    expect(writes).toHaveLength(1);
    await advance(100);
    await advance(3000);
    expect(writes).toHaveLength(2);
  });

  test('writes only the output cells whose value changed', async () => {
    const { workbook } = await livePane();
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4'));
    const edited = portfolioValues(workbook);
    const writesBefore = findSheet(workbook, 'Portfolio')!.writes ?? 0;
    await advance(300);
    const changedCells = differing(edited, portfolioValues(workbook));
    expect(changedCells).toBeGreaterThan(0);
    expect((findSheet(workbook, 'Portfolio')!.writes ?? 0) - writesBefore).toBe(changedCells);
  });

  test('the event its own write raises re-plans, finds the inputs unchanged and writes nothing more', async () => {
    const { workbook, writes } = await livePane({ echo: true });
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4'));
    await advance(300);
    expect(writes).toHaveLength(2);
    await advance(5000);
    expect(writes).toHaveLength(2);
  });

  test('while a cell is being edited it waits, says so, and writes once the user leaves the cell', async () => {
    const { workbook, writes } = await livePane();
    act(() => {
      enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4');
      setEditing(workbook, true);
    });
    await advance(300);
    expect(screen.getByText('Waiting for you to leave the cell…')).toBeInTheDocument();
    await advance(2000);
    expect(writes).toHaveLength(1);
    act(() => setEditing(workbook, false));
    await advance(500);
    expect(writes).toHaveLength(2);
  });

  test('keeps the user’s sheet and selection', async () => {
    const { workbook } = await livePane();
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4'));
    act(() => selectRange(workbook, { sheet: 'Capacity', row: 3, column: 1, rows: 2, columns: 1 }));
    await advance(300);
    expect(workbook.activeSheet).toBe('Capacity');
    expect(workbook.selection).toEqual({ sheet: 'Capacity', row: 3, column: 1, rows: 2, columns: 1 });
  });

  test('after the re-run, What moved names the initiatives that left the plan and the team’s new load', async () => {
    const { workbook } = await livePane();
    const before = prioritise(await memoryPort(workbook).read(), { now: NOW });
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '2'));
    await advance(300);
    const after = prioritise(await memoryPort(workbook).read(), { now: NOW });
    const committed = (plan: typeof before) => new Set(plan.entries.filter((e) => e.decision === 'Commit' || e.decision === 'Forced in').map((e) => e.initiative.name));
    const leaving = [...committed(before)].filter((name) => !committed(after).has(name));
    expect(leaving.length).toBeGreaterThan(0);
    const panel = screen.getByRole('region', { name: 'What moved' });
    expect(within(panel).getByRole('status')).toHaveTextContent(/Legal now at \d+%/);
    const changes = within(panel).getByRole('list', { name: 'Changes since the last plan' });
    for (const name of leaving) expect(within(changes).getByText(name).parentElement).toHaveTextContent(/leaves the plan/);
  });

  test('a capacity typed as text says, in What moved, the new problem that moved the plan', async () => {
    const { workbook } = await livePane();
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, 'twelve'));
    await advance(300);
    const panel = screen.getByRole('region', { name: 'What moved' });
    expect(within(panel).getByRole('list', { name: 'New input problems' })).toHaveTextContent(/New warning: Legal's capacity in Capacity!B2 is "twelve"; .*It counts as 0 until fixed\./);
  });

  test('switched off, an edit re-plans nothing', async () => {
    const { workbook, writes, user } = await livePane();
    await user.click(screen.getByRole('switch', { name: 'Live mode' }));
    act(() => enterText(workbook, LEGAL.sheet, LEGAL.row, LEGAL.column, '4'));
    await advance(3000);
    expect(writes).toHaveLength(1);
  });
});
