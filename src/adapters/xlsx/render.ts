// One of the add-in's own sheets (Change impact, Decision log, settings) from
// its layout, as worksheet XML: values (strings inline, so the shared string
// table is left as it was), number formats, looks, widths, frozen header rows,
// highlight rules, and the references to its tables and chart drawing.

import { columnLetters } from '../../engine/address';
import { highlightFormula, looksLikeFormula, TEXT_FORMAT, writable, type CellStyle, type ConditionalFormat, type LayoutCell, type SheetLayout } from '../../layout/grid';
import { escapeXString } from '../exceljs/xmlText';
import type { StylesEditor } from './styles';
import { escapeXml } from './xml';
import { XmlBytes } from './xmlBytes';

export const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** A text that escapeXString or escapeXml would change, or whose spaces need xml:space="preserve" (cellXml). */
const NOT_PLAIN = /[\u0000-\u001f&<>"\ufffe\uffff]|_x[0-9A-Fa-f]{4}_|^\s|\s$/;

/** An empty text is written as an empty cell, as Excel itself stores it. */
const isEmpty = (value: LayoutCell): boolean => value === null || value === '';

/** One cell's XML; undefined when there is nothing to write. `style` is a cellXfs index (0 is the default). */
/**
 * `sharedString` stores a text in the shared string table and gives its index: used for the rare text that
 * needs Excel's _xHHHH_ escapes, which readers decode in shared strings (exceljs does not in inline ones).
 */
export function cellXml(ref: string, layoutValue: LayoutCell, style: number, sharedString?: (escaped: string) => number): string | undefined {
  const value = writable(layoutValue);
  const s = style ? ` s="${style}"` : '';
  if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : `<c r="${ref}"${s}/>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  // Inline text is text whatever it starts with: "=SUM(1,2)" stays those characters. Most texts need nothing
  // below (one scan tells); control characters and a literal "_x0041_" are escaped as Excel escapes them, so they
  // read back as they were.
  if (!NOT_PLAIN.test(value)) return `<c r="${ref}"${s} t="inlineStr"><is><t>${value}</t></is></c>`;
  const escaped = escapeXString(value);
  if (escaped !== value && sharedString) return `<c r="${ref}"${s} t="s"><v>${sharedString(escaped)}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(escaped)}</t></is></c>`;
}

/** The conditional formats for one column range, numbered from `priority` on; returns the XML and the next priority. */
export function highlightsXml(cf: ConditionalFormat, styles: StylesEditor, priority: number): { xml: string; next: number } {
  if (cf.rows <= 0 || cf.rules.length === 0) return { xml: '', next: priority };
  const topLeft = `${columnLetters(cf.column)}${cf.row + 1}`;
  const sqref = `${topLeft}:${columnLetters(cf.column)}${cf.row + cf.rows}`;
  let next = priority;
  const rules = cf.rules.map((rule) => `<cfRule type="expression" dxfId="${styles.highlight(rule)}" priority="${next++}"><formula>${escapeXml(highlightFormula(rule, topLeft).slice(1))}</formula></cfRule>`);
  return { xml: `<conditionalFormatting sqref="${sqref}">${rules.join('')}</conditionalFormatting>`, next };
}

export type SheetParts = {
  drawingId?: string;
  tableIds: string[];
  sharedString?: (escaped: string) => number;
  /** The sheet was open when the workbook was saved: its tab stays selected, as the workbook's active tab says. */
  tabSelected?: boolean;
};

/**
 * The worksheet XML of `layout`, in three: what comes before its rows, the rows (`<sheetData>`, as UTF-8
 * bytes: a sheet of 20,000 rows is never one string), and what follows them. Page setup edits the
 * small head and tail (pageSetupAround); the part is the three one after the other.
 */
export function renderSheet(layout: SheetLayout, styles: StylesEditor, parts: SheetParts): { head: string; rows: Buffer; tail: string } {
  const looks = new Map<number, Map<number, CellStyle>>();
  for (const styled of layout.styles) {
    for (let r = styled.row; r < styled.row + (styled.rows ?? 1); r++) {
      const row = looks.get(r) ?? looks.set(r, new Map()).get(r)!;
      for (let c = styled.column; c < styled.column + styled.columns; c++) row.set(c, styled.style);
    }
  }
  const letters: string[] = [];
  const letter = (c: number): string => (letters[c] ??= columnLetters(c));
  const styleOf = (format: string | null, look: CellStyle | undefined, value: LayoutCell): number =>
    styles.cellFormat(format ?? (looksLikeFormula(value) ? TEXT_FORMAT : null), look);
  const out = new XmlBytes(layout.values.length * 400);
  out.write('<sheetData>');
  let lastColumn = 0;
  const heights = new Map((layout.rowHeights ?? []).map((h) => [h.row, h.points]));
  layout.values.forEach((cells, r) => {
    const formats = layout.formats[r] ?? [];
    const rowLooks = looks.get(r);
    const n = Math.max(cells.length, rowLooks ? Math.max(...rowLooks.keys()) + 1 : 0);
    let open = false;
    for (let c = 0; c < n; c++) {
      const value = cells[c] ?? null;
      const look = rowLooks?.get(c);
      const format = formats[c] ?? null;
      if (isEmpty(value) && format === null && !look) continue;
      const cell = cellXml(`${letter(c)}${r + 1}`, value, styleOf(format, look, value), parts.sharedString);
      if (cell) {
        if (!open) out.write(heights.has(r) ? `<row r="${r + 1}" ht="${heights.get(r)}" customHeight="1">` : `<row r="${r + 1}">`);
        open = true;
        out.write(cell);
        if (c > lastColumn) lastColumn = c;
      }
    }
    if (open) out.write('</row>');
  });
  out.write('</sheetData>');
  const dimension = `A1:${columnLetters(lastColumn)}${Math.max(1, layout.values.length)}`;
  const frozen =
    layout.freezeRows > 0
      ? `<pane ySplit="${layout.freezeRows}" topLeftCell="A${layout.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${layout.freezeRows + 1}" sqref="A${layout.freezeRows + 1}"/>`
      : '';
  const cols = layout.widths.length > 0 ? `<cols>${layout.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  let priority = 1;
  const highlights = layout.conditionalFormats.map((cf) => {
    const made = highlightsXml(cf, styles, priority);
    priority = made.next;
    return made.xml;
  });
  const drawing = parts.drawingId ? `<drawing r:id="${parts.drawingId}"/>` : '';
  const tables = parts.tableIds.length > 0 ? `<tableParts count="${parts.tableIds.length}">${parts.tableIds.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>` : '';
  return {
    head: `${WORKSHEET_OPEN}<dimension ref="${dimension}"/><sheetViews><sheetView${parts.tabSelected ? ' tabSelected="1"' : ''} workbookViewId="0">${frozen}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}`,
    rows: out.result(),
    tail: `${highlights.join('')}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${drawing}${tables}</worksheet>`,
  };
}
