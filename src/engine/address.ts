// A1 addresses, so every message can name the exact cell.

/** Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "Q10" for zero-based sheet row 9, column 16. */
export const a1 = (row: number, column: number): string => `${columnLetters(column)}${row + 1}`;

/** "Portfolio!Q10", or "'AI portfolio'!Q10" when the sheet name needs quotes as it does in an Excel formula. */
export function qualified(sheet: string, cell: string): string {
  // Excel also quotes names that read as a cell reference ("AB12", "R1C1").
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^R\d*C\d*$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** Zero-based column index of column letters: "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "Q10" (or "$Q$10") as zero-based sheet row 9, column 16; throws when it is not one cell's address. */
export function parseA1(cell: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  if (!match) throw new Error(`"${cell}" is not a cell address.`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]!) };
}
