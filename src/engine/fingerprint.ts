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

/** A number's eight bytes, read as two 32-bit words. */
const numberBits = new Float64Array(1);
const numberWords = new Uint32Array(numberBits.buffer);

/** FNV-1a of the four bytes of a 32-bit word, continuing from `hash`. */
function mixWord(hash: number, word: number): number {
  hash = Math.imul(hash ^ (word & 0xff), FNV_PRIME);
  hash = Math.imul(hash ^ ((word >>> 8) & 0xff), FNV_PRIME);
  hash = Math.imul(hash ^ ((word >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(hash ^ (word >>> 24), FNV_PRIME);
}

/** Marks mixed before a cell's value, so the text "1" and the number 1 differ. */
const TEXT = 1;
const NUMBER = 2;
const BOOLEAN = 3;
/** Anything else a port might hand over, hashed as its text. */
const OTHER = 4;

/**
 * A cell hashes as its type, then its value: a text's code units, a number's bytes (0 and -0 alike),
 * a boolean as 0 or 1. A number is not turned into text first: most cells of a large table are numbers.
 */
function mixCell(hash: number, cell: CellValue | null | undefined): number {
  if (cell === null || cell === undefined) return endField(hash);
  if (typeof cell === 'string') return endField(mixText(Math.imul(hash ^ TEXT, FNV_PRIME), cell));
  if (typeof cell === 'boolean') return endField(Math.imul(Math.imul(hash ^ BOOLEAN, FNV_PRIME) ^ (cell ? 1 : 0), FNV_PRIME));
  if (typeof cell !== 'number') return endField(mixText(Math.imul(hash ^ OTHER, FNV_PRIME), String(cell)));
  numberBits[0] = cell === 0 ? 0 : cell;
  return endField(mixWord(mixWord(Math.imul(hash ^ NUMBER, FNV_PRIME), numberWords[0]!), numberWords[1]!));
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
