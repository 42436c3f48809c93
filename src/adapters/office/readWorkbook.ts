// read(): the workbook's tables in two round trips, whatever the number of rows.
//   1. every table's name, sheet and headers, every sheet's name, and the
//      settings table's cells (they may name another Initiatives table);
//   2. the Initiatives table's input columns, the Capacity and settings tables,
//      and the size of every other table: each down to its last row holding a
//      value, whatever its declared range (tableReads.ts, usedRows).

import { isColumnMappingTable } from '../../engine/columnMapping';
import { numberColumnIndices } from '../../engine/headers';
import { findFxRatesTable } from '../../engine/currency';
import { inputFingerprint } from '../../engine/fingerprint';
import { readSettings } from '../../engine/settings';
import type { CellValue, RawTable } from '../../engine/types';
import { isAddinTable, SCENARIOS_TABLE, SCENARIO_OVERRIDES_TABLE, SETTINGS_TABLE, settingsTableAmong } from '../../layout/names';
import type { TableInfo, WorkbookSnapshot } from '../../port/workbookPort';
import { capacityTableAmong } from '../../layout/capacityTable';
import { isPayloadTooLarge, WorkbookError } from './officeErrors';
import { jsonBytes } from './payload';
import { inputRuns, queueTableRead, syncWithTable, usedBodyRows, usedRows, type ColumnRun, type TableRead } from './tableReads';

export type TableEntry = { name: string; sheet: string; headers: string[] };

/** What the first round trip finds: enough to know which table to read and which sheets exist. */
export type Located = {
  tables: TableEntry[];
  sheets: string[];
  /** The table that holds the initiatives: the settings' choice, else "Initiatives". */
  initiativesTable: string;
  /** Review > Protect Workbook is on: sheets cannot be added, deleted or renamed (cells stay writable). */
  structureLocked: boolean;
};

/**
 * The workbook as the last read saw it, so a write can tell what changed since, and how
 * large the write's re-read of the table's inputs will be (bytes of their values).
 */
/** What a write needs of the last read: the settings table holds the record of the output columns (ownedColumns). */
export type ReadState = Located & { fingerprint: string; inputBytes: number; settings?: RawTable };


/** Columns loaded as a table collection: names and, for the settings table, values (header first). */
function columnsToRaw(columns: Excel.TableColumnCollection): { headers: string[]; rows: CellValue[][] } {
  const headers = columns.items.map((c) => c.name);
  const height = Math.max(0, ...columns.items.map((c) => c.values.length)) - 1;
  const rows = Array.from({ length: Math.max(0, height) }, (_, r) => columns.items.map((c) => (c.values[r + 1]?.[0] ?? '') as CellValue));
  return { headers, rows };
}

/**
 * The settings table's cells load whole with its columns (a null object's methods cannot be called, so its used
 * rows cannot be asked for in the same request). A settings table made from whole columns is a million rows that
 * Excel will not send: the user is told to resize it, rather than the read and the write working around it.
 */
export const WHOLE_COLUMN_SETTINGS_MESSAGE = `The settings table ${SETTINGS_TABLE} runs down whole columns, too large for Excel to send. Resize it to its rows (Table Design > Resize Table), then run again.`;

export async function syncSettings(context: Excel.RequestContext): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadTooLarge(error)) throw new WorkbookError(WHOLE_COLUMN_SETTINGS_MESSAGE, { cause: error });
    throw error;
  }
}

/** What a settings table is told by, from a loaded table (name, sheet's name, columns' names). */
const aboutTable = (t: Excel.Table): TableEntry => ({ name: t.name, sheet: t.worksheet.name, headers: t.columns.items.map((c) => c.name) });

/** A table collection's load that tells the settings table among them (settingsTableAmong). */
export const TABLES_TOLD_APART = 'items/name, items/worksheet/name, items/columns/items/name';

/**
 * The settings table with `fields` loaded: the one named PrioritisationSettings, loaded in the caller's round trip
 * beside `tables` (loaded with TABLES_TOLD_APART), else one on the Prioritisation settings sheet with Setting and
 * Value columns (settingsTableAmong), which takes one more round trip; undefined when there is none.
 */
