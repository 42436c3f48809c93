// Opening and saving .xlsx bytes with exceljs, with the repairs a round trip
// needs: exceljs reads a table saved by Excel (which leaves out the default
// headerRowCount) as having no header row and would write it back that way,
// cannot open tables with calculated columns (tableColumnParts.ts), and
// damages named formulas and constants (definedNames.ts), and drops pinned
// Office add-ins (webExtensions.ts).

import ExcelJS from 'exceljs';
import { inventory, tableAttributes, type FeatureCount } from './features';
import { allTables, fitToUsedRows, tableGeometry, resizeTable } from './tables';
import { readParts } from './xlsxParts';
import { putDefinedNames, takeDefinedNames, type DefinedNames } from './definedNames';
import { putColumnContent, takeColumnContent, type ColumnContent } from './tableColumnParts';
import { putWebExtensions, takeWebExtensions, type WebExtensions } from './webExtensions';
import { readZip, writeZip, ZipTooLargeError, type ZipEntry } from './zip';
import { errorText } from '../../app/errorText';
import { escapeTextsForSave } from './xmlText';
import { checkCellBudget, checkZipMagic, NotAWorkbookError } from './limits';

export { CELL_BUDGET, NotAWorkbookError } from './limits';

export type OpenedWorkbook = {
  workbook: ExcelJS.Workbook;
  /** What the input holds that exceljs may drop, to compare with the output. */
  features: FeatureCount[];
  /** What exceljs cannot read or would damage, kept aside to put back when saving. */
  setAside: SetAside;
};

/** Calculated-column and totals formulas of the tables, the workbook's defined names, pinned add-ins. */
export type SetAside = { columnContent: ColumnContent; definedNames?: DefinedNames; webExtensions?: WebExtensions };

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;
const WORKBOOK_PART = 'xl/workbook.xml';

type Part = { name: string; data: Buffer };

const STYLES_PART = 'xl/styles.xml';

/**
 * exceljs takes only date1904="1" for the 1904 date system; LibreOffice writes "true", which it would read as the
 * 1900 system, every date four years and a day early.
 */
