// A .xlsx file's bytes as a workbook port, and back to bytes, for the command:
// the output is the input package with only the parts the plan changes
// rewritten, every other part copied as it was stored (see package.ts).

import type { WorkbookPort } from '../../port/workbookPort';
import { errorText } from '../../app/errorText';
import { inventory, lostFeatures, type FeatureCount } from '../exceljs/features';
import { checkCellBudget, checkZipMagic, NotAWorkbookError } from '../exceljs/limits';
import { readParts, type XlsxParts } from '../exceljs/xlsxParts';
import { readZip, ZipTooLargeError } from '../exceljs/zip';
import { CONTENT_TYPES_PART, RELATIONSHIP_TYPES, typeName, XlsxPackage, type SheetEntry } from './package';
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

/** The name of a part's root element: the first tag after the declaration and any comments before it (the rest of a large sheet is not scanned). */
function rootName(xml: string): string | undefined {
  let at = 0;
  for (;;) {
    while (at < xml.length && xml.charCodeAt(at) <= 32) at++;
    const end = xml.startsWith('<?', at) ? xml.indexOf('?>', at) + 2 : xml.startsWith('<!--', at) ? xml.indexOf('-->', at) + 3 : at;
    if (end === at) break;
    if (end < at) return undefined;
    at = end;
  }
  const tag = /<([\w:.-]+)[\s>/]/g;
  tag.lastIndex = at;
  return tag.exec(xml)?.[1];
}

/** The root element of a part is closed: a part cut short (a damaged file) is refused rather than half read. */
function checkComplete(path: string, xml: string | undefined): void {
  if (xml === undefined) return;
  const root = rootName(xml);
  const tail = xml.trimEnd();
  if (!root || !(tail.endsWith(`</${root}>`) || (tail.endsWith('/>') && !tail.slice(0, -2).includes('<', xml.indexOf(`<${root}`) + 1)))) {
    throw new NotAWorkbookError(`its part ${path} is damaged (it ends early); open it in Excel, which can repair it, save it and run again`);
  }
}

/**
 * The command reads a sheet's rows as Excel and LibreOffice write them: unprefixed elements (`<row>`, `<c>`) and
 * double-quoted attributes. A generator that writes `<x:row>` or `r='A1'` (valid XML, rare) would otherwise read
 * as a table without its columns, a misleading message; it is refused by name instead, with the way out.
 */
function checkPlainlyWritten(part: string, xml: string | undefined, what: string): void {
  if (xml === undefined) return;
  const root = rootName(xml);
  const prefixed = root?.includes(':') ? root : undefined;
  const firstCell = /<(?:row|c)\s[^>]*>/.exec(xml.slice(0, 200_000))?.[0];
  const singleQuoted = firstCell !== undefined && /=\s*'/.test(firstCell);
  if (!prefixed && !singleQuoted) return;
  const how = prefixed ? `namespace-prefixed elements (<${prefixed}>)` : "attributes in single quotes (r='A1')";
  throw new NotAWorkbookError(`${what} (${part}) is written with ${how}, which the command does not take; open the workbook in Excel or LibreOffice, save it and run again`);
}

/** A worksheet's text from where its rows end (`sheetData>`), all the inventory looks at; the whole text when it has no rows element. */
function afterRows(xml: Buffer): string {
  const end = xml.lastIndexOf('sheetData>');
  return xml.toString('utf8', end === -1 ? 0 : end);
}

/** The input's parts as the feature inventory reads them, read before any edit: its sheets as far as afterRows, the rest from the package. */
function inputParts(book: SurgicalWorkbook, sheets: SheetEntry[], tails: Map<string, string>): XlsxParts {
  return {
    paths: book.pkg.paths(),
    sheets: sheets.map((s) => ({ name: s.name, path: s.path, kind: s.kind })),
    text: async (path) => tails.get(path) ?? book.pkg.text(path),
    relationships: async (path) => book.pkg.relationships(path).flatMap((r) => (r.external || !r.target ? [] : [{ type: typeName(r.type), target: r.target }])),
  };
}

/** Throws NotAWorkbookError when the bytes are not an .xlsx workbook, ZipTooLargeError when it is past the command's limits. */
export async function openSurgical(bytes: Buffer): Promise<SurgicalSession> {
  checkZipMagic(bytes);
  let book: SurgicalWorkbook;
  try {
    book = new SurgicalWorkbook(new XlsxPackage(readZip(bytes)));
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new NotAWorkbookError('it is a zip file without an Excel workbook in it; check that this is the right file');
  }
  let before: FeatureCount[];
  try {
    // Every reader starts from the package's list of part types; without it neither Excel nor LibreOffice opens the file, nor would they open ours.
    if (!book.pkg.has(CONTENT_TYPES_PART)) throw new NotAWorkbookError('it is damaged: its list of part types ([Content_Types].xml) is missing, so Excel cannot open it either; check that this is the right file, or take it from a backup');
    const sheets = book.sheets();
    // Only the sheets holding tables are read cell by cell, so only their cells count toward the budget: a
    // finance workbook's ledger extract of a million rows elsewhere costs the time to inflate it once for the
    // inventory's look at its end, and is then let go. Each sheet is inflated once; a table's sheet is kept.
    const holdsTables = (sheet: SheetEntry) => book.pkg.relationships(sheet.path).some((r) => r.type === RELATIONSHIP_TYPES.table);
    const tails = new Map<string, string>();
    checkCellBudget(
      sheets.filter(holdsTables),
      (path) => book.pkg.peek(path),
      (path, xml) => {
        tails.set(path, afterRows(xml));
        book.pkg.keep(path, xml);
      },
    );
    for (const sheet of sheets) {
      if (tails.has(sheet.path)) continue;
      const xml = book.pkg.peek(sheet.path);
      if (xml) tails.set(sheet.path, afterRows(xml));
    }
    before = await inventory(inputParts(book, sheets, tails));
    // The parts a run reads, checked whole now, so a damaged one is refused before anything is planned.
    checkComplete(book.workbook.path, book.workbook.xml);
    for (const table of book.tables()) {
      checkComplete(table.path, book.pkg.text(table.path));
      checkComplete(table.sheet.path, book.pkg.text(table.sheet.path));
      checkPlainlyWritten(table.path, book.pkg.text(table.path), `the part of table ${table.name}`);
      checkPlainlyWritten(table.sheet.path, book.pkg.text(table.sheet.path), `sheet ${table.sheet.name}`);
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
      const saved = await book.save(date);
      // Most workbooks have nothing at risk: then the output need not be opened again to compare.
      const lost = before.length === 0 ? [] : lostFeatures(before, await inventory(await readParts(saved)));
      return { bytes: saved, lost };
    },
  };
}
