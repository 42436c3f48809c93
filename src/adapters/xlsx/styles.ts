// Additions to the workbook's styles part: the number formats, fonts, fills,
// cell formats (xf) and conditional-format styles (dxf) the written cells need,
// appended after the user's own so every existing style index keeps its meaning.

import { LOOKS, type CellStyle, type HighlightRule, type Look } from '../../layout/grid';
import { attributeOf, escapeXml, findElement, findElements, withAttribute } from './xml';

/** Excel's built-in number formats the layout uses (their ids are fixed by the file format). */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** Excel's built-in date and time formats (ECMA-376 18.8.30), which a file names by id alone: read, never written. */
const BUILT_IN_DATES: Record<number, string> = {
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
};

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', cellXfs: 'xf', dxfs: 'dxf' };

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesEditor {
  private readonly prefix: string;
  private readonly existing: Record<string, string[]> = {};
  private readonly added: Record<string, string[]> = { numFmts: [], fonts: [], fills: [], cellXfs: [], dxfs: [] };
  private readonly xfIndex = new Map<string, number>();
  private readonly formatIds = new Map<string, number>();
  private nextFormatId = 164;

  constructor(private readonly xml: string) {
    this.prefix = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? '';
    for (const section of Object.keys(CHILD)) {
      const found = findElement(xml, section);
      this.existing[section] = found ? findElements(found.text, CHILD[section]!).map((e) => e.text) : [];
    }
    for (const f of this.existing.numFmts!) {
      const id = Number(attributeOf(f, 'numFmtId'));
      const code = attributeOf(f, 'formatCode');
      if (code !== undefined && !this.formatIds.has(code)) this.formatIds.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    this.existing.cellXfs!.forEach((xf, i) => this.xfIndex.has(xf) || this.xfIndex.set(xf, i));
  }

  /** The number format code of cell format `xf` (a cell's `s`): what a number formatted as euros shows. */
  formatCodeOf(xf: number): string {
    const tag = this.existing.cellXfs![xf];
    const id = Number((tag && attributeOf(/^<[^>]*?>/.exec(tag)?.[0] ?? '', 'numFmtId')) ?? 0);
    for (const [code, known] of this.formatIds) if (known === id) return code;
    for (const [code, known] of Object.entries(BUILT_IN)) if (known === id) return code;
    return BUILT_IN_DATES[id] ?? 'General';
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  private tag(name: string): string {
    return `${this.prefix}${name}`;
  }

  /** The index of `xml` in its section: the part's own entry when it has the same one (so a rerun on our output adds nothing), else one appended once. */
  private add(section: string, xml: string): number {
    const existing = this.existing[section]!.indexOf(xml);
    if (existing !== -1) return existing;
    const list = this.added[section]!;
    const known = list.indexOf(xml);
    if (known !== -1) return this.existing[section]!.length + known;
    list.push(xml);
    return this.existing[section]!.length + list.length - 1;
  }

  numberFormat(code: string | null): number {
    if (code === null) return 0;
    if (BUILT_IN[code] !== undefined) return BUILT_IN[code]!;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.added.numFmts!.push(`<${this.tag('numFmt')} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(look: Look): number {
    // The workbook's own default font (its name, family, scheme), with the look's weight, size and colour.
    const base = (this.existing.fonts![0] ?? '<font><sz val="11"/><name val="Calibri"/></font>')
      .replace(/<(\w+:)?(b|i|color)\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?\2>)/g, '')
      .replace(/<(\w+:)?sz\b[^>]*\/>/, look.size ? '' : '$&');
    const open = /^<[^>]*?>/.exec(base)?.[0] ?? `<${this.tag('font')}>`;
    const inner = base.endsWith('/>') ? '' : base.slice(open.length, base.lastIndexOf('</'));
    const extra = `${look.bold ? `<${this.tag('b')}/>` : ''}${look.italic ? `<${this.tag('i')}/>` : ''}${look.size ? `<${this.tag('sz')} val="${look.size}"/>` : ''}${look.color ? `<${this.tag('color')} rgb="${argb(look.color)}"/>` : ''}`;
    return this.add('fonts', `<${this.tag('font')}>${extra}${inner}</${this.tag('font')}>`);
  }

  private fill(color: string): number {
    return this.add('fills', `<${this.tag('fill')}><${this.tag('patternFill')} patternType="solid"><${this.tag('fgColor')} rgb="${color}"/><${this.tag('bgColor')} indexed="64"/></${this.tag('patternFill')}></${this.tag('fill')}>`);
  }

  private xf(xml: string): number {
    const known = this.xfIndex.get(xml);
    if (known !== undefined) return known;
    const index = this.add('cellXfs', xml);
    this.xfIndex.set(xml, index);
    return index;
  }

  private readonly cellFormats = new Map<CellStyle | undefined, Map<string | null, number>>();

  /** The cell format for a number format and, optionally, one of the layout's named looks; each pair worked out once. */
  cellFormat(format: string | null, style?: CellStyle): number {
    const byFormat = this.cellFormats.get(style) ?? this.cellFormats.set(style, new Map()).get(style)!;
    let index = byFormat.get(format);
    if (index === undefined) byFormat.set(format, (index = this.newCellFormat(format, style)));
    return index;
  }

  private newCellFormat(format: string | null, style?: CellStyle): number {
    const numFmtId = this.numberFormat(format);
    if (!style) return numFmtId === 0 ? 0 : this.xf(`<${this.tag('xf')} numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`);
    const look = LOOKS[style];
    const hasFont = look.bold !== undefined || look.italic !== undefined || look.size !== undefined || look.color !== undefined;
    const fontId = hasFont ? this.font(look) : 0;
    const fillId = look.fill ? this.fill(argb(look.fill)) : 0;
    const alignment = look.wrap ? `<${this.tag('alignment')} vertical="top" wrapText="1"/>` : '';
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${hasFont ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    const open = `<${this.tag('xf')} numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
    return this.xf(alignment ? `${open}>${alignment}</${this.tag('xf')}>` : `${open}/>`);
  }

  /** Cell format `base` (an index into cellXfs) with another number format: the cell keeps its font, fill, border and alignment. */
  withNumberFormat(base: number, format: string | null): number {
    const xf = this.existing.cellXfs![base] ?? this.existing.cellXfs![0];
    if (!xf) return this.cellFormat(format);
    const numFmtId = this.numberFormat(format);
    const open = /^<[^>]*?>/.exec(xf)![0];
    let tag = withAttribute(open, 'numFmtId', String(numFmtId));
    tag = withAttribute(tag, 'applyNumberFormat', '1');
    return this.xf(tag + xf.slice(open.length));
  }

  /** The differential style a highlight rule applies: Excel takes a solid dxf fill's colour from bgColor. */
  highlight(rule: HighlightRule): number {
    const t = (name: string) => this.tag(name);
    return this.add('dxfs', `<${t('dxf')}><${t('font')}><${t('color')} rgb="${argb(rule.font)}"/></${t('font')}><${t('fill')}><${t('patternFill')} patternType="solid"><${t('bgColor')} rgb="${argb(rule.fill)}"/></${t('patternFill')}></${t('fill')}></${t('dxf')}>`);
  }

  /** The styles part with the additions. */
  result(): string {
    let xml = this.xml;
    for (const section of Object.keys(this.added)) {
      const extra = this.added[section]!;
      if (extra.length === 0) continue;
      const count = this.existing[section]!.length + extra.length;
      const found = findElement(xml, section);
      if (found) {
        const open = withAttribute(found.open, 'count', String(count));
        const body = found.text.endsWith('/>') ? `${open.slice(0, -2)}>${extra.join('')}</${this.tag(section)}>` : open + found.text.slice(found.open.length, found.text.lastIndexOf('</')) + extra.join('') + found.text.slice(found.text.lastIndexOf('</'));
        xml = xml.slice(0, found.start) + body + xml.slice(found.end);
      } else {
        const element = `<${this.tag(section)} count="${count}">${extra.join('')}</${this.tag(section)}>`;
        const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1);
        let at = -1;
        for (const tag of later) {
          const next = findElement(xml, tag);
          if (next && (at === -1 || next.start < at)) at = next.start;
        }
        if (at === -1) at = xml.lastIndexOf('</');
        xml = xml.slice(0, at) + element + xml.slice(at);
      }
    }
    return xml;
  }
}
