// Which of the Initiatives table's output-named columns are the prioritiser's. Finance tables often
// have a Priority, Decision or Why column of their own: a column headed like an output column that
// the prioritiser did not make is the user's and is never written. The settings table records the
// headers of the columns the prioritiser made (its "Output columns" row), so reruns find them; a
// column it wrote beside a user's carries BESIDE_SUFFIX and is its own by that name alone. Every
// adapter places the output columns through `placeOutputColumns`, so all of them decide alike.

import { qualified, a1 } from '../engine/address';
import { normalise } from '../engine/cells';
import { BESIDE_SUFFIX, OUTPUT_COLUMNS, type OutputKey } from '../engine/columns';
import { listWords } from '../engine/format';
import type { RawTable } from '../engine/types';
import { settingsColumns } from '../engine/settings';
import { OUTPUT_RECORD_LABEL, OUTPUT_RECORD_MEANING } from './names';
import { isMeaningHeader, type SettingsEdits } from './settingsEdits';
import { settingsRowCells } from './settingsSheet';
import { TEXT_FORMAT } from './grid';

export { BESIDE_SUFFIX };

export { OUTPUT_RECORD_LABEL, OUTPUT_RECORD_MEANING };

/**
 * What to do with a user's column headed like an output column: 'ask' (the default) writes nothing and
 * reports it; 'use' lets the prioritiser write into it (the user agreed); 'beside' writes the
 * prioritiser's column next to the table as "<header> (prioritiser)".
 */
export type UserColumnChoice = 'ask' | 'use' | 'beside';

/** A user's own column with an output column's name: its table-relative index and its header. */
export type UserColumn = { key: OutputKey; index: number; header: string };

export type OutputColumnPlacement = {
  /** For each output (as `keys`), the table-relative index of its column, or undefined when it is appended. */
  existing: (number | undefined)[];
  /** The header of each output's column: the one it has, or the one to write when appended. */
  headers: string[];
  /** The value of the settings row recording the prioritiser's columns after this write. */
  record: string;
  /**
   * Table-relative indices of the prioritiser's recorded columns this run does not write (Start after the
   * horizons are switched off, Confidence once no uncertainty is stated): every adapter blanks their values,
   * so no stale result stays (a merged block reaching one is refused, as for the written ones). Never a
   * user's column: only what the record lists.
   */
  resting: { index: number; header: string }[];
};

const cellsOf = (settings: Pick<RawTable, 'headers' | 'rows'>) => settingsColumns(settings.headers);

const RECORD_KEY = normalise(OUTPUT_RECORD_LABEL);

/** The row of the settings table holding the record, or -1. */
function recordRow(settings: Pick<RawTable, 'headers' | 'rows'>): number {
  const { label } = cellsOf(settings);
  return label < 0 ? -1 : settings.rows.findIndex((row) => normalise(String(row[label] ?? '')) === RECORD_KEY);
}

