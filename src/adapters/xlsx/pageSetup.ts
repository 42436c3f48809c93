// A sheet's page setup (layout/pageSetup.ts) in the file: fit to one page wide
// in <sheetPr>, then margins, landscape, footer and row breaks where the schema
// puts them, and the repeated rows as the sheet's _xlnm.Print_Titles name in
// the workbook part. Only the add-in's own sheets get one.

import { columnLetters, qualified } from '../../engine/address';
import { MARGINS, type PageSetup } from '../../layout/pageSetup';
import { splitSheet } from './editSheet';
import { attributeOf, escapeXml, findElement, findElements, withAttribute } from './xml';

const PRINT_TITLES = '_xlnm.Print_Titles';
const inches = (points: number): string => String(Math.round((points / 72) * 100) / 100);

/** The elements the page setup replaces, in the order ECMA-376 gives them after the sheet's data. */
const OURS = ['printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks'];
/** Elements that come before them (searched past, so a rule's own extLst is not taken for the sheet's). */
const BEFORE = ['conditionalFormatting', 'dataValidations', 'hyperlinks'];
/** Elements that come after them. */
const AFTER = ['colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** The paper a worksheet prints on (its pageSetup's paperSize), when it names one: the add-in's sheets print on the same. */
export function paperSizeOf(xml: string): number | undefined {
  const page = findElement(splitSheet(xml).tail, 'pageSetup');
  const size = page && Number(attributeOf(page.open, 'paperSize'));
  return size && Number.isInteger(size) && size > 0 ? size : undefined;
}

export function pageSetupXml(setup: PageSetup, paperSize?: number): string {
  const { left, center, right } = setup.footer;
  const footer = `&L${left}&C${center}&R${right}`;
  const breaks = setup.breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  return (
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${inches(MARGINS.left)}" right="${inches(MARGINS.right)}" top="${inches(MARGINS.top)}" bottom="${inches(MARGINS.bottom)}" header="${inches(MARGINS.header)}" footer="${inches(MARGINS.footer)}"/>` +
    `<pageSetup${paperSize ? ` paperSize="${paperSize}"` : ''} orientation="${setup.orientation}" fitToWidth="${setup.pagesWide}" fitToHeight="0"${setup.pageOrder === 'overThenDown' ? ' pageOrder="overThenDown"' : ''}/>` +
    `<headerFooter><oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>` +
    (setup.breaks.length > 0 ? `<rowBreaks count="${setup.breaks.length}" manualBreakCount="${setup.breaks.length}">${breaks}</rowBreaks>` : '')
  );
}

/** The head of a worksheet (before its rows) with fit-to-page on in <sheetPr>, which is the worksheet's first child. */
function fitToPage(head: string): string {
  const sheetPr = findElement(head, 'sheetPr');
  if (!sheetPr) {
    const open = /<(\w+:)?worksheet\b[^>]*>/.exec(head)!;
    const at = open.index + open[0].length;
    return `${head.slice(0, at)}<${open[1] ?? ''}sheetPr><${open[1] ?? ''}pageSetUpPr fitToPage="1"/></${open[1] ?? ''}sheetPr>${head.slice(at)}`;
  }
  const prefix = /^<(\w+:)?/.exec(sheetPr.open)![1] ?? '';
  const pr = findElement(sheetPr.text, 'pageSetUpPr');
  let text: string;
  if (pr) text = sheetPr.text.slice(0, pr.start) + withAttribute(pr.open, 'fitToPage', '1') + sheetPr.text.slice(pr.end);
  else if (sheetPr.text.endsWith('/>')) text = `${sheetPr.open.slice(0, -2)}><${prefix}pageSetUpPr fitToPage="1"/></${prefix}sheetPr>`;
  // pageSetUpPr is the last child of sheetPr.
  else text = `${sheetPr.text.slice(0, sheetPr.text.lastIndexOf('</'))}<${prefix}pageSetUpPr fitToPage="1"/>${sheetPr.text.slice(sheetPr.text.lastIndexOf('</'))}`;
  return head.slice(0, sheetPr.start) + text + head.slice(sheetPr.end);
}

/** A worksheet part of the add-in's with `setup` (on `paperSize`, else the file's default, Letter) in place of whatever page setup it had. */
export function withPageSetup(xml: string, setup: PageSetup, paperSize?: number): string {
  const { head, body, tail } = splitSheet(xml);
  const around = pageSetupAround(head, tail, setup, paperSize);
  return around.head + body + around.tail;
}

/** withPageSetup on the two ends of a worksheet part: `head` before its `<sheetData>`, `tail` after it. */
export function pageSetupAround(head: string, tail: string, setup: PageSetup, paperSize?: number): { head: string; tail: string } {
  let rest = tail;
  for (const tag of OURS) {
    for (const found of findElements(rest, tag).reverse()) rest = rest.slice(0, found.start) + rest.slice(found.end);
  }
  let from = 0;
  for (const tag of BEFORE) for (const found of findElements(rest, tag)) from = Math.max(from, found.end);
  let at = -1;
  for (const tag of AFTER) {
    const found = findElement(rest, tag, from);
    if (found && (at === -1 || found.start < at)) at = found.start;
  }
  if (at === -1) at = rest.lastIndexOf('</');
  return { head: fitToPage(head), tail: rest.slice(0, at) + pageSetupXml(setup, paperSize) + rest.slice(at) };
}

/**
 * The workbook part with columns 1..`titleColumns` and rows 1..`titleRows` of the sheet at `index` (its place among
 * the sheets) as its print titles, replacing any it had; none when both are 0. Other names stay as they are.
 */
export function withPrintTitles(workbookXml: string, index: number, sheetName: string, titleRows: number, titleColumns = 0): string {
  let xml = workbookXml;
  const block = findElement(xml, 'definedNames');
  if (block) {
    const ours = findElements(block.text, 'definedName').filter((n) => attributeOf(n.open, 'name')?.toLowerCase() === PRINT_TITLES.toLowerCase() && attributeOf(n.open, 'localSheetId') === String(index));
    let text = block.text;
    for (const n of ours.reverse()) text = text.slice(0, n.start) + text.slice(n.end);
    // An empty <definedNames> is not allowed: at least one name.
    xml = xml.slice(0, block.start) + (findElement(text, 'definedName') ? text : '') + xml.slice(block.end);
  }
  // Excel names the columns first: 'Decision log'!$A:$A,'Decision log'!$1:$4.
  const areas = [...(titleColumns > 0 ? [qualified(sheetName, `$A:$${columnLetters(titleColumns - 1)}`)] : []), ...(titleRows > 0 ? [qualified(sheetName, `$1:$${titleRows}`)] : [])];
  if (areas.length === 0) return xml;
  const prefix = /<(\w+:)?sheets\b/.exec(xml)?.[1] ?? '';
  const name = `<${prefix}definedName name="${PRINT_TITLES}" localSheetId="${index}">${escapeXml(areas.join(','))}</${prefix}definedName>`;
  const names = findElement(xml, 'definedNames');
  if (names) {
    const close = names.text.lastIndexOf('</');
    return xml.slice(0, names.start) + names.text.slice(0, close) + name + names.text.slice(close) + xml.slice(names.end);
  }
  // definedNames follows sheets, functionGroups and externalReferences.
  let at = 0;
  for (const tag of ['sheets', 'functionGroups', 'externalReferences']) {
    const found = findElement(xml, tag);
    if (found) at = Math.max(at, found.end);
  }
  return `${xml.slice(0, at)}<${prefix}definedNames>${name}</${prefix}definedNames>${xml.slice(at)}`;
}
