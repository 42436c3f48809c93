// A .xlsx file's bytes as a workbook port, and back to bytes, for the command:
// the output is the input package with only the parts the plan changes
// rewritten, every other part copied as it was stored (see package.ts).

import type { WorkbookPort } from '../../port/workbookPort';
import { errorText } from '../../app/errorText';
import { inventory, lostFeatures, type FeatureCount } from '../exceljs/features';
import { checkCellBudget, checkZipMagic, NotAWorkbookError } from '../exceljs/limits';
import { readParts } from '../exceljs/xlsxParts';
import { readZip, ZipTooLargeError, type ZipEntry } from '../exceljs/zip';
import { XlsxPackage } from './package';
import { surgicalPort } from './surgicalPort';
import { recordMapping } from './mappingTable';
import type { ColumnMappingEntry } from '../../engine/read';
import { SurgicalWorkbook } from './workbook';

export type SurgicalSession = {
  port: WorkbookPort;
  /** The workbook as it is now, and what of the input it no longer has. */
  save(date?: Date): Promise<{ bytes: Buffer; lost: FeatureCount[] }>;
  /** Records the command's --map in the Column mapping table (recordMapping); resolves to where the table is. */
  recordMapping(entries: ColumnMappingEntry[], initiativesTable?: string): Promise<string>;
};

/** The root element of a part is closed: a part cut short (a damaged file) is refused rather than half read. */
function checkComplete(path: string, xml: string | undefined): void {
  if (xml === undefined) return;
  const root = /<([\w:.-]+)[\s>/]/.exec(xml.replace(/^<\?[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trimStart())?.[1];
  const tail = xml.trimEnd();
  if (!root || !(tail.endsWith(`</${root}>`) || (tail.endsWith('/>') && !tail.slice(0, -2).includes('<', xml.indexOf(`<${root}`) + 1)))) {
    throw new NotAWorkbookError(`its part ${path} is damaged (it ends early); open it in Excel, which can repair it, save it and run again`);
  }
}

/** Throws NotAWorkbookError when the bytes are not an .xlsx workbook, ZipTooLargeError when it is past the command's limits. */
export async function openSurgical(bytes: Buffer): Promise<SurgicalSession> {
  checkZipMagic(bytes);
  let entries: ZipEntry[];
  let book: SurgicalWorkbook;
  try {
    entries = readZip(bytes);
    book = new SurgicalWorkbook(new XlsxPackage(entries));
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new NotAWorkbookError('it is a zip file without an Excel workbook in it; check that this is the right file');
  }
  try {
    const sheets = book.sheets();
    checkCellBudget(sheets, (path) => book.pkg.peek(path));
    // The parts a run reads, checked whole now, so a damaged one is refused before anything is planned.
    checkComplete(book.workbook.path, book.workbook.xml);
    for (const table of book.tables()) {
      checkComplete(table.path, book.pkg.text(table.path));
      checkComplete(table.sheet.path, book.pkg.text(table.sheet.path));
    }
    book.cellContext();
  } catch (error) {
    if (error instanceof ZipTooLargeError || error instanceof NotAWorkbookError) throw error;
    throw new NotAWorkbookError(`its zip package is damaged (${errorText(error)}); open it in Excel, which can repair it, save it and run again`);
  }
  return {
    port: surgicalPort(book),
    recordMapping: async (entries, initiativesTable) => recordMapping(book, entries, initiativesTable),
    async save(date = new Date()) {
      const saved = book.save(date);
      const before = await inventory(await readParts(entries));
      // Most workbooks have nothing at risk: then the output need not be opened again to compare.
      const lost = before.length === 0 ? [] : lostFeatures(before, await inventory(await readParts(saved)));
      return { bytes: saved, lost };
    },
  };
}