/** The headers the settings table records as the prioritiser's output columns; undefined when it records none. */
export function recordedOutputs(settings: Pick<RawTable, 'headers' | 'rows'> | undefined): string[] | undefined {
  if (!settings) return undefined;
  const row = recordRow(settings);
  const { value } = cellsOf(settings);
  if (row < 0 || value < 0) return undefined;
  return String(settings.rows[row]?.[value] ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
}

/**
 * Where each output column goes, or the user's own columns that stand in the way (when `choice` is
 * 'ask'). A plain-named column ("Priority") is the prioritiser's when the record lists it; with no
 * record (a workbook planned before there was one), when all ten output columns are there, as only a
 * run makes them.
 */
export function placeOutputColumns(
  tableHeaders: readonly string[],
  outputs: { keys: readonly OutputKey[]; headers: readonly string[] },
  record: readonly string[] | undefined,
  choice: UserColumnChoice = 'ask',
): OutputColumnPlacement | { userColumns: UserColumn[] } {
  const folded = tableHeaders.map((h) => normalise(String(h)));
  const indexOf = (header: string) => folded.indexOf(normalise(header));
  const recorded = record && new Set(record.map(normalise));
  const planned = !recorded && OUTPUT_COLUMNS.every((c) => indexOf(c.header) >= 0);
  const existing: (number | undefined)[] = [];
  const headers: string[] = [];
  const userColumns: UserColumn[] = [];
  outputs.keys.forEach((key, k) => {
    const plain = outputs.headers[k]!;
    const beside = indexOf(`${plain}${BESIDE_SUFFIX}`);
    const own = indexOf(plain);
    if (beside >= 0) {
      existing.push(beside);
      headers.push(String(tableHeaders[beside]));
    } else if (own >= 0 && ((recorded ? recorded.has(normalise(plain)) : planned) || choice === 'use')) {
      existing.push(own);
      headers.push(String(tableHeaders[own]));
    } else if (own >= 0 && choice === 'ask') {
      userColumns.push({ key, index: own, header: String(tableHeaders[own]) });
    } else {
      existing.push(undefined);
      headers.push(own >= 0 ? `${plain}${BESIDE_SUFFIX}` : plain);
    }
  });
  if (userColumns.length > 0) return { userColumns };
  // A column the prioritiser made that this run does not write (Start, on a run without horizons) stays its own:
  // still recorded, so a later run writes it again rather than taking it for the user's.
  const written = new Set(headers.map(normalise));
  const resting = (record ?? []).filter((h) => indexOf(h) >= 0 && !written.has(normalise(h)));
  return { existing, headers, record: [...headers, ...resting].join(', '), resting: resting.map((h) => ({ index: indexOf(h), header: String(tableHeaders[indexOf(h)]) })) };
}

/** The problem a write reports, naming the user's columns and their header cells, when it was asked not to touch them. */
export function userColumnsMessage(table: Pick<RawTable, 'name' | 'sheet' | 'origin'>, columns: readonly UserColumn[]): string {
  const names = listWords(columns.map((c) => c.header));
  const cells = columns.map((c) => qualified(table.sheet, a1(table.origin.row, table.origin.column + c.index))).join(', ');
  const them = columns.length === 1 ? 'it' : 'them';
  return (
    `Table ${table.name} has its own ${names} column${columns.length === 1 ? '' : 's'} (${cells}), which the prioritiser did not make; ` +
    `it writes its results under the same name${columns.length === 1 ? '' : 's'}, so nothing was written and your column${columns.length === 1 ? ' is' : 's are'} left as ${columns.length === 1 ? 'it is' : 'they are'}. ` +
    `Rename ${them}, or let the prioritiser write its own beside ${them} as "${columns[0]!.header}${BESIDE_SUFFIX}".`
  );
}

/**
 * The edit that brings the settings table's record up to date: its value changed, or the row added (with
 * what it means beside it when `beside`, the cell past the table's header row, heads the meanings: settingsEdits).
 */
export function recordEdits(settings: Pick<RawTable, 'headers' | 'rows'>, record: string, beside?: unknown): SettingsEdits {
  const row = recordRow(settings);
  const { label, value } = cellsOf(settings);
  // A settings table without its Setting and Value columns is the user's to mend; the pane says so on saving.
  if (label < 0 || value < 0) return { updates: [], appended: [] };
  if (row < 0) {
    const columns = { label, value, width: settings.headers.length };
    return { updates: [], appended: [settingsRowCells({ label: OUTPUT_RECORD_LABEL, value: record, meaning: OUTPUT_RECORD_MEANING }, columns, isMeaningHeader(beside))] };
  }
  if (settings.rows[row]?.[value] === record) return { updates: [], appended: [] };
  return { updates: [{ rowIndex: row, value: record, format: TEXT_FORMAT }], appended: [] };
}

/**
 * Where each output column is among `headers`, for a live re-run or a sort after a full write placed
 * them: the prioritiser's column written beside a user's wins over the user's of the plain name.
 */
export function outputColumnIndices(headers: readonly string[], outputKeyOf: (header: string) => OutputKey | undefined): Map<OutputKey, number> {
  const places = new Map<OutputKey, number>();
  const beside = normalise(BESIDE_SUFFIX);
  headers.forEach((header, index) => {
    const key = outputKeyOf(String(header));
    if (key === undefined) return;
    if (!places.has(key) || normalise(String(header)).endsWith(beside)) places.set(key, index);
  });
  return places;
}
