// How saving settings changes an existing Setting/Value table: each known row's
// value is updated in place, missing rows are appended, and a team whose
// capacity is no longer overridden has its value cleared (the row stays, so no
// user row ever moves). Shared by every adapter so they edit the same cells.

import { normalise } from '../engine/cells';
import type { RawTable, Settings } from '../engine/types';
import { TEXT_FORMAT, type LayoutCell } from './grid';
import { SETTINGS_TABLE } from './names';
import { settingsRows } from './settingsSheet';

export type SettingsEdits = {
  /** Value cells to change, by zero-based table body row. */
  updates: { rowIndex: number; value: LayoutCell; format: string }[];
  /** Rows to add at the table's end: label and value in the table, the meaning two columns to the right. */
  appended: { label: string; value: string | number; format: string; meaning: string }[];
};

export const SETTINGS_COLUMNS_MESSAGE = `The settings table ${SETTINGS_TABLE} needs a Setting and a Value column; add them back to save settings.`;

const valueFormat = (value: string | number): string => (typeof value === 'number' ? 'General' : TEXT_FORMAT);
const capacityTeam = (label: string): string | undefined => /^\s*capacity\s*[:\-–]\s*(.+?)\s*$/i.exec(label)?.[1];
const rowKey = (label: string): string => {
  const team = capacityTeam(label);
  return team === undefined ? normalise(label) : `capacity:${normalise(team)}`;
};

export function settingsEdits(table: Pick<RawTable, 'headers' | 'rows'>, settings: Settings): SettingsEdits {
  const labelColumn = table.headers.findIndex((h) => normalise(String(h)) === 'setting');
  const valueColumn = table.headers.findIndex((h) => normalise(String(h)) === 'value');
  if (labelColumn < 0 || valueColumn < 0) throw new Error(SETTINGS_COLUMNS_MESSAGE);
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
    if (index === undefined) edits.appended.push({ ...row, format: valueFormat(row.value) });
    else if (table.rows[index]?.[valueColumn] !== row.value) edits.updates.push({ rowIndex: index, value: row.value, format: valueFormat(row.value) });
  }
  for (const [key, index] of existing) {
    if (key.startsWith('capacity:') && !wanted.has(key) && table.rows[index]?.[valueColumn] !== '') {
      edits.updates.push({ rowIndex: index, value: null, format: 'General' });
    }
  }
  return edits;
}