export async function settingsTableAfter(context: Excel.RequestContext, tables: Excel.TableCollection, named: Excel.Table, fields: string): Promise<Excel.Table | undefined> {
  if (!named.isNullObject) return named;
  const entry = settingsTableAmong(tables.items, aboutTable);
  if (!entry) return undefined;
  const table = context.workbook.tables.getItem(entry.name).load(fields);
  await syncSettings(context);
  return table;
}

export async function locate(context: Excel.RequestContext): Promise<Located> {
  const tables = context.workbook.tables.load(TABLES_TOLD_APART);
  const sheets = context.workbook.worksheets.load('items/name');
  const protection = context.workbook.protection.load('protected');
  // A null object may be loaded by path; its methods are never called before it is known to exist.
  const fields = 'columns/items/name, columns/items/values';
  const named = context.workbook.tables.getItemOrNullObject(SETTINGS_TABLE).load(fields);
  await syncSettings(context);
  const entries = tables.items.map(aboutTable);
  const settings = await settingsTableAfter(context, tables, named, fields);
  let initiativesTable = 'Initiatives';
  if (settings) {
    const raw = columnsToRaw(settings.columns);
    initiativesTable = readSettings({ sheet: '', name: SETTINGS_TABLE, origin: { row: 0, column: 0 }, ...raw }).settings.initiativesTable;
  }
  return { tables: entries, sheets: sheets.items.map((s) => s.name), initiativesTable, structureLocked: protection.protected };
}

/** The settings table among the located ones (settingsTableAmong): by its name, or by its sheet and its Setting and Value columns. */
export const settingsEntry = (located: Pick<Located, 'tables'>): TableEntry | undefined => settingsTableAmong(located.tables, (t) => t);

export const findTable = (located: Located, name: string): TableEntry | undefined =>
  located.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());

const rawTable = (entry: TableEntry, read: TableRead): RawTable => ({
  sheet: entry.sheet,
  name: entry.name,
  headers: read.headers,
  rows: read.rows,
  origin: read.origin,
});

/** The table with the number formats read for some of its columns (runs of side-by-side columns), by body row (other columns left out). */
function withFormats(raw: RawTable, runs: { start: number; formats: string[][] }[]): RawTable {
  // Numbers in General (most tables) state no currency, date or percentage: the table is read as before.
  if (!runs.some((run) => run.formats.some((row) => row.some((f) => f !== 'General')))) return raw;
  const formats = raw.rows.map(() => [] as string[]);
  for (const { start, formats: read } of runs) read.forEach((row, r) => formats[r] && row.forEach((format, c) => (formats[r]![start + c] = format)));
  return { ...raw, formats };
}

/** Contiguous runs of `columns` (ascending), so each run's formats are one range's load. */
function runsOf(columns: readonly number[]): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (const column of columns) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === column) last.length++;
    else runs.push({ start: column, length: 1 });
  }
  return runs;
}

/** The same input columns in the same places (a date header may read differently as a column name and a value). */
const sameRuns = (a: readonly string[], b: readonly string[]) => JSON.stringify(inputRuns(a)) === JSON.stringify(inputRuns(b)) && a.length === b.length;


