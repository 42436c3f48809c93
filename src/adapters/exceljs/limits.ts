// What the command refuses before reading a workbook: bytes that are not an
// .xlsx zip, and sheets holding more cells than it reads. Shared by both ways
// of reading a file (the exceljs adapter and the surgical writer in
// src/adapters/xlsx), so both refuse the same files with the same words.

import { ZipTooLargeError } from './zip';

/** Thrown when the bytes are not an .xlsx workbook; the message says what was found instead. */
export class NotAWorkbookError extends Error {
  override name = 'NotAWorkbookError';
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Throws NotAWorkbookError when the bytes cannot be an .xlsx zip: an old .xls or encrypted file, or no zip at all. */
export function checkZipMagic(bytes: Uint8Array): void {
  if (startsWith(bytes, OLE_MAGIC)) throw new NotAWorkbookError('it is an old-style .xls file or a password-protected workbook; save it from Excel as .xlsx (Excel Workbook), without a password');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new NotAWorkbookError('it is not an .xlsx file; open it in Excel and save it as Excel Workbook (.xlsx)');
}

/**
 * The cells the command will look at: exceljs holds every cell of every sheet, at about 2 KB a cell
 * (690 MB at 10,000 initiatives of 30 columns), so a million cells is near 2 GB; the surgical writer
 * reads only the sheets that hold tables, so it counts only theirs. Counted in the sheets' XML before
 * anything else reads it, so a huge sheet is refused in seconds, not after minutes.
 */
export const CELL_BUDGET = 1_000_000;

/** The `<c ` start tags in a sheet's bytes: a loop over them costs a third of an indexOf call per cell (Buffer.indexOf crosses into C++ each call). */
function cellsIn(xml: Buffer): number {
  let count = 0;
  const end = xml.length - 2;
  for (let i = 0; i < end; i++) if (xml[i] === 0x3c && xml[i + 1] === 0x63 && xml[i + 2] === 0x20) count++;
  return count;
}

/**
 * Throws ZipTooLargeError when the sheets hold more than CELL_BUDGET cells. `xmlOf` gives a sheet part's bytes
 * (read once, not kept); `counted` is handed each sheet's bytes once counted within the budget, so a caller
 * can take what else it needs from them without inflating the part again.
 */
export function checkCellBudget(sheets: { name: string; path: string }[], xmlOf: (path: string) => Buffer | undefined, counted?: (path: string, xml: Buffer) => void): void {
  let total = 0;
  for (const sheet of sheets) {
    const xml = xmlOf(sheet.path);
    if (!xml) continue;
    const cells = cellsIn(xml);
    total += cells;
    if (total > CELL_BUDGET) {
      const where = cells > CELL_BUDGET / 2 ? `its sheet ${sheet.name} holds ${cells.toLocaleString('en-US')} cells` : `its sheets hold more than ${total.toLocaleString('en-US')} cells`;
      throw new ZipTooLargeError(`${where}, more than the ${CELL_BUDGET.toLocaleString('en-US')} the command reads; move the Initiatives, Capacity and Settings tables to sheets of their own, or run the add-in in Excel`);
    }
    counted?.(sheet.path, xml);
  }
}
