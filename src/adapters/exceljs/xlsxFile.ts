// A .xlsx file's bytes as a workbook port, and back to bytes: the whole exceljs
// side of the command line. Saving also tells what the output lost of the
// input's charts, pivot tables, sparklines and the like.

import type { WorkbookPort } from '../../port/workbookPort';
import { excelJsPort } from './excelJsPort';
import { inventory, lostFeatures, type FeatureCount } from './features';
import { openWorkbook, saveWorkbook } from './workbookFile';
import { readParts } from './xlsxParts';

export { NotAWorkbookError } from './workbookFile';
export { ZipTooLargeError } from './zip';
export { describeFeatures, type FeatureCount } from './features';

export type XlsxSession = {
  port: WorkbookPort;
  /** The workbook as it is now, and what of the input it no longer has. */
  save(): Promise<{ bytes: Buffer; lost: FeatureCount[] }>;
};

/** Throws NotAWorkbookError when the bytes are not an .xlsx workbook. */
export async function openXlsx(bytes: Buffer): Promise<XlsxSession> {
  const { workbook, features, setAside } = await openWorkbook(bytes);
  return {
    port: excelJsPort(workbook),
    async save() {
      const saved = await saveWorkbook(workbook, setAside);
      // Most workbooks have nothing at risk: then the output need not be opened again to compare.
      const lost = features.length === 0 ? [] : lostFeatures(features, await inventory(await readParts(saved)));
      return { bytes: saved, lost };
    },
  };
}
