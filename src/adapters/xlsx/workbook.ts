// An .xlsx package as the command sees it: its sheets and tables, the cells of
// the tables it reads, and the edits a run makes (output columns on the user's
// table, the add-in's own sheets with their tables and charts). Parts are read
// only when a run needs them.

import type { CellValue, RawTable } from '../../engine/types';
import { isOwnSheet, settingsTableAmong } from '../../layout/names';
import type { SheetLayout } from '../../layout/grid';
import type { PageSetup } from '../../layout/pageSetup';
import { formatRange, parseRange, type Box } from '../exceljs/range';
import { NotAWorkbookError } from '../exceljs/limits';
import { attributeOf, escapeXml, findElement, findElements, withAttribute } from './xml';
import { chartXml, drawingXml } from './charts';
import { readBlock, sharedStrings, type CellContext } from './cells';
import { CONTENT_TYPES, RELATIONSHIP_TYPES, WorkbookPart, typeName, type SheetEntry, type XlsxPackage } from './package';
import { pageSetupAround, withPageSetup, withPrintTitles } from './pageSetup';
import { renderSheet } from './render';
import { splitSheet } from './editSheet';
import { MINIMAL_STYLES, StylesEditor } from './styles';
import { geometryOf, newTablePart, tablesOf, type TableGeometry, type TablePart } from './tables';

const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/**
 * Part types that belong to one sheet of the add-in's and go with it when the sheet is rebuilt (a pivot
 * table's cache is the workbook's and stays). The command's report names what went.
 */
const SHEET_OWNED = new Set(['table', 'drawing', 'chart', 'chartUserShapes', 'chartStyle', 'chartColorStyle', 'pivotTable', 'comments', 'vmlDrawing', 'threadedComment']);

/**
 * What follows a sheet's rows (merged cells, protection, conditional formats), as splitSheet's tail: found
 * from the end of the part rather than by scanning the rows of a large sheet for their end.
 */
function afterRows(xml: string): string {
  const close = xml.lastIndexOf('sheetData>');
  if (close !== -1 && xml.charCodeAt(xml.lastIndexOf('<', close) + 1) === 47) return xml.slice(close + 'sheetData>'.length);
  return splitSheet(xml).tail;
}

