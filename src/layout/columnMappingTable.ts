// The Column mapping table on the settings sheet: the contract columns the user
// said where to read (in the pane, or with the command's --map), one row each.
// Only what the user chose is written: a column left to recognition has no row,
// so a header added later is still found by its name or words. Every adapter
// edits the table as `columnMappingEdits` says, so they change the same cells.

import { normalise } from '../engine/cells';
import { inputKeyOf } from '../engine/columns';
import { COLUMN_MAPPING_TABLE } from '../engine/columnMapping';
import type { ColumnMappingEntry } from '../engine/read';
import type { RawTable } from '../engine/types';
import { TEXT_FORMAT, type LayoutCell } from './grid';

export const MAPPING_HEADERS = ['Column', 'Header'] as const;

/** Where a new mapping table goes: on the settings table's header row, past its "What it means" column and a gap. */
export const mappingColumnBeside = (settings: { column: number; columns: number }): number => settings.column + settings.columns + 3;

/** The table's cells when made anew: its header row, then one row per entry (texts, so "=x" stays text). */
export function columnMappingBlock(entries: readonly ColumnMappingEntry[]): { values: LayoutCell[][]; formats: (string | null)[][] } {
  return {
    values: [[...MAPPING_HEADERS], ...entries.map((e) => [e.column, e.header])],
    formats: [[null, null], ...entries.map(() => [TEXT_FORMAT, TEXT_FORMAT])],
  };
}

export const MAPPING_COLUMNS_MESSAGE = `The Column mapping table needs a Column and a Header column; add them back to save the mapping.`;

/** Said when the cells where a new mapping table would go hold something of the user's. */
export const mappingRoomMessage = (sheet: string, cell: string): string =>
  `The Column mapping table goes at ${sheet}!${cell}, beside the settings, but those cells hold something; clear them (two columns) and save the mapping again.`;

export type ColumnMappingEdits = {
  /** The two columns' positions in the table. */
  columnIndex: number;
  headerIndex: number;
  /** Header cells to change, by zero-based table body row. */
  updates: { rowIndex: number; header: string }[];
  /** Rows to add at the table's end. */
  appended: ColumnMappingEntry[];
};

/** How saving `entries` changes an existing mapping table: a contract column's row is updated in place, a new one appended. */
export function columnMappingEdits(table: Pick<RawTable, 'headers' | 'rows'>, entries: readonly ColumnMappingEntry[]): ColumnMappingEdits {
  const columnIndex = table.headers.findIndex((h) => normalise(String(h)) === 'column');
  const headerIndex = table.headers.findIndex((h) => normalise(String(h)) === 'header');
  if (columnIndex < 0 || headerIndex < 0) throw new Error(MAPPING_COLUMNS_MESSAGE);
  const rowOf = new Map<string, number>();
  table.rows.forEach((row, index) => {
    const key = inputKeyOf(String(row[columnIndex] ?? ''));
    if (key !== undefined && !rowOf.has(key)) rowOf.set(key, index);
  });
  const edits: ColumnMappingEdits = { columnIndex, headerIndex, updates: [], appended: [] };
  for (const entry of entries) {
    const key = inputKeyOf(entry.column);
    if (key === undefined) continue;
    const index = rowOf.get(key);
    if (index === undefined) {
      edits.appended.push(entry);
      rowOf.set(key, -1);
    } else if (index >= 0 && String(table.rows[index]?.[headerIndex] ?? '') !== entry.header) edits.updates.push({ rowIndex: index, header: entry.header });
  }
  return edits;
}

export { COLUMN_MAPPING_TABLE };
