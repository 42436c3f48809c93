// When one of the user's sheets already has a name the add-in needs, the pane
// proposes another and asks before using it.

import type { WriteOptions } from '../../port/workbookPort';

export type SheetNames = Required<NonNullable<WriteOptions['sheetNames']>>;
export type SheetKey = keyof SheetNames;

// The port's defaults, written once (port/problems.ts).
export { DEFAULT_SHEET_NAMES } from '../../port/problems';

/** Which of the add-in's sheets `sheet` is, under the names in use. */
export function sheetKeyOf(names: SheetNames, sheet: string): SheetKey | undefined {
  return (Object.keys(names) as SheetKey[]).find((key) => names[key].toLowerCase() === sheet.toLowerCase());
}

/** "Change impact" → "Change impact (2)" → "Change impact (3)". */
export function nextSheetName(name: string): string {
  const numbered = /^(.*) \((\d+)\)$/.exec(name);
  return numbered ? `${numbered[1]} (${Number(numbered[2]) + 1})` : `${name} (2)`;
}
