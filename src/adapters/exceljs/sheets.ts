// The sheets the add-in owns, found by name (as Excel compares names: ignoring
// case) and told apart from the user's by the mark in A2.

import type ExcelJS from 'exceljs';
import { isOwnSheet, nextFreeSheetName } from '../../layout/names';
import { toCellValue } from './cellValue';
import { allTables } from './tables';

export const sheetNamed = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined =>
  workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());

export const isOurs = (worksheet: ExcelJS.Worksheet): boolean => isOwnSheet(toCellValue(worksheet.findCell(2, 1)?.value ?? null, false));

/** exceljs keeps a sheet's <sheetProtection> as `sheetProtection` (not in its typings); `sheet` is on while Review > Protect Sheet is. */
type ProtectableSheet = ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } | null };

/** Review > Protect Sheet is on: Excel would refuse changes to its cells, so the port writes nothing there. */
export const isProtected = (worksheet: ExcelJS.Worksheet): boolean => (worksheet as ProtectableSheet).sheetProtection?.sheet === true;

/**
 * The name to write a sheet under: `wanted` when it is free or already ours; otherwise, when
 * `nextFree`, the next free name (nextFreeSheetName); otherwise undefined (the name is taken by the user's sheet).
 */
export function sheetNameFor(workbook: ExcelJS.Workbook, wanted: string, nextFree: boolean): string | undefined {
  const available = (name: string) => {
    const sheet = sheetNamed(workbook, name);
    return !sheet || isOurs(sheet);
  };
  if (available(wanted)) return wanted;
  return nextFree ? nextFreeSheetName(wanted, available) : undefined;
}

/** A table name no other table in the workbook uses ("DecisionLog", else "DecisionLog2"...). */
export function freeTableName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(allTables(workbook).map((t) => t.model.name.toLowerCase()));
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/** Replace `old` (one of ours) by an empty sheet of the same name in the same tab position. */
export function replaceSheet(workbook: ExcelJS.Workbook, old: ExcelJS.Worksheet): ExcelJS.Worksheet {
  const { name, orderNo } = old as ExcelJS.Worksheet & { orderNo: number };
  workbook.removeWorksheet(old.id);
  const fresh = workbook.addWorksheet(name) as ExcelJS.Worksheet & { orderNo: number };
  fresh.orderNo = orderNo;
  return fresh;
}
