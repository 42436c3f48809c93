// One factory per adapter for the port behaviour suite (workbookPort.test.ts):
// each builds a workbook from the same description and hands back the port
// over it and a way to look at its cells. To put another adapter under the
// suite, write one more factory here and add it to ADAPTERS.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { excelJsPort } from '../../src/adapters/exceljs/excelJsPort';
import { openWorkbook } from '../../src/adapters/exceljs/workbookFile';
import { readZip } from '../../src/adapters/exceljs/zip';
import { XlsxPackage } from '../../src/adapters/xlsx/package';
import { openSurgical } from '../../src/adapters/xlsx/session';
import { SurgicalWorkbook } from '../../src/adapters/xlsx/workbook';
import { setFormat, writeBlock } from '../../src/adapters/memory/cells';
import { addSheet, createWorkbook, findSheet, getCell } from '../../src/adapters/memory/model';
import { memoryPort } from '../../src/adapters/memory/memoryPort';
import { addTable as addMemoryTable } from '../adapters/memory/memoryBuilders';
import { addTable as addFakeTable, fakeExcel } from '../adapters/office/fakeExcel';
import { portOn } from '../adapters/office/workbooks';
import { columnLetters, parseA1 } from '../../src/engine/address';
import type { CellValue, RawTable } from '../../src/engine/types';
import type { WorkbookPort } from '../../src/port/workbookPort';
import type { PageSetup } from '../../src/layout/pageSetup';

/** A workbook as the suite describes it: tables (each on its sheet, at its origin) and sheets of the user's own. */
export type WorkbookDescription = {
  tables: RawTable[];
  /** Sheets the user made, with a few cells ("A1" → value). */
  userSheets?: { name: string; cells?: Record<string, CellValue> }[];
  /** Blocks of cells the user merged (Home > Merge & Center), as "F2:G2" on a sheet. */
  merges?: { sheet: string; range: string }[];
  /** Tables made from whole columns (Insert > Table on A:AE): declared down to the sheet's last row, blank below their rows. */
  wholeColumns?: string[];
  /** The workbook counts its dates from 1904 (an old Mac workbook): a date's serial number is 1,462 days short. */
  date1904?: boolean;
};

/** Each body cell given a number format in `table.formats` ("" or absent: General), zero-based on the sheet. */
function formattedCells(table: RawTable): { row: number; column: number; format: string }[] {
  return (table.formats ?? []).flatMap((row, r) =>
    row.flatMap((format, c) => (format ? [{ row: table.origin.row + 1 + r, column: table.origin.column + c, format }] : [])),
  );
}

const LAST_ROW = 1_048_576;

