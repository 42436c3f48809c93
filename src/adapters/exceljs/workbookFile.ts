// Opening and saving .xlsx bytes with exceljs, with the repairs a round trip
// needs: exceljs reads a table saved by Excel (which leaves out the default
// headerRowCount) as having no header row and would write it back that way.

import ExcelJS from 'exceljs';
import { inventory, tableAttributes, type FeatureCount } from './features';
import { allTables, tableGeometry, resizeTable } from './tables';
import { readParts } from './xlsxParts';
import { readZip, writeZip } from './zip';

export type OpenedWorkbook = {
  workbook: ExcelJS.Workbook;
  /** What the input holds that exceljs may drop, to compare with the output. */
  features: FeatureCount[];
};

/** Thrown when the bytes are not an .xlsx workbook; the message says what was found instead. */
export class NotAWorkbookError extends Error {
  override name = 'NotAWorkbookError';
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function openWorkbook(bytes: Buffer): Promise<OpenedWorkbook> {
  if (startsWith(bytes, OLE_MAGIC)) throw new NotAWorkbookError('it is an old-style .xls (or password-protected) file; save it as .xlsx (Excel Workbook) first');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new NotAWorkbookError('it is not an .xlsx file (an .xlsx file is a zip package)');
  let parts;
  try {
    parts = await readParts(bytes);
  } catch (_) {
    throw new NotAWorkbookError('it is a zip file without an Excel workbook in it');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new NotAWorkbookError(`exceljs could not read it (${error instanceof Error ? error.message : String(error)})`);
  }
  const attributes = await tableAttributes(parts);
  for (const table of allTables(workbook)) {
    const found = attributes.get(table.model.name.toLowerCase());
    if (found) table.model.headerRow = found.headerRow;
    // exceljs always writes a filter range; a table saved without one gets its own, so the file stays valid.
    const geometry = tableGeometry(table.model);
    if (!table.model.autoFilterRef && geometry) resizeTable(table.model, geometry);
  }
  return { workbook, features: await inventory(parts) };
}

/**
 * The workbook as .xlsx bytes, its zip entries dated `date`. exceljs lays the parts out
 * uncompressed and Node's zlib compresses them (see zip.ts for why).
 */
export async function workbookBytes(workbook: ExcelJS.Workbook, date = new Date()): Promise<Buffer> {
  const stored = Buffer.from((await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never)) as ArrayBuffer);
  return writeZip(readZip(stored).filter((e) => !e.name.endsWith('/')).map((e) => ({ name: e.name, data: e.data() })), date);
}

/** The workbook as .xlsx bytes. Excel recalculates on open, so formulas over the new outputs are current. */
export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return workbookBytes(workbook);
}
