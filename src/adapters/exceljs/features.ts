// What a workbook holds that exceljs may not carry into the file it writes
// (charts, pivot tables, sparklines, slicers, macros...), counted per sheet from
// the zip parts. Counting the input and the output the same way and comparing
// tells the user exactly what the output lost, rather than a blanket warning.

import { listWords } from '../../engine/format';
import { countElements, elements, partsUnder, type SheetPart, type XlsxParts } from './xlsxParts';

export type Feature =
  | 'chart'
  | 'chart sheet'
  | 'other sheet'
  | 'pivot table'
  | 'sparkline group'
  | 'slicer'
  | 'timeline'
  | 'picture'
  | 'shape'
  | 'data validation rule'
  | 'extended conditional format'
  | 'note'
  | 'threaded comment'
  | 'form control'
  | 'macro project'
  | 'external link'
  | 'data connection'
  | 'content add-in'
  | 'add-in task pane'
  | 'dynamic array metadata';

export type FeatureCount = { feature: Feature; sheet?: string; count: number };

/** The order features are listed in, the most visible first. */
const FEATURE_ORDER: Feature[] = [
  'chart', 'chart sheet', 'pivot table', 'slicer', 'timeline', 'sparkline group', 'picture', 'shape', 'form control',
  'data validation rule', 'extended conditional format', 'note', 'threaded comment', 'other sheet', 'macro project',
  'external link', 'data connection', 'content add-in', 'add-in task pane', 'dynamic array metadata',
];

const PLURALS: Partial<Record<Feature, string>> = {
  'other sheet': 'other sheets',
  shape: 'shapes or text boxes',
  'macro project': 'VBA macro projects',
  'external link': 'links to other workbooks',
};

export function featureWords(feature: Feature, count: number): string {
  if (feature === 'macro project') return 'the VBA macros';
  if (feature === 'dynamic array metadata') return 'the marks that make dynamic-array formulas spill (Excel may show them with @) and linked data types';
  if (feature === 'other sheet') return count === 1 ? 'a dialog or macro sheet' : `${count} dialog or macro sheets`;
  if (feature === 'chart sheet') return count === 1 ? 'a chart sheet' : `${count} chart sheets`;
  return `${count} ${count === 1 ? (feature === 'shape' ? 'shape or text box' : feature) : (PLURALS[feature] ?? `${feature}s`)}`;
}

async function drawingFeatures(parts: XlsxParts, path: string): Promise<Partial<Record<Feature, number>>> {
  const xml = (await parts.text(path)) ?? '';
  return {
    // A chart sits in a drawing as an element pointing at its chart part (c:chart, or cx:chart for the newer types).
    chart: elements(xml, 'chart').filter((a) => Object.keys(a).some((k) => k.endsWith(':id'))).length,
    picture: countElements(xml, 'pic'),
    shape: countElements(xml, 'sp'),
    // An Office add-in shown in the sheet itself (a content add-in) is a frame pointing at its web extension.
    'content add-in': countElements(xml, 'webextensionref'),
  };
}

async function sheetFeatures(parts: XlsxParts, sheet: SheetPart): Promise<FeatureCount[]> {
  if (sheet.kind === 'chartsheet') return [{ feature: 'chart sheet', sheet: sheet.name, count: 1 }];
  if (sheet.kind !== 'worksheet') return [{ feature: 'other sheet', sheet: sheet.name, count: 1 }];
  const whole = (await parts.text(sheet.path)) ?? '';
  // Everything counted here comes after the cells: scanning only that tail keeps a 10,000-row sheet fast.
  const xml = whole.slice(Math.max(0, whole.lastIndexOf('</sheetData>')));
  const counts: Partial<Record<Feature, number>> = {
    'sparkline group': countElements(xml, 'sparklineGroup'),
    'data validation rule': countElements(xml, 'dataValidation'),
    // Rules in the x14 extension (data bars with axis settings, icon sets of choice...): plain cfRule has no prefix.
    'extended conditional format': (xml.match(/<[\w.-]+:cfRule[\s>]/g) ?? []).length,
    'form control': countElements(xml, 'control'),
  };
  const add = (feature: Feature, n: number) => (counts[feature] = (counts[feature] ?? 0) + n);
  for (const rel of await parts.relationships(sheet.path)) {
    if (rel.type === 'drawing') {
      for (const [feature, n] of Object.entries(await drawingFeatures(parts, rel.target))) add(feature as Feature, n);
    } else if (rel.type === 'pivotTable') add('pivot table', 1);
    else if (rel.type === 'comments') add('note', countElements((await parts.text(rel.target)) ?? '', 'comment'));
    else if (rel.type === 'threadedComment') add('threaded comment', countElements((await parts.text(rel.target)) ?? '', 'threadedComment'));
    else if (rel.type === 'slicer') add('slicer', countElements((await parts.text(rel.target)) ?? '', 'slicer'));
    else if (rel.type === 'timeline') add('timeline', countElements((await parts.text(rel.target)) ?? '', 'timeline'));
  }
  return FEATURE_ORDER.filter((feature) => (counts[feature] ?? 0) > 0).map((feature) => ({ feature, sheet: sheet.name, count: counts[feature]! }));
}