/** "F2:G2" as a zero-based, inclusive block. */
function blockOf(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from = '', to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

export type AdapterUnderTest = {
  port: WorkbookPort;
  /** The value a user sees in `cell` ("B4") of `sheet`; '' when blank or when the sheet is missing. */
  cell(sheet: string, cell: string): CellValue;
  /** The workbook's sheet names in tab order. */
  sheets(): string[];
  /** The user types `value` into a cell (outside the add-in): how a test changes the workbook under a read. */
  type(sheet: string, cell: string, value: CellValue): void;
  /** The user turns on Review > Protect Sheet for `sheet`. */
  protect(sheet: string): void;
  /** How `sheet` prints, in the layout's terms; undefined when it keeps the defaults (landscape never set). */
  pageSetup(sheet: string): PageSetup | undefined;
  /** Whether the text of `cell` wraps within its column. */
  wraps(sheet: string, cell: string): boolean;
};

/** "&L…&C…&R…" as left, centre and right. */
function footerOf(text: string | undefined): PageSetup['footer'] {
  const parts = /^&L(.*?)&C(.*?)&R(.*)$/.exec(text ?? '');
  return { left: parts?.[1] ?? '', center: parts?.[2] ?? '', right: parts?.[3] ?? '' };
}

/**
 * `editsInPlace` false: the adapter changes a workbook only by running the plan (the command's writer);
 * settings, the mapping, the sample and scenarios are then refused, as one case of the suite checks.
 */
export type AdapterFactory = {
  name: string;
  editsInPlace?: boolean;
  /**
   * False where the adapter cannot tell a workbook counting its dates from 1904: Excel's JavaScript API has no
   * released way to (Workbook.use1904DateSystem is a preview API, and asking for it fails the request where it is missing).
   */
  knowsDateSystem?: boolean;
  build(description: WorkbookDescription): Promise<AdapterUnderTest>;
};

const blankAsEmpty = (value: unknown): CellValue => (value === null || value === undefined ? '' : (value as CellValue));

const memory: AdapterFactory = {
  name: 'memory',
  // wholeColumns is not modelled: the memory workbook is the preview's own, never a file a user selected whole columns in.
  async build(description) {
    const workbook = createWorkbook(['Sheet1']);
    if (description.date1904) workbook.date1904 = true;
    for (const table of description.tables) {
      addMemoryTable(workbook, table);
      for (const { row, column, format } of formattedCells(table)) setFormat(findSheet(workbook, table.sheet)!, row, column, format);
    }
    for (const user of description.userSheets ?? []) {
      const sheet = findSheet(workbook, user.name) ?? addSheet(workbook, user.name);
      for (const [ref, value] of Object.entries(user.cells ?? {})) {
        const { row, column } = parseA1(ref);
        writeBlock(sheet, row, column, [[value]], [[null]]);
      }
    }
    for (const { sheet, range } of description.merges ?? []) (findSheet(workbook, sheet)!.merges ??= []).push(blockOf(range));
    return {
      port: memoryPort(workbook),
      cell: (name, ref) => {
        const sheet = findSheet(workbook, name);
        const { row, column } = parseA1(ref);
        return sheet ? blankAsEmpty(getCell(sheet, row, column).value) : '';
      },
      sheets: () => workbook.sheets.map((s) => s.name),
      type: (name, ref, value) => {
        const { row, column } = parseA1(ref);
        writeBlock(findSheet(workbook, name)!, row, column, [[value]], [[null]]);
      },
      protect: (name) => (findSheet(workbook, name)!.protected = true),
      pageSetup: (name) => findSheet(workbook, name)?.pageSetup,
      wraps: (name, ref) => {
        const { row, column } = parseA1(ref);
        const sheet = findSheet(workbook, name);
        return sheet !== undefined && getCell(sheet, row, column).style === 'wrap';
      },
    };
  },
};

/** The described workbook as an .xlsx file, written by exceljs. */
async function describedBytes(description: WorkbookDescription): Promise<Buffer> {
  const built = new ExcelJS.Workbook();
  if (description.date1904) (built.properties as { date1904?: boolean }).date1904 = true;
  built.addWorksheet('Sheet1');
  for (const table of description.tables) {
    const sheet = built.getWorksheet(table.sheet) ?? built.addWorksheet(table.sheet);
    sheet.addTable({
      name: table.name,
      ref: `${columnLetters(table.origin.column)}${table.origin.row + 1}`,
      headerRow: true,
      columns: table.headers.map((name) => ({ name })),
      rows: table.rows.map((r) => r.map((v) => (v === '' ? null : v))),
    });
    for (const { row, column, format } of formattedCells(table)) sheet.getCell(row + 1, column + 1).numFmt = format;
  }
  for (const user of description.userSheets ?? []) {
    const sheet = built.getWorksheet(user.name) ?? built.addWorksheet(user.name);
    for (const [ref, value] of Object.entries(user.cells ?? {})) sheet.getCell(ref).value = value as ExcelJS.CellValue;
  }
  for (const { sheet, range } of description.merges ?? []) built.getWorksheet(sheet)!.mergeCells(range);
  const bytes = Buffer.from((await built.xlsx.writeBuffer()) as ArrayBuffer);
  return description.wholeColumns?.length ? declaredToLastRow(bytes, description.wholeColumns) : bytes;
}

/** The named tables' refs (and their filters') run to the sheet's last row, as Excel writes a table made from whole columns. */
async function declaredToLastRow(bytes: Buffer, names: readonly string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    const name = /<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1];
    if (name && names.includes(name)) zip.file(path, xml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, `ref="$1:$2${LAST_ROW}"`));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** How a sheet exceljs read prints, in the layout's terms. */
