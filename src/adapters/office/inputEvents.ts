// Live mode inside Excel: the user's edits to the inputs, heard through
// workbook.tables.onChanged (ExcelApi 1.7, the add-in's minimum). Excel raises
// the event for the add-in's own writes too, so each one is sorted out here:
// a change only to the Initiatives table's output columns, to a table that is
// not an input, or from a co-author (Remote) is not passed on. A change heard
// while one of the add-in's own commands is under way cannot be told from
// that command's own: it is passed on once the command ends, and the pane's
// re-run compares the inputs themselves before writing anything (liveRun), so
// the add-in's writes never loop and the user's edits are never lost.

import { columnIndex } from '../../engine/address';
import { outputKeyOf } from '../../engine/columns';
import { CAPACITY_TABLE, isAddinTable, SCENARIO_OVERRIDES_TABLE, SCENARIOS_TABLE, settingsTableAmong } from '../../layout/names';
import { isCapacityTable } from '../../engine/read';
import { isColumnMappingTable } from '../../engine/columnMapping';
import { findFxRatesTable } from '../../engine/currency';
import type { InputsChange } from '../../port/workbookPort';
import type { ExcelRun } from './excelRun';

type TableChange = Pick<Excel.TableChangedEventArgs, 'tableId' | 'address' | 'source'>;

export type InputWatch = {
  /** The table of initiatives as the settings name it (the last read's), or "Initiatives". */
  initiativesTable: () => string;
  /** True while one of the add-in's own commands runs. */
  busy: () => boolean;
  /** Called with a function to run once the command under way ends. */
  afterBusy: (then: () => void) => void;
};

/** Zero-based first and last column of an A1 address ("Sheet1!C3:E9", "C3"). */
export function columnSpan(address: string): { first: number; last: number } | undefined {
  const local = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const letters = local.split(':').map((part) => /^([A-Z]+)\d*$/i.exec(part.trim())?.[1]);
  if (letters.some((l) => l === undefined)) return undefined;
  const columns = letters.map((l) => columnIndex(l!));
  return { first: Math.min(...columns), last: Math.max(...columns) };
}

/** Whether a change to the Initiatives table touched an input column (or its headers, or an unreadable address). */
export function touchesInputs(address: string, headers: readonly string[], firstColumn: number): boolean {
  const span = columnSpan(address);
  if (!span) return true;
  for (let column = span.first; column <= span.last; column++) {
    if (outputKeyOf(headers[column - firstColumn] ?? '') === undefined) return true;
  }
  return false;
}

/** Which input a table change is, if any: one small round trip names the table and reads its headers. */
async function classify(run: ExcelRun, change: TableChange, initiativesTable: string): Promise<InputsChange | undefined> {
  return run(async (context) => {
    const table = context.workbook.tables.getItem(change.tableId).load('name, worksheet/name');
    const header = table.getHeaderRowRange().load('values, columnIndex');
    await context.sync();
    const name = table.name.toLowerCase();
    const headers = (header.values[0] ?? []).map((h) => String(h));
    // A Capacity table under another name is told by its Team and Capacity headers (capacityTableAmong).
    if (name === CAPACITY_TABLE.toLowerCase() || (name !== initiativesTable.toLowerCase() && !isAddinTable(table.name) && isCapacityTable(headers))) return { table: 'capacity' };
    if (settingsTableAmong([{ name: table.name, sheet: table.worksheet.name, headers }], (t) => t)) return { table: 'settings' };
    // The add-in's own tables, but the scenario in force's overrides are edited there by hand.
    if (name === SCENARIOS_TABLE.toLowerCase() || name === SCENARIO_OVERRIDES_TABLE.toLowerCase()) return { table: 'scenarios' };
    if (name !== initiativesTable.toLowerCase()) {
      if (isColumnMappingTable(table.name, headers)) return { table: 'column-mapping' };
      if (findFxRatesTable([table.name], (n) => n, () => headers)) return { table: 'fx-rates' };
    }
    if (name !== initiativesTable.toLowerCase()) return undefined;
    return touchesInputs(change.address, headers, header.columnIndex) ? { table: 'initiatives' } : undefined;
  });
}

/** Registers the handler; the returned function removes it. */
export function watchInputs(run: ExcelRun, watch: InputWatch, listener: (change: InputsChange) => void): () => void {
  let stopped = false;
  let deferred = false;
  const onChanged = async (change: TableChange): Promise<void> => {
    if (stopped || change.source !== 'Local') return;
    if (watch.busy()) {
      if (!deferred) {
        deferred = true;
        watch.afterBusy(() => {
          deferred = false;
          if (!stopped) listener({ table: 'initiatives' });
        });
      }
      return;
    }
    try {
      const input = await classify(run, change, watch.initiativesTable());
      if (input && !stopped) listener(input);
    } catch {
      // The table went away, or Excel is busy with a cell edit: the next edit is heard as usual.
    }
  };
  const registered = run(async (context) => {
    const handler = context.workbook.tables.onChanged.add(onChanged);
    await context.sync();
    return handler;
  });
  return () => {
    stopped = true;
    void registered
      .then(async (handler) => {
        handler.remove();
        await handler.context.sync();
      })
      .catch(() => undefined); // The pane is closing, or the handler never registered: nothing to remove.
  };
}
