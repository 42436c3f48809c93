// An .xlsx package opened for surgery: parts are read as text only when asked
// for, edited parts are kept aside, and saving writes every part that was not
// edited as the very bytes it was stored as (still compressed), so charts,
// pivot tables, slicers, macros and the rest come out byte for byte.

import { packEntry, packEntryLater, readZip, unpack, writeZip, type StoredEntry, type ZipEntry } from '../exceljs/zip';
import { resolvePart } from '../exceljs/xlsxParts';
import { attributeOf, attributesOf, escapeXml, findElement, findElements } from './xml';

export const RELATIONSHIP_TYPES = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
};

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CONTENT_TYPES_PART = '[Content_Types].xml';

export type Relationship = { id: string; type: string; target: string; external: boolean };

/** The last word of a relationship type URI: ".../relationships/worksheet" → "worksheet". */
export const typeName = (uri: string): string => uri.slice(uri.lastIndexOf('/') + 1);

export const relsPathOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** `target` (a part path) as a relationship target relative to `owner`. */
export function relativeTarget(owner: string, target: string): string {
  const from = owner.split('/').slice(0, -1);
  const to = target.split('/');
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...Array<string>(from.length - same).fill('..'), ...to.slice(same)].join('/');
}

/** A part this large (a sheet of a thousand rows and more) is deflated on the thread pool (XlsxPackage.packing). */
const LARGE_PART = 256 * 1024;

export class XlsxPackage {
  private readonly entries: Map<string, ZipEntry>;
  private readonly order: string[];
  private readonly edited = new Map<string, Buffer | string>();
  private readonly removed = new Set<string>();
  private readonly texts = new Map<string, string>();

  constructor(entries: ZipEntry[]) {
    this.entries = new Map(entries.filter((e) => !e.name.endsWith('/')).map((e) => [e.name, e]));
    this.order = [...this.entries.keys()];
  }

  static open(bytes: Buffer): XlsxPackage {
    return new XlsxPackage(readZip(bytes));
  }

  has(path: string): boolean {
    return !this.removed.has(path) && (this.edited.has(path) || this.entries.has(path));
  }

  paths(): string[] {
    return [...this.order.filter((p) => this.has(p)), ...[...this.edited.keys()].filter((p) => !this.entries.has(p))];
  }

  /** A part's text; kept, as the parts asked for are read again when written. */
  text(path: string): string | undefined {
    if (this.removed.has(path)) return undefined;
    const edited = this.edited.get(path);
    if (edited !== undefined) return typeof edited === 'string' ? edited : edited.toString('utf8');
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    const text = unpack(path, entry.stored).toString('utf8');
    this.texts.set(path, text);
    return text;
  }

  /** A part's text read once and not kept (a large sheet only counted). */
  peek(path: string): Buffer | undefined {
    const entry = this.entries.get(path);
    return entry && !this.removed.has(path) && !this.edited.has(path) ? unpack(path, entry.stored) : undefined;
  }

  /** Keeps a part's bytes, inflated by peek and looked at already, as its text: the part is not inflated again for text(). */
  keep(path: string, bytes: Buffer): string {
    const text = bytes.toString('utf8');
    this.texts.set(path, text);
    return text;
  }

  /** Forget a part's text (it will be copied as stored unless edited). */
  forget(path: string): void {
    this.texts.delete(path);
  }

  private readonly revisions = new Map<string, number>();

  /** How many times the part was put or removed: what was read of it stands while this stays the same. */
  revision(path: string): number {
    return this.revisions.get(path) ?? 0;
  }

  private revise(path: string): void {
    this.revisions.set(path, this.revision(path) + 1);
  }

  /** `content`: the part's text, or its UTF-8 bytes (a large part written as bytes, XmlBytes), deflated from now on (packing). */
  put(path: string, content: string | Buffer): void {
    this.revise(path);
    this.removed.delete(path);
    this.edited.set(path, content);
    this.texts.delete(path);
    if (Buffer.isBuffer(content) && content.length >= LARGE_PART) this.pack(path, content);
  }

