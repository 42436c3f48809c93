// A1 ranges as exceljs stores them in table models ("B3:K30"), as 1-based rows
// and columns, which is how exceljs addresses cells.

import { columnIndex, columnLetters } from '../../engine/address';

export { columnIndex };

export type Box = { top: number; left: number; bottom: number; right: number };

/** "B3:K30" (or "B3") as 1-based bounds; undefined when it is not an A1 range. */
export function parseRange(ref: string | undefined): Box | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec((ref ?? '').trim());
  if (!match) return undefined;
  const top = Number(match[2]);
  const left = columnIndex(match[1]!) + 1;
  const bottom = match[4] ? Number(match[4]) : top;
  const right = match[3] ? columnIndex(match[3]) + 1 : left;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** 1-based row and column as "C5". */
export const cellRef = (row: number, column: number): string => `${columnLetters(column - 1)}${row}`;

export const formatRange = (box: Box): string => `${cellRef(box.top, box.left)}:${cellRef(box.bottom, box.right)}`;

export const overlaps = (a: Box, b: Box): boolean => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