function pageSetupOf(sheet: ExcelJS.Worksheet | undefined): PageSetup | undefined {
  const setup = sheet?.pageSetup;
  if (!sheet || setup?.orientation !== 'landscape') return undefined;
  const breaks = (sheet as unknown as { rowBreaks: { id: number }[] }).rowBreaks.map((b) => b.id);
  return {
    orientation: 'landscape',
    pagesWide: setup.fitToPage && (setup.fitToWidth === 1 || setup.fitToWidth === 2) && setup.fitToHeight === 0 ? setup.fitToWidth : (Number.NaN as 1),
    titleColumns: /^A:([A-Z])$/.exec(setup.printTitlesColumn ?? '')?.[1] ? setup.printTitlesColumn!.charCodeAt(2) - 64 : 0,
    pageOrder: setup.pageOrder === 'overThenDown' ? 'overThenDown' : 'downThenOver',
    titleRows: Number(/^1:(\d+)$/.exec(setup.printTitlesRow ?? '')?.[1] ?? 0),
    breaks,
    footer: footerOf(sheet.headerFooter.oddFooter),
  };
}

/** How a sheet of an .xlsx package prints, read from its XML (exceljs reads neither row breaks nor print titles back). */
function packagePageSetup(bytes: Buffer, name: string): PageSetup | undefined {
  const book = new SurgicalWorkbook(new XlsxPackage(readZip(bytes)));
  const sheet = book.sheetNamed(name);
  if (!sheet) return undefined;
  const xml = book.sheetXml(sheet);
  const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
  if (!/orientation="landscape"/.test(setup)) return undefined;
  const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const index = book.sheets().findIndex((s) => s.name === sheet.name);
  const titles = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">[^<]*?\\$1:\\$(\\d+)<`).exec(book.workbook.xml);
  const titleColumns = new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">[^<]*?!\\$A:\\$([A-Z])[,<]`).exec(book.workbook.xml);
  const wide = Number(/fitToWidth="(\d+)"/.exec(setup)?.[1]);
  return {
    orientation: 'landscape',
    pagesWide: (wide === 1 || wide === 2) && /fitToHeight="0"/.test(setup) && /fitToPage="1"/.test(xml) ? wide : (Number.NaN as 1),
    titleColumns: titleColumns ? titleColumns[1]!.charCodeAt(0) - 64 : 0,
    pageOrder: /pageOrder="overThenDown"/.test(setup) ? 'overThenDown' : 'downThenOver',
    titleRows: Number(titles?.[1] ?? 0),
    breaks: [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1])),
    footer: footerOf(unescape(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1] ?? '')),
  };
}

/** What a user sees in a cell exceljs read: a formula's result, rich text as its text. */
function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value && typeof value === 'object' && 'result' in value) return blankAsEmpty(value.result);
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return blankAsEmpty(value);
}

const exceljs: AdapterFactory = {
  name: 'exceljs',
  async build(description) {
    // Through a file, as the command opens one.
    const { workbook } = await openWorkbook(await describedBytes(description));
    const sheetOf = (name: string) => workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    return {
      port: excelJsPort(workbook),
      cell: (name, ref) => cellValue(sheetOf(name)?.getCell(ref).value),
      sheets: () => workbook.worksheets.map((w) => w.name),
      type: (name, ref, value) => (sheetOf(name)!.getCell(ref).value = value as ExcelJS.CellValue),
      // As exceljs reads <sheetProtection sheet="1"> from a file (the exceljs adapter's tests read one).
      protect: (name) => ((sheetOf(name) as ExcelJS.Worksheet & { sheetProtection: unknown }).sheetProtection = { sheet: true }),
      pageSetup: (name) => pageSetupOf(sheetOf(name)),
      wraps: (name, ref) => sheetOf(name)?.getCell(ref).alignment?.wrapText === true,
    };
  },
};

