// The workbook port over office.js: what the task pane uses inside Excel.
// Every command runs in one Excel.run. While the user is typing in a cell,
// Excel refuses every request: each command then tells the pane (onEditing),
// waits and tries again until the user leaves the cell; write() hands back an
// 'editing' outcome only if the wait runs out. A refused batch writes nothing,
// and a retried write checks the table again first.

import { WorkbookProblemError, type WorkbookPort, type WriteOutcome } from '../../port/workbookPort';
import { INITIATIVES_TABLE } from '../../layout/names';
import { excelRun, type ExcelRun } from './excelRun';
import { watchInputs } from './inputEvents';
import { EDITING_MESSAGE, isCellEditError } from './officeErrors';
import { createTableFromSelection, insertSample, selectCell, sortByPriority, useTable } from './otherCommands';
import { readWorkbook, type ReadState } from './readWorkbook';
import { officeSupports, type Supports } from './requirements';
import { changeScenarios, writeScenarioComparison } from './scenarioCommands';
import { retryWhenEditingEnds, type RetryOptions } from './retryWhenEditingEnds';
import { saveSettings } from './settingsWrites';
import { saveColumnMapping } from './columnMappingWrites';

export type OfficeWorkbookOptions = {
  run?: ExcelRun;
  supports?: Supports;
  /** Called when a command finds Excel in cell-edit mode and starts waiting for the user to leave the cell. */
  onEditing?: () => void;
  /** Timing of the waits in cell-edit mode (tests shorten them). */
  retry?: Pick<RetryOptions<unknown>, 'delaysMs' | 'giveUpAfterMs' | 'sleep'>;
};

export const editingOutcome: WriteOutcome = { ok: false, problem: { kind: 'editing', message: EDITING_MESSAGE } };

export function createOfficeWorkbook(options: OfficeWorkbookOptions = {}): WorkbookPort {
  const run = options.run ?? excelRun;
  const supports = options.supports ?? officeSupports;
  let seen: ReadState | undefined;
  let initiativesTable = INITIATIVES_TABLE;
  // Commands under way, so the change events their own writes raise are told apart (inputEvents.ts).
  let inFlight = 0;
  let whenIdle: (() => void)[] = [];
  const tracked = <T>(work: () => Promise<T>): Promise<T> => {
    inFlight++;
    return work().finally(() => {
      if (--inFlight > 0) return;
      const then = whenIdle;
      whenIdle = [];
      // After the events the command's own writes raised, which Excel delivers after the batch.
      setTimeout(() => then.forEach((f) => f()), 0);
    });
  };
  // The port's contract: once the wait is over, a command still refused in cell-edit mode rejects with
  // a WorkbookProblemError of kind 'editing' (write returns it as its outcome instead).
  const patiently = <T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    tracked(() =>
      retryWhenEditingEnds(() => run(work), { ...options.retry, onEditing: options.onEditing }).catch((error: unknown) => {
        throw isCellEditError(error) ? new WorkbookProblemError({ kind: 'editing', message: EDITING_MESSAGE }) : error;
      }),
    );
  /** A command that changes the workbook: what the last read saw no longer holds. */
  const changing = <T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    patiently(work).finally(() => (seen = undefined));

  const told = new Set<string>();
  return {
    read: () =>
      patiently(async (context) => {
        const { snapshot, state } = await readWorkbook(context);
        seen = state;
        initiativesTable = state.initiativesTable;
        return snapshot;
      }),
    async write(plan, layout, expectedFingerprint, writeOptions) {
      try {
        // The writes load with the first write, not with the pane's first screen.
        const { writePlan } = await import(/* webpackChunkName: "planning" */ './writePlan');
        const outcome = await patiently((context) =>
          writePlan(context, { plan, layout, expectedFingerprint, options: writeOptions, seen, supports, run }).catch((error: unknown) => {
            // The next attempt looks afresh, and so finds (and sweeps) a staging sheet this one may have left.
            seen = undefined;
            throw error;
          }),
        );
        // The write made sheets and columns the last read did not see: a later write looks afresh.
        if (outcome.ok) seen = undefined;
        if (!outcome.ok || !outcome.notes) return outcome;
        // Each note once: a user told this Excel cannot set the page layout is not told again on every run.
        const { notes, ...rest } = outcome;
        const fresh = notes.filter((note) => !told.has(note));
        for (const note of fresh) told.add(note);
        return fresh.length > 0 ? { ...rest, notes: fresh } : rest;
      } catch (error) {
        if (error instanceof WorkbookProblemError && error.problem.kind === 'editing') return editingOutcome;
        throw error;
      }
    },
    saveSettings: (settings) =>
      changing((context) => saveSettings(context, () => settings, supports)),
    saveColumnMapping: (entries) => changing((context) => saveColumnMapping(context, entries, supports)),
    insertSample: () => changing(insertSample),
    createTableFromSelection: () => changing(createTableFromSelection),
    useTable: (name) => changing((context) => useTable(context, name, supports)),
    selectCell: (sheet, cell) => patiently((context) => selectCell(context, sheet, cell)),
    sortByPriority: () => changing(sortByPriority),
    onInputsChanged: (listener) =>
      watchInputs(run, { initiativesTable: () => initiativesTable, busy: () => inFlight > 0, afterBusy: (then) => whenIdle.push(then) }, listener),
    changeScenarios: (change) => changing((context) => changeScenarios(context, change, supports)),
    writeScenarioComparison: (layout) => changing((context) => writeScenarioComparison(context, layout, supports)),
  };
}
