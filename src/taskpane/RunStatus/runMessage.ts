// What the pane says after a run, or while it waits: one plain message and the
// actions that go with it. A plain function, so every case is tested without React.

import { formatMoney, listWords } from '../../engine/format';
import { BESIDE_SUFFIX } from '../../layout/ownedColumns';
import type { RunResult } from '../../app/runPlan';
import type { RunState, Notice } from '../controller/paneController';
import { nextSheetName, sheetKeyOf } from '../model/sheetNames';

export type RunAction =
  | { kind: 'run-again' }
  | { kind: 'use-other-name'; sheet: string; name: string }
  | { kind: 'user-columns'; choice: 'use' | 'beside' }
  | { kind: 'stop-waiting' };

export type RunMessage = {
  intent: 'success' | 'info' | 'warning' | 'error';
  title: string;
  text: string;
  actions: { label: string; action: RunAction }[];
};

function afterRun(result: RunResult, names: Extract<RunState, { status: 'done' }>['names']): RunMessage {
  if (result.kind === 'unusable') {
    const fatal = result.plan.issues.filter((i) => i.severity === 'fatal').map((i) => i.message);
    return { intent: 'error', title: 'Nothing was planned', text: fatal.join(' ') || 'The Initiatives table cannot be planned yet.', actions: [] };
  }
  if (result.kind === 'written') {
    const { summary, settings } = result.plan;
    const committed = summary.byDecision.Commit + summary.byDecision['Forced in'];
    return {
      intent: 'success',
      title: 'Plan written',
      text: `${committed} of ${summary.initiatives} initiatives committed, worth ${formatMoney(summary.committedValue, settings.currency)} a year; written to ${result.outcome.sheetsWritten.join(', ')}.${(result.outcome.notes ?? []).map((note) => ` ${note}`).join('')}`,
      actions: [],
    };
  }
  const problem = result.outcome.problem;
  switch (problem.kind) {
    case 'changed':
      return {
        intent: 'warning',
        title: 'The table changed while planning',
        text: 'Someone changed the Initiatives table (added, removed, edited or sorted rows) while the plan was being made, so nothing was written.',
        actions: [{ label: 'Run again', action: { kind: 'run-again' } }],
      };
    case 'name-taken': {
      const key = sheetKeyOf(names, problem.sheet);
      const name = key ? nextSheetName(names[key]) : undefined;
      return {
        intent: 'warning',
        title: `"${problem.sheet}" is one of your sheets`,
        text: name
          ? `The add-in never changes a sheet it did not create, so nothing was written. Write this sheet as "${name}" instead?`
          : problem.message,
        actions: name ? [{ label: `Use "${name}"`, action: { kind: 'use-other-name', sheet: problem.sheet, name } }] : [],
      };
    }
    case 'user-column': {
      // The first run on a table with its own Priority, Decision or Why: asked, never taken over.
      const names = listWords(problem.columns.map((c) => `"${c.header}" (${c.cell})`));
      const one = problem.columns.length === 1;
      const first = problem.columns[0]?.header ?? 'Priority';
      return {
        intent: 'warning',
        title: `${problem.table} has ${one ? 'a column' : 'columns'} of your own named like the results`,
        text: `${names} ${one ? 'is' : 'are'} yours: the prioritiser did not make ${one ? 'it' : 'them'}, so nothing was written. Let it write its results there (your values in ${one ? 'that column' : 'those columns'} are replaced), or write them beside ${one ? 'it' : 'them'} as "${first}${BESIDE_SUFFIX}"${one ? '' : ' and so on'}, leaving yours as ${one ? 'it is' : 'they are'}.`,
        actions: [
          { label: `Write beside ${one ? 'it' : 'them'}`, action: { kind: 'user-columns', choice: 'beside' } },
          { label: `Use my ${one ? 'column' : 'columns'}`, action: { kind: 'user-columns', choice: 'use' } },
        ],
      };
    }
    case 'editing':
      return waitingMessage();
    case 'unsupported':
      return { intent: 'error', title: 'Not supported here', text: problem.message, actions: [] };
    case 'protected':
      // The port's problems already say that nothing was written.
      return { intent: 'warning', title: `"${problem.sheet}" is protected`, text: problem.message, actions: [] };
  }
}

const waitingMessage = (): RunMessage => ({
  intent: 'info',
  title: 'Excel is in cell-edit mode',
  text: 'A cell is being edited, so Excel accepts no changes. Press Enter or Esc to leave the cell: the add-in tries again by itself as soon as you do.',
  actions: [{ label: 'Stop waiting', action: { kind: 'stop-waiting' } }],
});

export function runMessage(state: RunState): RunMessage | undefined {
  switch (state.status) {
    case 'idle':
    case 'busy':
      return undefined;
    case 'waiting-for-edit':
      return waitingMessage();
    case 'stopped':
      return { intent: 'info', title: 'Stopped waiting', text: 'Nothing was changed in the workbook.', actions: [] };
    case 'cancelled':
      return {
        intent: 'info',
        title: 'Run cancelled',
        text: `Nothing was written: the sheets still hold the plan from before.${state.settingsSaved ? ' The settings you changed are saved; Run plans with them.' : ''}`,
        actions: [{ label: 'Run again', action: { kind: 'run-again' } }],
      };
    case 'failed':
      return { intent: 'error', title: 'Something went wrong', text: state.message, actions: [] };
    case 'done':
      return afterRun(state.result, state.names);
  }
}

export const noticeMessage = (notice: Notice): RunMessage | undefined =>
  notice && { intent: notice.intent, title: '', text: notice.text, actions: [] };