const office: AdapterFactory = {
  name: 'office.js on the fake Excel',
  knowsDateSystem: false,
  async build(description) {
    const fake = fakeExcel();
    fake.model.date1904 = description.date1904 === true;
    fake.model.addSheet('Sheet1');
    for (const table of description.tables) {
      const declaredRows = description.wholeColumns?.includes(table.name) ? 'whole columns' : undefined;
      const sheet = addFakeTable(fake.model, { sheet: table.sheet, name: table.name, headers: table.headers, rows: table.rows, origin: table.origin, declaredRows });
      for (const { row, column, format } of formattedCells(table)) sheet.cell(row, column).format = format;
    }
    for (const user of description.userSheets ?? []) {
      const sheet = fake.model.sheet(user.name) ?? fake.model.addSheet(user.name);
      for (const [ref, value] of Object.entries(user.cells ?? {})) {
        const { row, column } = parseA1(ref);
        sheet.cell(row, column).value = value ?? '';
      }
    }
    for (const { sheet, range } of description.merges ?? []) {
      const { top, left, bottom, right } = blockOf(range);
      fake.model.sheet(sheet)!.merges.push({ row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 });
    }
    return {
      port: portOn(fake),
      cell: (name, ref) => {
        const { row, column } = parseA1(ref);
        return fake.model.sheet(name)?.value(row, column) ?? '';
      },
      sheets: () => fake.model.sheets.map((s) => s.name),
      type: (name, ref, value) => {
        const { row, column } = parseA1(ref);
        fake.model.sheet(name)!.cell(row, column).value = value ?? '';
      },
      protect: (name) => (fake.model.sheet(name)!.protected = true),
      wraps: (name, ref) => {
        const { row, column } = parseA1(ref);
        return fake.model.sheet(name)?.peek(row, column)?.look.wrap === true;
      },
      pageSetup: (name) => {
        const page = fake.model.sheet(name)?.pageLayout;
        if (!page || page.orientation !== 'Landscape') return undefined;
        return {
          orientation: 'landscape',
          pagesWide: (page.zoom.horizontalFitToPages === 1 || page.zoom.horizontalFitToPages === 2) && page.zoom.verticalFitToPages === 0 ? page.zoom.horizontalFitToPages : (Number.NaN as 1),
          titleColumns: page.printTitleColumns ? page.printTitleColumns.charCodeAt(4) - 64 : 0,
          pageOrder: page.printOrder === 'OverThenDown' ? 'overThenDown' : 'downThenOver',
          titleRows: Number(/^\$1:\$(\d+)$/.exec(page.printTitleRows ?? '')?.[1] ?? 0),
          breaks: page.breaks,
          footer: page.footer,
        };
      },
    };
  },
};

/**
 * The command's surgical writer over a file. The workbook is looked at through exceljs after each port
 * call (saved, read back); what the user types or protects is done in that copy, which becomes the file
 * the writer opens on its next call.
 */
const surgical: AdapterFactory = {
  name: "the command's surgical writer",
  editsInPlace: false,
  async build(description) {
    let bytes = await describedBytes(description);
    let session = await openSurgical(bytes);
    let workbook = (await openWorkbook(bytes)).workbook;
    let edited = false;
    const sheetOf = (name: string) => workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    /** Before each call: what the user did in the copy becomes the file. After it: the copy is the file again. */
    const call =
      <A extends unknown[], R>(method: (port: WorkbookPort) => (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        if (edited) {
          bytes = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
          session = await openSurgical(bytes);
          edited = false;
        }
        try {
          return await method(session.port).apply(session.port, args);
        } finally {
          bytes = (await session.save()).bytes;
          session = await openSurgical(bytes);
          workbook = (await openWorkbook(bytes)).workbook;
        }
      };
    const port = Object.fromEntries(
      (Object.keys(session.port) as (keyof WorkbookPort)[]).map((key) => [key, call((p) => p[key] as (...args: unknown[]) => Promise<unknown>)]),
    ) as unknown as WorkbookPort;
    return {
      port,
      cell: (name, ref) => cellValue(sheetOf(name)?.getCell(ref).value),
      sheets: () => workbook.worksheets.map((w) => w.name),
      type: (name, ref, value) => {
        sheetOf(name)!.getCell(ref).value = value as ExcelJS.CellValue;
        edited = true;
      },
      protect: (name) => {
        (sheetOf(name) as ExcelJS.Worksheet & { sheetProtection: unknown }).sheetProtection = { sheet: true };
        edited = true;
      },
      pageSetup: (name) => packagePageSetup(bytes, name),
      wraps: (name, ref) => sheetOf(name)?.getCell(ref).alignment?.wrapText === true,
    };
  },
};

export const ADAPTERS: AdapterFactory[] = [memory, exceljs, office, surgical];