async function readOnce(context: Excel.RequestContext): Promise<{ snapshot: WorkbookSnapshot; state: ReadState } | 'moved'> {
  const located = await locate(context);
  const initiatives = findTable(located, located.initiativesTable);
  const capacity = capacityTableAmong(located.tables, (t) => t, initiatives?.name ?? located.initiativesTable);
  const settings = settingsEntry(located);
  const scenarios = findTable(located, SCENARIOS_TABLE);
  const overrides = findTable(located, SCENARIO_OVERRIDES_TABLE);
  const others = located.tables.filter((t) => t !== initiatives && t !== settings && !isAddinTable(t.name));
  const mapping = located.tables.find((t) => t !== initiatives && isColumnMappingTable(t.name, t.headers));
  const fxRates = findFxRatesTable(located.tables.filter((t) => t !== initiatives && t !== mapping), (t) => t.name, (t) => t.headers);
  // The number formats of the columns read as numbers (money, ratings, yes/no, a team's demand): a number
  // formatted as euros is euros, one shown as a date is no amount, 150% is no rating of 1.5 (numberColumnIndices,
  // as the command reads them). Text and output columns are left out: their formats would only add bytes.
  const formatRuns = initiatives ? runsOf(numberColumnIndices(initiatives.headers)) : [];
  const queueRest = () => {
    const tables = context.workbook.tables;
    const capacityRead = capacity && queueTableRead(tables.getItem(capacity.name), 'all');
    const settingsRead = settings && queueTableRead(tables.getItem(settings.name), 'all');
    const scenariosRead = scenarios && queueTableRead(tables.getItem(scenarios.name), 'all');
    const overridesRead = overrides && queueTableRead(tables.getItem(overrides.name), 'all');
    const mappingRead = mapping && queueTableRead(tables.getItem(mapping.name), 'all');
    const fxRatesRead = fxRates && queueTableRead(tables.getItem(fxRates.name), 'all');
    // Each table's rows that hold data, as the Initiatives table is counted (a whole-column table is not a million rows).
    const sizes = others.map((t) => usedRows(tables.getItem(t.name)).load('rowCount'));
    return () => ({
      capacity: capacityRead?.(),
      settings: settingsRead?.(),
      scenarios: scenariosRead?.(),
      overrides: overridesRead?.(),
      mapping: mappingRead?.(),
      fxRates: fxRatesRead?.(),
      sizes: sizes.map(usedBodyRows),
    });
  };
  let rest: ReturnType<ReturnType<typeof queueRest>>;
  let table: TableRead | undefined;
  if (initiatives) {
    const read = await syncWithTable(context, () => context.workbook.tables.getItem(initiatives.name), inputRuns(initiatives.headers), queueRest, { formatRuns });
    // Columns inserted between the two round trips would shift the runs: start again.
    if (!sameRuns(read.table.headers, initiatives.headers)) return 'moved';
    ({ rest, table } = read);
  } else {
    const readRest = queueRest();
    await context.sync();
    rest = readRest();
  }
  const tables: TableInfo[] = others.map((t, i) => ({ name: t.name, sheet: t.sheet, rows: rest.sizes[i] ?? 0, columns: t.headers.length, headers: t.headers }));
  const initiativesRaw = initiatives && table ? withFormats(rawTable(initiatives, table), table.formats ?? []) : undefined;
  const fingerprint = initiativesRaw ? inputFingerprint(initiativesRaw) : '';
  const inputBytes = table ? jsonBytes(table.rows) : 0;
  return {
    snapshot: {
      initiatives: initiativesRaw,
      capacity: capacity && rest.capacity ? rawTable(capacity, rest.capacity) : undefined,
      settings: settings && rest.settings ? rawTable(settings, rest.settings) : undefined,
      fingerprint,
      tables,
      scenarios: {
        scenarios: scenarios && rest.scenarios ? rawTable(scenarios, rest.scenarios) : undefined,
        overrides: overrides && rest.overrides ? rawTable(overrides, rest.overrides) : undefined,
      },
      ...(mapping && rest.mapping ? { columnMapping: rawTable(mapping, rest.mapping) } : {}),
      ...(fxRates && rest.fxRates ? { fxRates: rawTable(fxRates, rest.fxRates) } : {}),
    },
    state: { ...located, fingerprint, inputBytes, ...(settings && rest.settings ? { settings: rawTable(settings, rest.settings) } : {}) },
  };
}

export async function readWorkbook(context: Excel.RequestContext): Promise<{ snapshot: WorkbookSnapshot; state: ReadState }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = await readOnce(context);
    if (result !== 'moved') return result;
  }
  throw new WorkbookError('The Initiatives table kept changing while it was read. Wait until nobody is editing its columns, then run again.');
}