  /**
   * Large parts being deflated on the thread pool while the run goes on (the Portfolio sheet, while our
   * sheets are made), each with the content it deflates: a part put again is deflated again.
   */
  private readonly packing = new Map<string, { content: Buffer | string; entry: Promise<StoredEntry> }>();

  private pack(path: string, content: Buffer | string): Promise<StoredEntry> {
    const entry = packEntryLater(typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    // A part put again before saving leaves its first deflate unawaited: a failure of that one is no failure of the run's.
    entry.catch(() => undefined);
    this.packing.set(path, { content, entry });
    return entry;
  }

  remove(path: string): void {
    this.revise(path);
    this.removed.add(path);
    this.edited.delete(path);
    this.texts.delete(path);
    this.removeOverride(path);
  }

  relationships(part: string): Relationship[] {
    const xml = this.text(relsPathOf(part));
    if (!xml) return [];
    return findElements(xml, 'Relationship').map((r) => {
      const a = attributesOf(r.open);
      const external = a.TargetMode === 'External';
      return { id: a.Id ?? '', type: a.Type ?? '', target: external ? (a.Target ?? '') : resolvePart(part, a.Target ?? ''), external };
    });
  }

  setRelationships(part: string, rels: Relationship[]): void {
    const lines = rels.map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.external ? r.target : relativeTarget(part, r.target))}"${r.external ? ' TargetMode="External"' : ''}/>`);
    this.put(relsPathOf(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${lines.join('')}</Relationships>`);
  }

  /** Adds a relationship from `part` to `target`; returns its id. */
  relate(part: string, type: string, target: string): string {
    const rels = this.relationships(part);
    const ids = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.setRelationships(part, [...rels, { id, type, target, external: false }]);
    return id;
  }

  /** A part path not in use: `${prefix}${n}${suffix}` with the smallest free n ≥ 1. */
  freePath(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`) && !this.entries.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  addOverride(path: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES_PART) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';
    const without = this.withoutOverride(xml, path);
    const at = without.lastIndexOf('</Types>');
    this.put(CONTENT_TYPES_PART, `${without.slice(0, at)}<Override PartName="/${escapeXml(path)}" ContentType="${contentType}"/>${without.slice(at)}`);
  }

  private removeOverride(path: string): void {
    const xml = this.text(CONTENT_TYPES_PART);
    if (!xml) return;
    const without = this.withoutOverride(xml, path);
    if (without !== xml) this.put(CONTENT_TYPES_PART, without);
  }