const withDateSystemAsOne = (xml: string): string => xml.replace(/(<(?:\w+:)?workbookPr\b[^>]*\bdate1904=")true"/, (_, start: string) => `${start}1"`);

/**
 * exceljs reads a number format dropping every backslash (\£0.0\m, as LibreOffice saves £0.0m, becomes £0.0m,
 * a date by its m): each is doubled so it reads the code the file holds, as Excel's Range.numberFormat gives it,
 * and saves it unchanged.
 */
const keepEscapes = (xml: string): string => xml.replace(/(<(?:\w+:)?numFmt\b[^>]*\bformatCode=")([^"]*)"/g, (_, start: string, code: string) => `${start}${code.replace(/\\/g, '\\\\')}"`);

/** The parts exceljs can open, and what was taken out of them. */
function setAsideFrom(entries: ZipEntry[]): { parts: Part[]; setAside: SetAside } {
  const addInParts = entries.filter((e) => e.name.startsWith('xl/webextensions/') || e.name === '_rels/.rels' || e.name === '[Content_Types].xml');
  const webExtensions = takeWebExtensions(addInParts.map((e) => ({ name: e.name, data: e.data() })));
  const setAside: SetAside = { columnContent: new Map(), ...(webExtensions ? { webExtensions } : {}) };
  const parts = entries
    .filter((e) => !e.name.endsWith('/'))
    .map((entry): Part => {
      if (TABLE_PART.test(entry.name)) {
        const taken = takeColumnContent(entry.data().toString('utf8'));
        if (taken.columns.size === 0 || !taken.table) return { name: entry.name, data: entry.data() };
        setAside.columnContent.set(taken.table, taken.columns);
        return { name: entry.name, data: Buffer.from(taken.xml, 'utf8') };
      }
      if (entry.name === STYLES_PART) return { name: entry.name, data: Buffer.from(keepEscapes(entry.data().toString('utf8')), 'utf8') };
      if (entry.name === WORKBOOK_PART) {
        const taken = takeDefinedNames(withDateSystemAsOne(entry.data().toString('utf8')));
        if (taken.definedNames !== undefined) setAside.definedNames = taken.definedNames;
        return { name: entry.name, data: Buffer.from(taken.xml, 'utf8') };
      }
      return { name: entry.name, data: entry.data() };
    });
  return { parts, setAside };
}

function putBack(part: Part, setAside: SetAside): Part {
  if (TABLE_PART.test(part.name) && setAside.columnContent.size > 0) {
    return { name: part.name, data: Buffer.from(putColumnContent(part.data.toString('utf8'), setAside.columnContent), 'utf8') };
  }
  if (part.name === WORKBOOK_PART && setAside.definedNames !== undefined) {
    return { name: part.name, data: Buffer.from(putDefinedNames(part.data.toString('utf8'), setAside.definedNames), 'utf8') };
  }
  return part;
}


export async function openWorkbook(bytes: Buffer): Promise<OpenedWorkbook> {
  checkZipMagic(bytes);
  let entries: ZipEntry[];
  let parts;
  try {
    entries = readZip(bytes);
    parts = await readParts(entries);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new NotAWorkbookError('it is a zip file without an Excel workbook in it; check that this is the right file');
  }
  let readable: Buffer;
  let setAside: SetAside;
  try {
    const byPath = new Map(entries.map((e) => [e.name, e]));
    checkCellBudget(parts.sheets, (path) => byPath.get(path)?.data());
    const taken = setAsideFrom(entries);
    setAside = taken.setAside;
    // Handed to exceljs uncompressed: Node's zlib inflates the parts several times faster than the
    // JavaScript inflate exceljs would use (about 250 ms less on a 10,000-row workbook).
    readable = writeZip(taken.parts, new Date(), 0);
  } catch (error) {
    if (error instanceof ZipTooLargeError) throw error;
    throw new NotAWorkbookError(`its zip package is damaged (${errorText(error)}); open it in Excel, which can repair it, save it and run again`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new NotAWorkbookError(`exceljs could not read it (${errorText(error)}); open it in Excel, save it again as .xlsx and run again`);
  }
  const attributes = await tableAttributes(parts);
  for (const table of allTables(workbook)) {
    const found = attributes.get(table.model.name.toLowerCase());
    if (found) table.model.headerRow = found.headerRow;
    fitToUsedRows(table);
    // exceljs always writes a filter range; a table saved without one gets its own, so the file stays valid.
    const geometry = tableGeometry(table.model);
    if (!table.model.autoFilterRef && geometry) resizeTable(table.model, geometry);
  }
  return { workbook, features: await inventory(parts), setAside };
}

/** exceljs's rows have a style, as its cells do, though its types leave it out. */
type StyledRow = ExcelJS.Row & { style: Partial<ExcelJS.Style> };

const hasNoKeys = (style: object): boolean => {
  for (const _ in style) return false;
  return true;
};

/**
 * exceljs gives every cell without a style of its own a new empty style object, and works out the
 * style of each distinct object when saving by rendering it as XML: on a 10,000-row table that is
 * 300,000 renderings of the same default style (about 0.4 s). While the workbook is saved, these cells
 * share one empty style (dates another: an unstyled date gets a date format), which exceljs resolves
 * once; the same default style as before, so the file is the same. Rows the same. Afterwards each cell
 * and row gets its own empty style back, so a later change to one cell's style touches no other.
 */
function shareEmptyStyles(workbook: ExcelJS.Workbook): () => void {
  const shared: Partial<ExcelJS.Style> = {};
  const sharedDate: Partial<ExcelJS.Style> = {};
  const sharedRow: Partial<ExcelJS.Style> = {};
  const changed: ExcelJS.Cell[] = [];
  const changedRows: StyledRow[] = [];
  workbook.eachSheet((worksheet) => {
    worksheet.eachRow((anyRow) => {
      const row = anyRow as StyledRow;
      // Rows carry a style of their own too, resolved the same way.
      if (hasNoKeys(row.style)) {
        row.style = sharedRow;
        changedRows.push(row);
      }
      row.eachCell((cell) => {
        if (!hasNoKeys(cell.style)) return;
        const isDate = cell.type === ExcelJS.ValueType.Date || (cell.type === ExcelJS.ValueType.Formula && cell.result instanceof Date);
        cell.style = isDate ? sharedDate : shared;
        changed.push(cell);
      });
    });
  });
  return () => {
    for (const cell of changed) cell.style = {};
    for (const row of changedRows) row.style = {};
  };
}

/**
 * The workbook as .xlsx bytes, its zip entries dated `date`. exceljs lays the parts out
 * uncompressed and Node's zlib compresses them (see zip.ts for why).
 */
export async function workbookBytes(workbook: ExcelJS.Workbook, date = new Date(), setAside: SetAside = { columnContent: new Map() }): Promise<Buffer> {
  const restore = shareEmptyStyles(workbook);
  const restoreTexts = escapeTextsForSave(workbook);
  let written: ArrayBuffer;
  try {
    written = (await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as never)) as ArrayBuffer;
  } finally {
    restoreTexts();
    restore();
  }
  const stored = Buffer.from(written);
  const parts = readZip(stored)
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => putBack({ name: e.name, data: e.data() }, setAside));
  return writeZip(putWebExtensions(parts, setAside.webExtensions), date);
}

/** The workbook as .xlsx bytes. Excel recalculates on open, so formulas over the new outputs are current. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, setAside?: SetAside): Promise<Buffer> {
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  return workbookBytes(workbook, new Date(), setAside);
}
