// How saving settings changes an existing Setting/Value table: each known row's
// value is updated in place, missing rows are appended, and a team whose
// capacity is no longer overridden has its value cleared (the row stays, so no
// user row ever moves). Shared by every adapter so they edit the same cells.

import { normalise } from '../engine/cells';
import type { RawTable, Settings } from '../engine/types';
import { settingOf, settingsColumns } from '../engine/settings';
import type { LayoutCell } from './grid';
import { SETTINGS_TABLE } from './names';
import { MEANING_HEADER, settingsRowCells, settingsRows, settingValueFormat, type SettingsCell } from './settingsSheet';

export type SettingsEdits = {
  /** Value cells to change, by zero-based table body row. */
  updates: { rowIndex: number; value: LayoutCell; format: string }[];
  /**
   * Rows to add at the table's end, each as its cells (`settingsRowCells`, by column from the table's first):
   * label and value in the table, and what the setting means beside it when the table has a What it means column.
   */
  appended: SettingsCell[][];
};

export const SETTINGS_COLUMNS_MESSAGE = `The settings table ${SETTINGS_TABLE} needs a Setting and a Value column; add them back to save settings.`;

const capacityTeam = (label: string): string | undefined => /^\s*capacity\s*[:\-–]\s*(.+?)\s*$/i.exec(label)?.[1];
const rowKey = (label: string): string => {
  const team = capacityTeam(label);
  return team === undefined ? normalise(settingOf(label)?.label ?? label) : `capacity:${normalise(team)}`;
};

/** Whether the header-row cell at `meaningColumn` beside a settings table heads the meanings (as the settings sheet lays it out). */
export const isMeaningHeader = (cell: unknown): boolean => typeof cell === 'string' && normalise(cell) === normalise(MEANING_HEADER);

/**
 * `beside`: the header-row cell at `meaningColumn(headers.length)` beside the table, as the adapter read it. Rows
 * added to a table with the What it means column there carry their meaning; nothing is written beside a table without one.
 */
export function settingsEdits(table: Pick<RawTable, 'headers' | 'rows'>, settings: Settings, beside?: unknown): SettingsEdits {
  const { label: labelColumn, value: valueColumn } = settingsColumns(table.headers);
  if (labelColumn < 0 || valueColumn < 0) throw new Error(SETTINGS_COLUMNS_MESSAGE);
  const columns = { label: labelColumn, value: valueColumn, width: table.headers.length };
  const existing = new Map<string, number>();
  table.rows.forEach((row, index) => {
    const key = rowKey(String(row[labelColumn] ?? ''));
    if (key !== '' && !existing.has(key)) existing.set(key, index);
  });
  const edits: SettingsEdits = { updates: [], appended: [] };
  const wanted = new Set<string>();
  for (const row of settingsRows(settings)) {
    const key = rowKey(row.label);
    wanted.add(key);
    const index = existing.get(key);
    if (index === undefined) edits.appended.push(settingsRowCells(row, columns, isMeaningHeader(beside)));
    else if (table.rows[index]?.[valueColumn] !== row.value) edits.updates.push({ rowIndex: index, value: row.value, format: settingValueFormat(row.value) });
  }
  for (const [key, index] of existing) {
    if (key.startsWith('capacity:') && !wanted.has(key) && table.rows[index]?.[valueColumn] !== '') {
      edits.updates.push({ rowIndex: index, value: null, format: 'General' });
    }
  }
  return edits;
}
