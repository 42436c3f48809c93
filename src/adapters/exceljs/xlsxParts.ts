// A look inside the .xlsx zip, for what exceljs does not tell us: which sheet
// owns which part (so a lost chart can be named with its sheet), and the table
// attributes exceljs misreads. Read-only; nothing here writes a workbook.

import { readZip, type ZipEntry } from './zip';

export type Relationship = { type: string; target: string };

export type SheetPart = {
  name: string;
  /** Zip path of the sheet's XML, e.g. "xl/worksheets/sheet1.xml". */
  path: string;
  /** "worksheet", "chartsheet", "dialogsheet" or "macrosheet". */
  kind: string;
};

export type XlsxParts = {
  /** Every part's path in the zip (folders are implied by the paths). */
  paths: string[];
  sheets: SheetPart[];
  text(path: string): Promise<string | undefined>;
  relationships(path: string): Promise<Relationship[]>;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] === '#') return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
    return ENTITIES[entity.toLowerCase()] ?? '';
  });
}

/** The attributes of every `<tag ...>` element (any namespace prefix), decoded. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${tag}(\\s[^>]*)?/?>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attributes[a[1]!] = decodeXml(a[3] ?? a[4] ?? '');
    found.push(attributes);
  }
  return found;
}

/** How many `<tag>` elements (any namespace prefix) the XML holds. */
export const countElements = (xml: string, tag: string): number =>
  (xml.match(new RegExp(`<(?:[\\w.-]+:)?${tag}[\\s/>]`, 'g')) ?? []).length;

/** A relationship target resolved against the part that owns it: ("xl/workbook.xml", "worksheets/sheet1.xml") → "xl/worksheets/sheet1.xml". */
export function resolvePart(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = owner.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

const relsPath = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** The last word of a relationship type URI: ".../relationships/worksheet" → "worksheet". */
const typeName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

/** Opens the zip; throws when the bytes are not a zip or have no workbook part (the caller says "not a workbook"). */
export async function readParts(zip: Buffer | ZipEntry[]): Promise<XlsxParts> {
  const entries = new Map((Buffer.isBuffer(zip) ? readZip(zip) : zip).map((e) => [e.name, e]));
  const cache = new Map<string, string | undefined>();
  const text = async (path: string) => {
    if (!cache.has(path)) cache.set(path, entries.get(path)?.data().toString('utf8'));
    return cache.get(path);
  };
  const relationships = async (path: string): Promise<Relationship[]> => {
    const xml = await text(relsPath(path));
    if (!xml) return [];
    return elements(xml, 'Relationship')
      .filter((r) => r.TargetMode !== 'External' && r.Target)
      .map((r) => ({ type: typeName(r.Type ?? ''), target: resolvePart(path, r.Target!) }));
  };
  const root = await relationships('');
  const workbookPath = root.find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const workbookXml = await text(workbookPath);
  if (!workbookXml) throw new Error('no workbook part');
  const byId = new Map<string, Relationship>();
  const relsXml = (await text(relsPath(workbookPath))) ?? '';
  for (const r of elements(relsXml, 'Relationship')) {
    if (r.Id && r.Target && r.TargetMode !== 'External') byId.set(r.Id, { type: typeName(r.Type ?? ''), target: resolvePart(workbookPath, r.Target) });
  }
  const sheets: SheetPart[] = [];
  for (const sheet of elements(workbookXml, 'sheet')) {
    const id = sheet['r:id'] ?? Object.entries(sheet).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = id ? byId.get(id) : undefined;
    if (sheet.name && rel) sheets.push({ name: sheet.name, path: rel.target, kind: rel.type });
  }
  return { paths: [...entries.keys()], sheets, text, relationships };
}

/** Zip paths under a folder, e.g. every "xl/tables/*.xml". */
export const partsUnder = (parts: XlsxParts, folder: string): string[] =>
  parts.paths.filter((path) => path.startsWith(folder) && !path.endsWith('/') && !path.includes('/_rels/'));