/** True when two rows' collected style indices are the same, column by column (a column not collected in both). */
function sameStyles(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** `cellsRight`: some row of the table has a cell right of it, if only an empty one (when none has, nothing there is in the way of output columns). */
export type ReadTable = { table: TablePart; raw: RawTable; geometry: TableGeometry; cellsRight: boolean };

export class SurgicalWorkbook {
  readonly workbook: WorkbookPart;
  private context?: CellContext;
  private stylesEditor?: StylesEditor;
  private stylesPath?: string;
  private tableList?: TablePart[];
  private readonly addedStrings: string[] = [];

  constructor(readonly pkg: XlsxPackage) {
    this.workbook = new WorkbookPart(pkg);
  }

  sheets(): SheetEntry[] {
    return this.workbook.sheets();
  }

  sheetNamed(name: string): SheetEntry | undefined {
    const wanted = name.toLowerCase();
    return this.sheets().find((s) => s.name.toLowerCase() === wanted);
  }

  tables(): TablePart[] {
    return (this.tableList ??= tablesOf(this.pkg, this.sheets()));
  }

  findTable(name: string): TablePart | undefined {
    const wanted = name.toLowerCase();
    return this.tables().find((t) => t.name.toLowerCase() === wanted);
  }

  /** The settings table (settingsTableAmong): by its name, or by its sheet and its Setting and Value columns. */
  settingsTable(): TablePart | undefined {
    return settingsTableAmong(this.tables(), (t) => ({ name: t.name, sheet: t.sheet.name, headers: t.columns }));
  }

  cellContext(): CellContext {
    if (!this.context) {
      const sst = this.pkg.relationships(this.workbook.path).find((r) => r.type === RELATIONSHIP_TYPES.sharedStrings);
      // Without the part its cells' text points into, every text cell would read as blank: a table with no headers.
      if (sst && !sst.external && !this.pkg.has(sst.target)) throw new NotAWorkbookError(`it is damaged: the part holding its text (${sst.target}) is missing; open it in Excel, which can repair it, save it and run again`);
      this.context = { strings: sharedStrings(sst && this.pkg.text(sst.target)), date1904: this.workbook.date1904 };
    }
    return this.context;
  }

  sheetXml(sheet: SheetEntry): string {
    const xml = this.pkg.text(sheet.path);
    if (xml === undefined) throw new NotAWorkbookError(`it is damaged: the part holding sheet ${sheet.name} is missing; open it in Excel, which can repair it, save it and run again`);
    return xml;
  }

  block(sheet: SheetEntry, box: Box, styled?: { columns: Set<number>; styles: number[][] }, uncalculated?: { row: number; column: number }[]): { values: CellValue[][]; lastRow: number; cellsRight: boolean } {
    return readBlock(this.sheetXml(sheet), box, this.cellContext(), styled, uncalculated);
  }

  /** A table's cells, its body cut back to the rows that hold data when its range runs past the sheet's last row (a table made from whole columns). */
  readTable(table: TablePart, options: { formatColumns?: number[] } = {}): ReadTable | undefined {
    // A run reads the Initiatives table, then reads it again just before writing to check it is unchanged.
    // In a file nothing else can change it: while neither its sheet nor its part was put again, the first
    // read stands. A read with the money columns' formats serves one without them.
    const revision = `${this.pkg.revision(table.sheet.path)}:${this.pkg.revision(table.path)}`;
    const wanted = options.formatColumns?.join(',') ?? '';
    const cached = this.reads.get(table.path);
    if (cached && cached.revision === revision && (wanted === '' || cached.formatColumns === wanted)) return cached.result;
    const result = this.readTableAnew(table, options);
    if (result) this.reads.set(table.path, { revision, formatColumns: wanted, result });
    return result;
  }

  private readonly reads = new Map<string, { revision: string; formatColumns: string; result: ReadTable }>();

  private readTableAnew(table: TablePart, options: { formatColumns?: number[] }): ReadTable | undefined {
    const geometry = geometryOf(table);
    if (!geometry) return undefined;
    const styled = options.formatColumns?.length ? { columns: new Set(options.formatColumns.map((c) => geometry.left + c)), styles: [] as number[][] } : undefined;
    const uncalculated: { row: number; column: number }[] = [];
    const { values, lastRow, cellsRight } = this.block(table.sheet, geometry, styled, uncalculated);
    // A cell covered by a merged block is blank, as Excel shows it and office.js reads it (only the block's first cell holds a value).
    for (const merge of this.merges(table.sheet)) {
      for (let r = Math.max(merge.top, geometry.top); r <= Math.min(merge.bottom, geometry.top + values.length - 1); r++) {
        for (let c = Math.max(merge.left, geometry.left); c <= Math.min(merge.right, geometry.right); c++) {
          if (r !== merge.top || c !== merge.left) values[r - geometry.top]![c - geometry.left] = '';
        }
      }
    }
    let fitted = geometry;
    if (!table.totalsRow && lastRow < geometry.bottom) {
      let bottom = Math.max(lastRow, geometry.top);
      const rowAt = (r: number) => values[r - geometry.top];
      while (bottom > geometry.firstBodyRow && !(rowAt(bottom) ?? []).some((v) => v !== '')) bottom--;
      bottom = Math.max(bottom, geometry.firstBodyRow);
      fitted = { ...geometry, bottom, lastBodyRow: bottom };
    }
    const rows: CellValue[][] = [];
    for (let r = fitted.firstBodyRow; r <= fitted.lastBodyRow; r++) rows.push(values[r - geometry.top] ?? new Array<CellValue>(geometry.right - geometry.left + 1).fill(''));
    const headers = geometry.headerRow !== undefined ? (values[0] ?? []).map(String) : table.columns;
    const raw: RawTable = { sheet: table.sheet.name, name: table.name, headers, rows, origin: { row: geometry.top - 1, column: geometry.left - 1 } };
    if (styled) raw.formats = this.formatsOf(styled.styles, fitted.firstBodyRow - geometry.top, rows.length);
    if (this.workbook.date1904) raw.date1904 = true;
    const body = uncalculated.filter((c) => c.row >= fitted.firstBodyRow && c.row <= fitted.lastBodyRow);
    if (body.length > 0) raw.uncalculated = body.map((c) => ({ row: c.row - fitted.firstBodyRow, column: c.column - geometry.left }));
    return { table, geometry: fitted, raw, cellsRight };
  }

  /** The number format codes of the collected cells' styles, by body row (other columns left blank). */
  private formatsOf(styles: number[][], firstBodyIndex: number, rows: number): string[][] {
    const formats: string[][] = [];
    const used = styles.some((row) => row?.some((s) => s > 0));
    // A table has few distinct styles: each one's format is looked up once.
    const codes = new Map<number, string>();
    const codeOf = (s: number) => codes.get(s) ?? codes.set(s, this.styles().formatCodeOf(s)).get(s)!;
    // Rows styled alike (most of a table) share one row of formats, which the engine only reads.
    let previous: { styles: number[]; row: string[] } | undefined;
    for (let r = 0; r < rows; r++) {
      const rowStyles = styles[firstBodyIndex + r] ?? [];
      if (previous && sameStyles(previous.styles, rowStyles)) {
        formats.push(previous.row);
        continue;
      }
      const row: string[] = [];
      rowStyles.forEach((s, c) => (row[c] = used && s > 0 ? codeOf(s) : 'General'));
      formats.push(row);
      previous = { styles: rowStyles, row };
    }
    return formats;
  }

  /** Adds an (already escaped) text to the shared string table, written on save; returns its index. */
  readonly sharedString = (escaped: string): number => {
    const known = this.addedStrings.indexOf(escaped);
    if (known !== -1) return this.cellContext().strings.length + known;
    this.addedStrings.push(escaped);
    return this.cellContext().strings.length + this.addedStrings.length - 1;
  };

  private saveSharedStrings(): void {
    if (this.addedStrings.length === 0) return;
    const rel = this.pkg.relationships(this.workbook.path).find((r) => r.type === RELATIONSHIP_TYPES.sharedStrings);
    const path = rel?.target ?? 'xl/sharedStrings.xml';
    const xml = (rel && this.pkg.text(rel.target)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';
    if (!rel) {
      this.pkg.relate(this.workbook.path, RELATIONSHIP_TYPES.sharedStrings, path);
      this.pkg.addOverride(path, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml');
    }
    const prefix = /<(\w+:)?sst\b/.exec(xml)?.[1] ?? '';
    const items = this.addedStrings.map((t) => `<${prefix}si><${prefix}t xml:space="preserve">${escapeXml(t)}</${prefix}t></${prefix}si>`).join('');
    const sst = findElement(xml, 'sst')!;
    const count = Number(attributeOf(sst.open, 'count') ?? this.cellContext().strings.length) + this.addedStrings.length;
    let open = withAttribute(sst.open, 'uniqueCount', String(this.cellContext().strings.length + this.addedStrings.length));
    open = withAttribute(open, 'count', String(count));
    const body = sst.text.endsWith('/>') ? `${open.slice(0, -2)}>${items}</${prefix}sst>` : open + sst.text.slice(sst.open.length, sst.text.lastIndexOf('</')) + items + sst.text.slice(sst.text.lastIndexOf('</'));
    this.pkg.put(path, xml.slice(0, sst.start) + body + xml.slice(sst.end));
  }

  /** The sheet's merged blocks, 1-based. */
  merges(sheet: SheetEntry): Box[] {
    const xml = afterRows(this.sheetXml(sheet));
    const blocks = findElement(xml, 'mergeCells');
    if (!blocks) return [];
    return findElements(blocks.text, 'mergeCell').flatMap((m) => parseRange(attributeOf(m.open, 'ref')) ?? []);
  }

  /** True when Review > Protect Sheet is on: a <sheetProtection> after the rows with sheet="1" (Excel) or "true". */
  isProtected(sheet: SheetEntry): boolean {
    const found = findElement(afterRows(this.sheetXml(sheet)), 'sheetProtection');
    const on = found && attributeOf(found.open, 'sheet');
    return on === '1' || on === 'true';
  }

  /** True when Review > Protect Workbook locks the structure (<workbookProtection lockStructure="1">): no sheet may be added. */
  get structureLocked(): boolean {
    const found = findElement(this.workbook.xml, 'workbookProtection');
    const on = found && attributeOf(found.open, 'lockStructure');
    return on === '1' || on === 'true';
  }

  /** True when the sheet is one the add-in made: its A2 carries the mark. */
  isOurs(sheet: SheetEntry): boolean {
    if (sheet.kind !== 'worksheet') return false;
    const { values } = this.block(sheet, { top: 2, bottom: 2, left: 1, right: 1 });
    return isOwnSheet(values[0]?.[0] ?? '');
  }

  styles(): StylesEditor {
    if (!this.stylesEditor) {
      const rel = this.pkg.relationships(this.workbook.path).find((r) => r.type === RELATIONSHIP_TYPES.styles);
      this.stylesPath = rel?.target ?? 'xl/styles.xml';
      this.stylesEditor = new StylesEditor((rel && this.pkg.text(rel.target)) ?? MINIMAL_STYLES);
      if (!rel) {
        this.pkg.relate(this.workbook.path, RELATIONSHIP_TYPES.styles, this.stylesPath);
        this.pkg.addOverride(this.stylesPath, STYLES_CONTENT_TYPE);
      }
    }
    return this.stylesEditor;
  }

  /** A table name no other table uses ("DecisionLog", else "DecisionLog2"...), leaving out the tables of sheets about to be rebuilt. */
  private freeTableName(wanted: string, taken: Set<string>): string {
    if (!taken.has(wanted.toLowerCase())) return wanted;
    for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
  }

  /** Removes the parts a sheet of ours owns (its tables, drawing and charts), following their relationships. */
  private dropOwnedParts(part: string): void {
    for (const rel of this.pkg.relationships(part)) {
      if (rel.external || !SHEET_OWNED.has(typeName(rel.type)) || !this.pkg.has(rel.target)) continue;
      this.dropOwnedParts(rel.target);
      this.pkg.remove(rel.target);
      const relsPath = rel.target.replace(/([^/]+)$/, '_rels/$1.rels');
      if (this.pkg.has(relsPath)) this.pkg.remove(relsPath);
    }
  }

  /** Writes `layout` as the add-in's sheet `name`: the sheet of that name (ours) is rebuilt in its tab position, or a sheet is added at the end. */
  putSheet(name: string, layout: SheetLayout): void {
    const existing = this.sheetNamed(name);
    // Rebuilt, the sheet the workbook was saved open on keeps its tab selected; else the copy opens on it with no tab selected.
    const tabSelected = existing !== undefined && /<(?:\w+:)?sheetView\b[^>]*\btabSelected="(?:1|true)"/.test(this.sheetXml(existing).slice(0, 8192));
    const path = existing ? existing.path : this.workbook.addSheet(name);
    if (existing) this.dropOwnedParts(existing.path);
    const sheetName = existing?.name ?? name;
    const full: SheetLayout = { ...layout, name: sheetName };
    const rels: { id: string; type: string; target: string; external: boolean }[] = [];
    let drawingId: string | undefined;
    if (full.charts.some((c) => c.series.length > 0)) {
      const charts = full.charts.filter((c) => c.series.length > 0);
      const drawing = this.pkg.freePath('xl/drawings/drawing', '.xml');
      const chartRels = charts.map((spec, i) => {
        const chart = this.pkg.freePath('xl/charts/chart', '.xml');
        this.pkg.put(chart, chartXml(full, spec));
        this.pkg.addOverride(chart, CONTENT_TYPES.chart);
        return { id: `rId${i + 1}`, type: RELATIONSHIP_TYPES.chart, target: chart, external: false };
      });
      this.pkg.put(drawing, drawingXml({ ...full, charts }, chartRels.map((r) => r.id)));
      this.pkg.addOverride(drawing, CONTENT_TYPES.drawing);
      this.pkg.setRelationships(drawing, chartRels);
      drawingId = 'rId1';
      rels.push({ id: drawingId, type: RELATIONSHIP_TYPES.drawing, target: drawing, external: false });
    }
    const rebuilt = new Set([path]);
    const others = this.tables().filter((t) => !rebuilt.has(t.sheet.path));
    const taken = new Set(others.map((t) => t.name.toLowerCase()));
    let id = Math.max(0, ...this.tables().map((t) => t.id));
    const tableIds = full.tables.map((spec) => {
      const tableName = this.freeTableName(spec.name, taken);
      taken.add(tableName.toLowerCase());
      const part = this.pkg.freePath('xl/tables/table', '.xml');
      const headers = (full.values[spec.row] ?? []).slice(spec.column, spec.column + spec.columns).map((h) => String(h ?? ''));
      const box = { top: spec.row + 1, left: spec.column + 1, bottom: spec.row + spec.rows, right: spec.column + spec.columns };
      this.pkg.put(part, newTablePart(++id, tableName, box, headers));
      this.pkg.addOverride(part, CONTENT_TYPES.table);
      const relId = `rId${rels.length + 1}`;
      rels.push({ id: relId, type: RELATIONSHIP_TYPES.table, target: part, external: false });
      return relId;
    });
    const sheet = renderSheet(full, this.styles(), { ...(drawingId ? { drawingId } : {}), tableIds, sharedString: this.sharedString, tabSelected });
    // The page setup goes into the sheet's two ends as it is put, rather than into the whole part read back.
    const { head, tail } = full.pageSetup ? pageSetupAround(sheet.head, sheet.tail, full.pageSetup, this.paperSize) : sheet;
    this.pkg.put(path, Buffer.concat([Buffer.from(head, 'utf8'), sheet.rows, Buffer.from(tail, 'utf8')]));
    this.pkg.setRelationships(path, rels);
    this.tableList = undefined;
    if (full.pageSetup) this.setPrintTitles(sheetName, full.pageSetup);
  }

  /** Adds a table (of the add-in's, such as the Column mapping) on a sheet that stays as it is otherwise; returns its name. */
  addTable(sheet: SheetEntry, wanted: string, box: Box, headers: string[]): string {
    const name = this.freeTableName(wanted, new Set(this.tables().map((t) => t.name.toLowerCase())));
    const part = this.pkg.freePath('xl/tables/table', '.xml');
    this.pkg.put(part, newTablePart(Math.max(0, ...this.tables().map((t) => t.id)) + 1, name, box, headers));
    this.pkg.addOverride(part, CONTENT_TYPES.table);
    const id = this.pkg.relate(sheet.path, RELATIONSHIP_TYPES.table, part);
    const xml = this.sheetXml(sheet);
    const list = findElement(xml, 'tableParts');
    const prefix = /^<(\w+:)?/.exec(list?.open ?? '')?.[1] ?? '';
    // The relationships namespace declared on the element itself: a sheet's root need not declare it.
    const entry = `<${prefix}tablePart xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"/>`;
    if (list && !list.open.endsWith('/>')) {
      const count = findElements(list.text.slice(list.open.length), 'tablePart').length + 1;
      const close = list.text.lastIndexOf('</');
      this.pkg.put(sheet.path, xml.slice(0, list.start) + withAttribute(list.open, 'count', String(count)) + list.text.slice(list.open.length, close) + entry + list.text.slice(close) + xml.slice(list.end));
    } else {
      const without = list ? xml.slice(0, list.start) + xml.slice(list.end) : xml;
      const root = /<\/((?:\w+:)?worksheet)>\s*$/.exec(without)?.[1] ?? 'worksheet';
      const p = /^(\w+:)?/.exec(root)?.[1] ?? '';
      // Before the sheet's own extLst, the last element (a conditional format's rules hold extLst too).
      const ext = findElements(without, 'extLst').find((e) => /^\s*<\/(?:\w+:)?worksheet>/.test(without.slice(e.end)));
      const at = ext ? ext.start : without.lastIndexOf(`</${root}>`);
      this.pkg.put(sheet.path, `${without.slice(0, at)}<${p}tableParts count="1">${entry.replace(`<${prefix}`, `<${p}`)}</${p}tableParts>${without.slice(at)}`);
    }
    this.tableList = undefined;
    return name;
  }

  /** The paper the user's sheets print on (paperSize), when the Initiatives sheet names one: the add-in's sheets use it too. */
  paperSize?: number;

  /** Gives the add-in's sheet `name` its page setup, and its repeated rows as the sheet's print titles. */
  setPageSetup(name: string, setup: PageSetup): void {
    const sheet = this.sheetNamed(name);
    if (!sheet) return;
    this.pkg.put(sheet.path, withPageSetup(this.sheetXml(sheet), setup, this.paperSize));
    this.setPrintTitles(name, setup);
  }

  /** The repeated rows of `setup` as the print titles of the add-in's sheet `name`. */
  private setPrintTitles(name: string, setup: PageSetup): void {
    const sheet = this.sheetNamed(name);
    if (!sheet) return;
    // A print title belongs to the sheet by its place among all the workbook's sheets.
    const all = findElements(findElement(this.workbook.xml, 'sheets')?.text ?? '', 'sheet');
    const index = all.findIndex((s) => attributeOf(s.open, 'name')?.toLowerCase() === sheet.name.toLowerCase());
    if (index >= 0) this.pkg.put(this.workbook.path, withPrintTitles(this.workbook.xml, index, sheet.name, setup.titleRows, setup.titleColumns));
  }

  /** The package's bytes, with the styles the writes need and Excel asked to recalculate on open. */
  save(date: Date): Promise<Buffer> {
    if (this.stylesEditor?.changed) this.pkg.put(this.stylesPath!, this.stylesEditor.result());
    this.saveSharedStrings();
    this.workbook.recalculateOnOpen();
    return this.pkg.bytes(date);
  }
}

export const rangeText = (box: Box): string => formatRange(box);
