// A short fingerprint of a table's inputs, so a write can tell whether the table
// changed under it (a co-author added a row, someone sorted) since it was read.

import { outputKeyOf } from './columns';
import type { CellValue, RawTable } from './types';

const FNV_PRIME = 0x01000193;

/** FNV-1a of `text`'s UTF-16 code units, continuing from `hash`. */
function mixText(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** The unit separator after each field, so ["ab",""] and ["a","b"] differ. */
const endField = (hash: number): number => Math.imul(hash ^ 0x1f, FNV_PRIME);

/**
 * A cell hashes as the text "type:value" ("" when blank). The type and the value are mixed one
 * after the other rather than joined first: the same hash without a new string for every cell.
 */
function mixCell(hash: number, cell: CellValue | null | undefined): number {
  if (cell === null || cell === undefined) return endField(hash);
  if (typeof cell === 'string') return endField(mixText(mixText(hash, 'string:'), cell));
  return endField(mixText(mixText(mixText(hash, typeof cell), ':'), String(cell)));
}

/** FNV-1a over the headers and every cell outside `ignoredColumns` (the add-in's own output columns). */
export function tableFingerprint(table: Pick<RawTable, 'headers' | 'rows'>, ignoredColumns: ReadonlySet<number> = new Set()): string {
  let hash = 0x811c9dc5;
  table.headers.forEach((h, i) => {
    if (!ignoredColumns.has(i)) hash = endField(mixText(hash, String(h)));
  });
  hash = endField(mixText(hash, `rows:${table.rows.length}`));
  // The kept columns once, not a set lookup per cell.
  const width = table.rows.reduce((most, row) => Math.max(most, row.length), 0);
  const kept: number[] = [];
  for (let i = 0; i < width; i++) if (!ignoredColumns.has(i)) kept.push(i);
  for (const row of table.rows) {
    for (const i of kept) if (i < row.length) hash = mixCell(hash, row[i]);
    hash = endField(mixText(hash, '\n'));
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The zero-based indices of the add-in's own output columns among `headers`. */
export const outputIndices = (headers: readonly string[]): Set<number> =>
  new Set(headers.flatMap((header, index) => (outputKeyOf(String(header)) !== undefined ? [index] : [])));

/** The fingerprint every adapter reads and checks before a write: headers and input cells, output columns ignored. */
export const inputFingerprint = (table: Pick<RawTable, 'headers' | 'rows'>): string => tableFingerprint(table, outputIndices(table.headers));
