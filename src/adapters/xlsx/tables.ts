// The workbook's Excel tables, read from their table parts (name, range, header
// and totals rows, columns), and the one edit the writer makes to a user's
// table part: a new range with output columns appended.

import { formatRange, parseRange, type Box } from '../exceljs/range';
import { tableGeometry, type TableGeometry } from '../exceljs/tables';
import { NotAWorkbookError } from '../exceljs/limits';
import { RELATIONSHIP_TYPES, type SheetEntry, type XlsxPackage } from './package';
import { attributeOf, escapeXml, findElement, findElements, withAttribute } from './xml';

export type { TableGeometry };

export type TablePart = {
  path: string;
  sheet: SheetEntry;
  id: number;
  /** The name Excel shows (displayName; `name` when a generator left it out). */
  name: string;
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: string[];
};

export function readTablePart(pkg: XlsxPackage, path: string, sheet: SheetEntry): TablePart | undefined {
  const xml = pkg.text(path);
  const table = xml && findElement(xml, 'table');
  if (!xml || !table) return undefined;
  const name = attributeOf(table.open, 'displayName') ?? attributeOf(table.open, 'name');
  const ref = attributeOf(table.open, 'ref');
  if (!name || !ref) return undefined;
  const columns = findElements(findElement(xml, 'tableColumns')?.text ?? '', 'tableColumn').map((c) => attributeOf(c.open, 'name') ?? '');
  return {
    path,
    sheet,
    id: Number(attributeOf(table.open, 'id') ?? 0),
    name,
    ref,
    headerRow: attributeOf(table.open, 'headerRowCount') !== '0',
    totalsRow: Number(attributeOf(table.open, 'totalsRowCount') ?? 0) > 0,
    columns,
  };
}

/** Every table of the workbook's worksheets, sheet by sheet in tab order. */
export function tablesOf(pkg: XlsxPackage, sheets: SheetEntry[]): TablePart[] {
  return sheets
    .filter((s) => s.kind === 'worksheet')
    .flatMap((sheet) =>
      pkg
        .relationships(sheet.path)
        .filter((r) => r.type === RELATIONSHIP_TYPES.table && !r.external)
        .flatMap((r) => {
          // A sheet naming a table part the package lacks is damaged, not a workbook without that table.
          if (pkg.text(r.target) === undefined) throw new NotAWorkbookError(`it is damaged: sheet ${sheet.name} refers to a table whose part (${r.target}) is missing; open it in Excel, which can repair it, save it and run again`);
          return readTablePart(pkg, r.target, sheet) ?? [];
        }),
    );
}

export const geometryOf = (table: Pick<TablePart, 'ref' | 'headerRow' | 'totalsRow'>): TableGeometry | undefined =>
  tableGeometry({ name: '', tableRef: table.ref, headerRow: table.headerRow, totalsRow: table.totalsRow, columns: [] });

export const boxOf = (ref: string): Box | undefined => parseRange(ref);

/** The table part with range `box` (its filter range kept in step) and `added` columns appended. */
export function resizedTablePart(xml: string, box: Box, totalsRow: boolean, added: string[]): string {
  const table = findElement(xml, 'table')!;
  let out = xml.slice(0, table.start) + withAttribute(table.open, 'ref', formatRange(box)) + xml.slice(table.start + table.open.length);
  const filter = findElement(out, 'autoFilter');
  if (filter) out = out.slice(0, filter.start) + withAttribute(filter.open, 'ref', formatRange({ ...box, bottom: box.bottom - (totalsRow ? 1 : 0) })) + out.slice(filter.start + filter.open.length);
  // A sort the user applied (in the filter or the table) covers the new columns too: Excel's Reapply sorts the range it
  // names, and one stopping at the old last column would sort the user's cells and leave the outputs where they were.
  for (const sort of findElements(out, 'sortState').reverse()) {
    const range = parseRange(attributeOf(sort.open, 'ref'));
    if (!range || range.right >= box.right) continue;
    out = out.slice(0, sort.start) + withAttribute(sort.open, 'ref', formatRange({ ...range, right: box.right })) + out.slice(sort.start + sort.open.length);
  }
  if (added.length === 0) return out;
  const columns = findElement(out, 'tableColumns')!;
  const existing = findElements(columns.text, 'tableColumn');
  let id = Math.max(0, ...existing.map((c) => Number(attributeOf(c.open, 'id') ?? 0)));
  const prefix = /^<(\w+:)?/.exec(columns.open)?.[1] ?? '';
  const extra = added.map((name) => `<${prefix}tableColumn id="${++id}" name="${escapeXml(name)}"/>`).join('');
  const open = withAttribute(columns.open, 'count', String(existing.length + added.length));
  const body = columns.text.endsWith('/>') ? `${open.slice(0, -2)}>${extra}</${prefix}tableColumns>` : open + columns.text.slice(columns.open.length, columns.text.lastIndexOf('</')) + extra + columns.text.slice(columns.text.lastIndexOf('</'));
  return out.slice(0, columns.start) + body + out.slice(columns.end);
}

/** A new table part for one of the add-in's own sheets. */
export function newTablePart(id: number, name: string, box: Box, headers: string[]): string {
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  const ref = formatRange(box);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
