// The `Column mapping` table: which of the table's headers each contract column
// reads. What it says wins over recognition; the pane edits it, the command reads
// it and takes `--map "Baseline method=Baseline / comparison"` on top.

import { a1, qualified } from './address';
import { normalise, showCell } from './cells';
import { INPUT_COLUMNS, inputColumn, inputKeyOf, type InputKey } from './columns';
import type { ColumnHow, ColumnMap, ColumnMappingEntry } from './read';
import type { Issue, RawTable } from './types';

export const COLUMN_MAPPING_NAME = 'Column mapping';
/** Excel table names take no spaces: the table is called this, and any table headed Column and Header is one. */
export const COLUMN_MAPPING_TABLE = 'ColumnMapping';
export const COLUMN_MAPPING_HEADERS = ['Column', 'Header', 'How found'] as const;

/** Whether a table of the workbook is the Column mapping: by its name, or by its Column and Header headers. */
export function isColumnMappingTable(name: string, headers: readonly string[]): boolean {
  if (normalise(name) === normalise(COLUMN_MAPPING_TABLE)) return true;
  const folded = headers.map((h) => normalise(String(h)));
  return folded.includes('column') && folded.includes('header');
}

export type ColumnMappingRead = { entries: ColumnMappingEntry[]; issues: Issue[] };

/** The mapping's rows that name a contract column; a row naming none is reported with its cell. */
export function readColumnMapping(table: RawTable | undefined): ColumnMappingRead {
  if (!table) return { entries: [], issues: [] };
  const column = table.headers.findIndex((h) => normalise(String(h)) === 'column');
  const header = table.headers.findIndex((h) => normalise(String(h)) === 'header');
  if (column < 0 || header < 0) return { entries: [], issues: [] };
  const entries: ColumnMappingEntry[] = [];
  const issues: Issue[] = [];
  table.rows.forEach((row, rowIndex) => {
    const name = String(row[column] ?? '').trim();
    if (name === '') return;
    const key = inputKeyOf(name);
    if (key === undefined) {
      const cell = a1(table.origin.row + 1 + rowIndex, table.origin.column + column);
      issues.push({
        code: 'unknown-mapping',
        severity: 'warning',
        sheet: table.sheet,
        column: 'Column',
        cell,
        message: `The Column mapping names ${showCell(name)} in ${qualified(table.sheet, cell)}, which is not a column the prioritiser reads; that row is ignored.`,
      });
      return;
    }
    const at = { sheet: table.sheet, cell: a1(table.origin.row + 1 + rowIndex, table.origin.column + header) };
    entries.push({ column: inputColumn(key).header, header: String(row[header] ?? '').trim(), at });
  });
  return { entries, issues };
}

/** The table's entries with `overrides` (the command's --map) winning column by column. */
export function mergeMapping(entries: readonly ColumnMappingEntry[], overrides: readonly ColumnMappingEntry[]): ColumnMappingEntry[] {
  const keyOf = (e: ColumnMappingEntry) => inputKeyOf(e.column);
  const overridden = new Set(overrides.map(keyOf));
  return [...overrides, ...entries.filter((e) => !overridden.has(keyOf(e)))];
}

/** "Baseline method=Baseline / comparison" as an entry, or why it is not one. */
export function parseMapping(text: string): ColumnMappingEntry | { problem: string } {
  const at = text.indexOf('=');
  if (at < 0) return { problem: `--map "${text}" needs the form "Contract column=Header"` };
  const column = text.slice(0, at).trim();
  const key = inputKeyOf(column);
  if (key === undefined) {
    return { problem: `--map "${text}": "${column}" is not a column the prioritiser reads (${INPUT_COLUMNS.map((c) => c.header).join(', ')})` };
  }
  return { column: inputColumn(key).header, header: text.slice(at + 1).trim() };
}

export type ColumnFound = { column: string; header: string; how: ColumnHow };

/** Each contract column found in the table: its header and how it was found, in the contract's order. */
export function columnsFound(headers: readonly string[], columns: ColumnMap): ColumnFound[] {
  return INPUT_COLUMNS.flatMap((c) => {
    const index = columns.inputs[c.key as InputKey];
    const how = columns.how[c.key as InputKey];
    return index === undefined || how === undefined ? [] : [{ column: c.header, header: String(headers[index] ?? ''), how }];
  });
}

const HOW_TEXT: Record<ColumnHow, string> = { exact: 'by its name', words: 'by its words', mapped: 'set in this table' };

/** The rows the Column mapping table holds after a run: every contract column, the header it reads (blank: none) and how it was found. */
export function columnMappingRows(headers: readonly string[], columns: ColumnMap): string[][] {
  const found = new Map(columnsFound(headers, columns).map((f) => [f.column, f]));
  return INPUT_COLUMNS.map((c) => {
    const f = found.get(c.header);
    return [c.header, f?.header ?? '', f ? HOW_TEXT[f.how] : 'not found'];
  });
}
