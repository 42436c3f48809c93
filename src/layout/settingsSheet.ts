// The `Prioritisation settings` sheet: a two-column Setting/Value table the
// task pane reads and edits, with what each setting means beside it.

import { CAPACITY_PREFIX, SETTING_SPECS } from '../engine/settings';
import type { Settings } from '../engine/types';
import { SheetBuilder, TEXT_FORMAT, type SheetLayout } from './grid';
import { OWNER_MARK, SETTINGS_SHEET, SETTINGS_TABLE } from './names';

export const SETTINGS_HEADER_ROW = 3;

export function settingsRows(settings: Settings): { label: string; value: string | number; meaning: string }[] {
  return [
    ...SETTING_SPECS.map((spec) => ({ label: spec.label, value: spec.current(settings), meaning: spec.meaning })),
    ...Object.entries(settings.capacityOverrides).map(([team, value]) => ({
      label: `${CAPACITY_PREFIX}${team}`,
      value,
      meaning: `Capacity of ${team} for this plan; wins over the Capacity table.`,
    })),
  ];
}

export function settingsSheet(settings: Settings): SheetLayout {
  const s = new SheetBuilder(4);
  s.row(['Prioritisation settings'], [], 'title');
  s.row([`${OWNER_MARK}. Change a value here or in the task pane; the next run uses it.`], [TEXT_FORMAT], 'note');
  s.blank();
  s.row(['Setting', 'Value', null, 'What it means'], [], 'header');
  const rows = settingsRows(settings);
  for (const r of rows) s.row([r.label, r.value, null, r.meaning], [TEXT_FORMAT, typeof r.value === 'number' ? 'General' : TEXT_FORMAT, null, TEXT_FORMAT]);
  s.tables.push({ name: SETTINGS_TABLE, row: SETTINGS_HEADER_ROW, column: 0, rows: rows.length + 1, columns: 2 });
  return s.build(SETTINGS_SHEET, [30, 18, 3, 80], SETTINGS_HEADER_ROW + 1);
}
