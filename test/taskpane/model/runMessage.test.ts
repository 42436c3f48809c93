import { runMessage } from '../../../src/taskpane/RunStatus/runMessage';
import { DEFAULT_SHEET_NAMES } from '../../../src/taskpane/model/sheetNames';
import { runPlan } from '../../../src/app/runPlan';
import { memoryPort } from '../../../src/adapters/memory';
import { sampleWorkbook } from '../../adapters/memory/memoryBuilders';
import { NOW } from '../../builders';
import { nameTakenProblem, protectedProblem } from '../../../src/port/problems';

async function notWritten(problem: { kind: 'changed' | 'name-taken' | 'editing' | 'unsupported' | 'protected'; sheet?: string; message: string }) {
  const port = memoryPort(sampleWorkbook());
  const result = await runPlan({ ...port, write: async () => ({ ok: false, problem }) as never }, { now: NOW });
  return runMessage({ status: 'done', result, names: { ...DEFAULT_SHEET_NAMES, changeImpact: 'Change impact (2)' } });
}

describe('what the pane says after a run', () => {
  test('a written plan says how much was committed and which sheets changed', async () => {
    const result = await runPlan(memoryPort(sampleWorkbook()), { now: NOW });
    expect(runMessage({ status: 'done', result, names: DEFAULT_SHEET_NAMES })).toEqual({
      intent: 'success',
      title: 'Plan written',
      text: '8 of 25 initiatives committed, worth $14.9M a year; written to Portfolio, Change impact, Decision log, Prioritisation settings.',
      actions: [],
    });
  });

  test("a note from the write (this Excel cannot set how the sheets print) follows the plan's sentence", async () => {
    const port = memoryPort(sampleWorkbook());
    const write: typeof port.write = async (...args) => ({ ...(await port.write(...args)), notes: ['Set Page Layout yourself.'] }) as never;
    const result = await runPlan({ ...port, write }, { now: NOW });
    expect(runMessage({ status: 'done', result, names: DEFAULT_SHEET_NAMES })?.text).toMatch(/Prioritisation settings\. Set Page Layout yourself\.$/);
  });

  test('a table changed while planning offers to run again', async () => {
    expect((await notWritten({ kind: 'changed', message: 'x' }))?.actions).toEqual([{ label: 'Run again', action: { kind: 'run-again' } }]);
  });

  test('a taken sheet name proposes the next name after the one in use', async () => {
    const message = await notWritten({ kind: 'name-taken', sheet: 'Change impact (2)', message: 'x' });
    expect(message?.actions).toEqual([{ label: 'Use "Change impact (3)"', action: { kind: 'use-other-name', sheet: 'Change impact (2)', name: 'Change impact (3)' } }]);
  });

  test('a taken sheet the pane does not know passes the adapter’s message on, with no offer', async () => {
    const problem = nameTakenProblem('Other');
    const message = await notWritten(problem as Parameters<typeof notWritten>[0]);
    expect(message).toMatchObject({ text: problem.message, actions: [] });
    expect(message?.text.match(/nothing was written/gi)).toHaveLength(1);
  });

  test('cell-edit mode says how to leave the cell and offers to stop waiting', async () => {
    const message = runMessage({ status: 'waiting-for-edit' });
    expect(message?.text).toContain('Press Enter or Esc');
    expect(message?.actions).toEqual([{ label: 'Stop waiting', action: { kind: 'stop-waiting' } }]);
  });

  test('an unsupported feature is an error in the adapter’s words', async () => {
    expect(await notWritten({ kind: 'unsupported', message: 'Charts need ExcelApi 1.9.' })).toMatchObject({ intent: 'error', text: 'Charts need ExcelApi 1.9.' });
  });

  test('a protected sheet is a warning that names it and says nothing was written', async () => {
    const problem = protectedProblem('Portfolio');
    const message = await notWritten(problem as Parameters<typeof notWritten>[0]);
    expect(message).toMatchObject({ intent: 'warning', title: '"Portfolio" is protected', text: problem.message });
    expect(message?.text).toMatch(/^Sheet "Portfolio" is protected.*Nothing was written\..*Review > Unprotect Sheet/);
    expect(message?.text.match(/nothing was written/gi)).toHaveLength(1);
  });

  test('nothing is said while idle or busy', () => {
    expect(runMessage({ status: 'idle' })).toBeUndefined();
    expect(runMessage({ status: 'busy', step: 'planning' })).toBeUndefined();
  });
});
