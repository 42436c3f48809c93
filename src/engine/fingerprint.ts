// A short fingerprint of a table's inputs, so a write can tell whether the table
// changed under it (a co-author added a row, someone sorted) since it was read.

import type { CellValue, RawTable } from './types';

/** FNV-1a over the headers and every cell outside `ignoredColumns` (the add-in's own output columns). */
export function tableFingerprint(table: Pick<RawTable, 'headers' | 'rows'>, ignoredColumns: ReadonlySet<number> = new Set()): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x1f; // unit separator, so ["ab",""] and ["a","b"] differ
    hash = Math.imul(hash, 0x01000193);
  };
  const cellText = (cell: CellValue | null | undefined) => (cell === null || cell === undefined ? '' : `${typeof cell}:${String(cell)}`);
  table.headers.forEach((h, i) => !ignoredColumns.has(i) && mix(String(h)));
  mix(`rows:${table.rows.length}`);
  for (const row of table.rows) {
    for (let i = 0; i < row.length; i++) if (!ignoredColumns.has(i)) mix(cellText(row[i]));
    mix('\n');
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
