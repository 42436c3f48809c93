// The `Prioritisation settings` sheet: a two-column Setting/Value table the
// task pane reads and edits, with what each setting means beside it. A settings
// row looks the same wherever it is written (`settingsRowCells`): on the sheet
// made here, and when an adapter adds a row to an existing table (settingsEdits).

import { CAPACITY_PREFIX, SETTING_SPECS } from '../engine/settings';
import type { Settings } from '../engine/types';
import { SheetBuilder, TEXT_FORMAT, type LayoutCell, type SheetLayout } from './grid';
import { OUTPUT_RECORD_LABEL, OUTPUT_RECORD_MEANING, OWNER_MARK, SETTINGS_SHEET, SETTINGS_TABLE } from './names';
import type { ColumnMappingEntry } from '../engine/read';
import { COLUMN_MAPPING_TABLE, MAPPING_HEADERS, columnMappingBlock, mappingColumnBeside } from './columnMappingTable';

export const SETTINGS_HEADER_ROW = 3;

export type SettingsRow = { label: string; value: string | number; meaning: string };

/** Where a settings table keeps its rows: the Setting and Value columns and its width, each counted from its first column. */
export type SettingsColumns = { label: number; value: number; width: number };

/** A cell of a settings row, by column from the settings table's first column. */
export type SettingsCell = { column: number; value: LayoutCell; format: string };

/** What each setting means sits outside the table, under this header, one blank column past the table's last column. */
export const MEANING_HEADER = 'What it means';
const MEANING_GAP = 1;

/** The column (from the table's first) of the What it means column beside a settings table `width` columns wide. */
export const meaningColumn = (width: number): number => width + MEANING_GAP;

/** Numbers stay General; text is written in the Text format, so "=FY27" stays text. */
export const settingValueFormat = (value: LayoutCell): string => (typeof value === 'number' || value === null ? 'General' : TEXT_FORMAT);

/** The Value column's width: a phrase ("Next planning period") on one line, the Output columns list on a few. */
const VALUE_WIDTH = 24;

const SHEET_COLUMNS: SettingsColumns = { label: 0, value: 1, width: 2 };

/** One settings row's cells: label and value in the table's Setting and Value columns, then (unless left out) what it means beside the table. */
export function settingsRowCells(row: SettingsRow, columns: SettingsColumns = SHEET_COLUMNS, withMeaning = true): SettingsCell[] {
  return [
    { column: columns.label, value: row.label, format: TEXT_FORMAT },
    { column: columns.value, value: row.value, format: settingValueFormat(row.value) },
    ...(withMeaning ? [{ column: meaningColumn(columns.width), value: row.meaning, format: TEXT_FORMAT }] : []),
  ];
}

export function settingsRows(settings: Settings): SettingsRow[] {
  return [
    ...SETTING_SPECS.map((spec) => ({ label: spec.label, value: spec.current(settings), meaning: spec.meaning })),
    ...Object.entries(settings.capacityOverrides).map(([team, value]) => ({
      label: `${CAPACITY_PREFIX}${team}`,
      value,
      meaning: `Capacity of ${team} for this plan; wins over the Capacity table.`,
    })),
  ];
}

/** `record`: the headers of the output columns the prioritiser made (ownedColumns), listed in a row of its own. */
export function settingsSheet(settings: Settings, mapping: readonly ColumnMappingEntry[] = [], record?: string): SheetLayout {
  const width = meaningColumn(SHEET_COLUMNS.width) + 1;
  const s = new SheetBuilder(mapping.length > 0 ? MAPPING_AT + MAPPING_HEADERS.length : width);
  s.row(['Prioritisation settings'], [], 'title');
  s.row([`${OWNER_MARK}. Change a value here or in the task pane; the next run uses it.`], [TEXT_FORMAT], 'note');
  s.blank();
  const header: LayoutCell[] = Array<LayoutCell>(width).fill(null);
  header[SHEET_COLUMNS.label] = 'Setting';
  header[SHEET_COLUMNS.value] = 'Value';
  header[meaningColumn(SHEET_COLUMNS.width)] = MEANING_HEADER;
  s.row(header, [], 'header');
  const rows = [...settingsRows(settings), ...(record === undefined ? [] : [{ label: OUTPUT_RECORD_LABEL, value: record, meaning: OUTPUT_RECORD_MEANING }])];
  for (const row of rows) {
    const values = Array<LayoutCell>(width).fill(null);
    const formats = Array<string | null>(width).fill(null);
    for (const cell of settingsRowCells(row)) {
      values[cell.column] = cell.value;
      formats[cell.column] = cell.format;
    }
    // Wrapped and top-aligned, so a long value (the Output columns list) or meaning shows whole on screen and on paper.
    s.row(values, formats, 'wrap');
  }
  s.tables.push({ name: SETTINGS_TABLE, row: SETTINGS_HEADER_ROW, column: 0, rows: rows.length + 1, columns: SHEET_COLUMNS.width });
  if (mapping.length === 0) return s.build(SETTINGS_SHEET, [30, VALUE_WIDTH, 3, 80], SETTINGS_HEADER_ROW + 1);
  // The Column mapping beside the settings, on their header row: which header each contract column reads.
  const block = columnMappingBlock(mapping);
  while (s.rowCount < SETTINGS_HEADER_ROW + block.values.length) s.blank();
  s.tables.push({ name: COLUMN_MAPPING_TABLE, row: SETTINGS_HEADER_ROW, column: MAPPING_AT, rows: block.values.length, columns: MAPPING_HEADERS.length });
  s.styles.push({ row: SETTINGS_HEADER_ROW, column: MAPPING_AT, columns: MAPPING_HEADERS.length, style: 'header' });
  const layout = s.build(SETTINGS_SHEET, [30, VALUE_WIDTH, 3, 80, 3, 24, 30], SETTINGS_HEADER_ROW + 1);
  block.values.forEach((cells, r) => {
    const row = SETTINGS_HEADER_ROW + r;
    layout.values[row] = [...layout.values[row]!];
    layout.formats[row] = [...layout.formats[row]!];
    cells.forEach((value, c) => {
      layout.values[row]![MAPPING_AT + c] = value;
      layout.formats[row]![MAPPING_AT + c] = block.formats[r]![c]!;
    });
  });
  return layout;
}

/** The Column mapping's first column on the settings sheet (F). */
const MAPPING_AT = mappingColumnBeside({ column: 0, columns: 2 });
