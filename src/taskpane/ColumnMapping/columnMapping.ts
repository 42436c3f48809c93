// The pane's column mapping, without React: which header each contract column
// reads and how it was found, what is missing or ambiguous, and saving a change
// into the workbook's Column mapping table (so the command and plain Excel read
// the same), then planning again.

import { readColumnMapping } from '../../engine/columnMapping';
import { INPUT_COLUMNS, outputKeyOf, type InputKey } from '../../engine/columns';
import { mapColumns, type ColumnHow } from '../../engine/read';
import type { RawTable, Team } from '../../engine/types';
import type { WorkbookPort } from '../../port/workbookPort';
import type { Notice } from '../controller/paneController';

/** How a contract column was found; 'none' when the Column mapping says the table has no such column, 'missing' when nothing was found. */
export type MappingHow = ColumnHow | 'none' | 'missing';

export type MappingRow = {
  column: string;
  key: InputKey;
  /** The table's header it reads; '' for none. */
  header: string;
  how: MappingHow;
  /** What its absence does to the plan ("every initiative will be at most Learning-only"), for a column that changes the result. */
  effect?: string;
};

export type ColumnMappingView = {
  table: string;
  /** Every contract column: the ones to look at (missing, found by words, set by the user) first, then those found by their name. */
  rows: MappingRow[];
  /** Headers two contract columns could explain: not used until the user says which. */
  ambiguous: { header: string; message: string }[];
  /** The table's headers used for nothing (the user's own columns). */
  unrecognised: string[];
  /** The headers a dropdown offers: the table's own, not the add-in's output columns. */
  headers: string[];
  /** Something to settle: a header ambiguous or unused, or a column that changes the result missing. */
  needsAttention: boolean;
};

export const HOW_TEXT: Record<MappingHow, string> = {
  exact: 'found by its name',
  words: 'found by its words',
  mapped: 'set in the Column mapping',
  none: 'none, as the Column mapping says',
  missing: 'not found',
};

/** "every initiative will be at most Learning-only", from the missing column's message; only for a column that changes the result. */
function effectOf(column: string, message: string | undefined): string | undefined {
  const prefix = `No column for ${column}: `;
  if (!message?.startsWith(prefix)) return undefined;
  return message.slice(prefix.length).replace(/\. Name the column that holds it.*$/, '');
}

const ORDER: Record<MappingHow, number> = { missing: 0, none: 1, words: 2, mapped: 3, exact: 4 };

/** The mapping a run on `table` would use, with the Capacity table's teams and the workbook's Column mapping table. */
export function columnMappingView(table: RawTable, teams: Team[], mappingTable: RawTable | undefined): ColumnMappingView {
  const entries = readColumnMapping(mappingTable).entries;
  const { columns, issues } = mapColumns(table, teams, entries);
  const saidNone = new Set(entries.filter((e) => e.header.trim() === '').map((e) => e.column));
  const missing = new Map(issues.filter((i) => i.code === 'missing-column' || i.code === 'missing-required-column').map((i) => [i.column ?? '', i.message]));
  const rows = INPUT_COLUMNS.map((c, order): MappingRow & { order: number } => {
    const index = columns.inputs[c.key];
    const how: MappingHow = index !== undefined ? (columns.how[c.key] ?? 'exact') : saidNone.has(c.header) ? 'none' : 'missing';
    const effect = index === undefined ? effectOf(c.header, missing.get(c.header)) : undefined;
    return { column: c.header, key: c.key, header: index === undefined ? '' : String(table.headers[index] ?? ''), how, ...(effect ? { effect } : {}), order };
  });
  rows.sort((a, b) => ORDER[a.how] - ORDER[b.how] || a.order - b.order);
  const ambiguous = issues.filter((i) => i.code === 'ambiguous-column').map((i) => ({ header: i.column ?? '', message: i.message }));
  const consequential = rows.some((r) => r.how === 'missing' && r.effect !== undefined);
  return {
    table: table.name,
    rows: rows.map(({ order: _order, ...row }) => row),
    ambiguous,
    // An ambiguous header is said once, with the columns it could be.
    unrecognised: columns.unrecognised.filter((h) => !ambiguous.some((a) => a.header === h)),
    headers: table.headers.filter((h) => h.trim() !== '' && outputKeyOf(h) === undefined),
    needsAttention: ambiguous.length > 0 || columns.unrecognised.length > 0 || consequential,
  };
}

/** The pane's operations a mapping change uses: its command queue, and Run. */
export type MappingHost = {
  operate: (work: () => Promise<Notice | void>) => Promise<void>;
  run: () => Promise<void>;
  /** Whether the last operation failed (then nothing is planned again) and whether a plan is on show. */
  state: () => { failed: boolean; planned: boolean };
};

/**
 * Saves "`column` reads `header`" ('' for none) into the workbook's Column mapping table, then plans again
 * when a plan is on show, so the room sees what the change does. Before the first run the user runs it.
 */
export async function changeColumn(port: WorkbookPort, host: MappingHost, column: string, header: string): Promise<void> {
  await host.operate(async () => {
    await port.saveColumnMapping([{ column, header }]);
    return {
      intent: 'success',
      text: header === '' ? `Saved in the Column mapping: the table has no ${column} column.` : `Saved in the Column mapping: ${column} reads "${header}".`,
    };
  });
  const { failed, planned } = host.state();
  if (!failed && planned) await host.run();
}