async function workbookFeatures(parts: XlsxParts): Promise<FeatureCount[]> {
  const found: FeatureCount[] = [];
  if (parts.paths.some((path) => /(^|\/)vbaProject\.bin$/i.test(path))) found.push({ feature: 'macro project', count: 1 });
  const links = partsUnder(parts, 'xl/externalLinks/').length;
  if (links > 0) found.push({ feature: 'external link', count: links });
  // Excel writes xl/metadata.xml for spilling (dynamic-array) formulas and linked data types.
  if (parts.paths.includes('xl/metadata.xml')) found.push({ feature: 'dynamic array metadata', count: 1 });
  const panes = countElements((await parts.text('xl/webextensions/taskpanes.xml')) ?? '', 'taskpane');
  if (panes > 0) found.push({ feature: 'add-in task pane', count: panes });
  const connections = countElements((await parts.text('xl/connections.xml')) ?? '', 'connection');
  if (connections > 0) found.push({ feature: 'data connection', count: connections });
  return found;
}

/** Every feature at risk, per sheet (workbook-wide ones have no sheet). */
export async function inventory(parts: XlsxParts): Promise<FeatureCount[]> {
  const perSheet = await Promise.all(parts.sheets.map((sheet) => sheetFeatures(parts, sheet)));
  return [...perSheet.flat(), ...(await workbookFeatures(parts))];
}

const key = (f: FeatureCount) => `${f.feature}\u0000${f.sheet ?? ''}`;

/** What `before` has that `after` lacks, feature by feature and sheet by sheet. */
export function lostFeatures(before: FeatureCount[], after: FeatureCount[]): FeatureCount[] {
  const kept = new Map(after.map((f) => [key(f), f.count]));
  return before.flatMap((f) => {
    const missing = f.count - (kept.get(key(f)) ?? 0);
    return missing > 0 ? [{ ...f, count: missing }] : [];
  });
}

/** "1 chart and 1 pivot table on Portfolio; 2 charts on Dashboard; the VBA macros". */
export function describeFeatures(features: FeatureCount[]): string {
  const bySheet = new Map<string, string[]>();
  for (const f of features) bySheet.set(f.sheet ?? '', [...(bySheet.get(f.sheet ?? '') ?? []), featureWords(f.feature, f.count)]);
  const workbookWide = bySheet.get('');
  bySheet.delete('');
  return [...[...bySheet].map(([sheet, words]) => `${listWords(words)} on ${sheet}`), ...(workbookWide ? [listWords(workbookWide)] : [])].join('; ');
}

/** Header-row and filter settings of every table, by lower-case name, read from the table parts themselves. */
export async function tableAttributes(parts: XlsxParts): Promise<Map<string, { headerRow: boolean; autoFilter: boolean }>> {
  const found = new Map<string, { headerRow: boolean; autoFilter: boolean }>();
  for (const path of partsUnder(parts, 'xl/tables/')) {
    const xml = (await parts.text(path)) ?? '';
    const table = elements(xml, 'table')[0];
    if (!table?.name) continue;
    // headerRowCount defaults to 1 in the file format: Excel leaves it out when the table has its header row.
    found.set(table.name.toLowerCase(), { headerRow: table.headerRowCount !== '0', autoFilter: countElements(xml, 'autoFilter') > 0 });
  }
  return found;
}