  private withoutOverride(xml: string, path: string): string {
    for (const o of findElements(xml, 'Override')) {
      if (attributeOf(o.open, 'PartName')?.replace(/^\//, '').toLowerCase() === path.toLowerCase()) return xml.slice(0, o.start) + xml.slice(o.end);
    }
    return xml;
  }

  /**
   * The package as zip bytes: edited parts deflated, the rest copied as stored. Parts keep their order; new ones
   * follow. The large parts are deflated side by side on the thread pool, the small ones here.
   */
  async bytes(date: Date): Promise<Buffer> {
    const out = this.paths().map(async (path): Promise<{ name: string; stored: StoredEntry }> => {
      const edited = this.edited.get(path);
      if (edited === undefined) return { name: path, stored: this.entries.get(path)!.stored };
      const packing = this.packing.get(path);
      if (packing?.content === edited) return { name: path, stored: await packing.entry };
      if (edited.length >= LARGE_PART) return { name: path, stored: await this.pack(path, edited) };
      return { name: path, stored: packEntry(typeof edited === 'string' ? Buffer.from(edited, 'utf8') : edited) };
    });
    return writeZip(await Promise.all(out), date);
  }
}

export type SheetEntry = { name: string; sheetId: number; rId: string; path: string; kind: string; state?: string };

/** The workbook part: where it is, its sheets in tab order, and the prefix its relationship ids use. */
export class WorkbookPart {
  readonly path: string;

  constructor(private readonly pkg: XlsxPackage) {
    this.path = pkg.relationships('').find((r) => typeName(r.type) === 'officeDocument')?.target ?? 'xl/workbook.xml';
    if (!pkg.text(this.path)) throw new Error('no workbook part');
  }

  get xml(): string {
    return this.pkg.text(this.path)!;
  }

  sheets(): SheetEntry[] {
    const rels = new Map(this.pkg.relationships(this.path).map((r) => [r.id, r]));
    const sheetsElement = findElement(this.xml, 'sheets');
    if (!sheetsElement) return [];
    return findElements(sheetsElement.text, 'sheet').flatMap((s) => {
      const a = attributesOf(s.open);
      const rId = Object.entries(a).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = rels.get(rId);
      if (!a.name || !rel) return [];
      return [{ name: a.name, sheetId: Number(a.sheetId), rId, path: rel.target, kind: typeName(rel.type), ...(a.state ? { state: a.state } : {}) }];
    });
  }

  get date1904(): boolean {
    const pr = findElement(this.xml, 'workbookPr');
    const value = pr && attributeOf(pr.open, 'date1904');
    return value === '1' || value === 'true';
  }

  /** Adds a worksheet at the end of the tabs; returns its part path. */
  addSheet(name: string): string {
    const path = this.pkg.freePath('xl/worksheets/sheet', '.xml');
    const rId = this.pkg.relate(this.path, RELATIONSHIP_TYPES.worksheet, path);
    const sheetId = Math.max(0, ...this.sheets().map((s) => s.sheetId)) + 1;
    const xml = this.xml;
    const prefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml)?.[1];
    const idAttribute = prefix ? `${prefix}:id="${rId}"` : `xmlns:r="${RELATIONSHIPS_NS}" r:id="${rId}"`;
    const sheet = `<sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}/>`;
    const sheets = findElement(xml, 'sheets')!;
    const closing = sheets.text.endsWith('/>') ? undefined : sheets.text.lastIndexOf('</');
    const replaced = closing === undefined ? `${sheets.open.slice(0, -2)}>${sheet}</sheets>` : sheets.text.slice(0, closing) + sheet + sheets.text.slice(closing);
    this.pkg.put(this.path, xml.slice(0, sheets.start) + replaced + xml.slice(sheets.end));
    this.pkg.addOverride(path, CONTENT_TYPES.worksheet);
    return path;
  }

  /** Asks Excel to recalculate everything on open, and drops the calc chain (Excel rebuilds it): the written cells hold no formulas. */
  recalculateOnOpen(): void {
    let xml = this.xml;
    const calcPr = findElement(xml, 'calcPr');
    if (calcPr) {
      const tag = /fullCalcOnLoad\s*=/.test(calcPr.open) ? calcPr.open.replace(/fullCalcOnLoad\s*=\s*("[^"]*"|'[^']*')/, 'fullCalcOnLoad="1"') : calcPr.open.replace(/\s*\/?>$/, (end) => ` fullCalcOnLoad="1"${end.trim()}`);
      xml = xml.slice(0, calcPr.start) + tag + xml.slice(calcPr.start + calcPr.open.length);
    } else {
      const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      let at = -1;
      for (const tag of after) {
        const found = findElement(xml, tag);
        if (found && (at === -1 || found.start < at)) at = found.start;
      }
      if (at === -1) at = xml.lastIndexOf('</');
      xml = `${xml.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
    }
    this.pkg.put(this.path, xml);
    const rels = this.pkg.relationships(this.path);
    const chain = rels.find((r) => r.type === RELATIONSHIP_TYPES.calcChain);
    if (chain) {
      this.pkg.remove(chain.target);
      this.pkg.setRelationships(this.path, rels.filter((r) => r !== chain));
    }
  }
}
