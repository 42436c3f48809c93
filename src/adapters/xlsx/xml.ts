// Small XML helpers for editing package parts as text: the writer changes a
// few elements of a part and leaves every other byte of it as it was.

import { decodeXml } from '../exceljs/xlsxParts';

export { decodeXml };

// Characters XML 1.0 cannot hold; Excel stores them as _xHHHH_, and so do we.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// Any character escapeXml changes: most texts have none and are returned after this one scan.
const TO_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text as element content or an attribute value. */
export function escapeXml(text: string): string {
  if (!TO_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** The attributes of a start tag's attribute text (`a="1" b='2'`), decoded. */
export function attributesOf(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const a of text.matchAll(/([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) found[a[1]!] = decodeXml(a[3] ?? a[4] ?? '');
  return found;
}

/** One attribute of a start tag's attribute text, decoded; undefined when absent. Faster than attributesOf for one name. */
export function attributeOf(text: string, name: string): string | undefined {
  const at = text.indexOf(` ${name}=`);
  const start = at === -1 ? (text.startsWith(`${name}=`) ? 0 : -1) : at + 1;
  if (start === -1) {
    // Whitespace other than a space before the name (a newline in hand-written XML).
    const match = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(text);
    return match ? decodeXml(match[2] ?? match[3] ?? '') : undefined;
  }
  const quote = text[start + name.length + 1];
  if (quote !== '"' && quote !== "'") return attributesOf(text)[name];
  const end = text.indexOf(quote, start + name.length + 2);
  return decodeXml(text.slice(start + name.length + 2, end));
}

/** A start tag (`<table a="1">` or `<col .../>`) with `name` set to `value`, added when absent. */
export function withAttribute(tag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(tag)) return tag.replace(pattern, `$1"${escapeXml(value)}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escapeXml(value)}"${tag.slice(close)}`;
}

/** A start tag without `name`. */
export const withoutAttribute = (tag: string, name: string): string => tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`), '');

/** The first `<tag ...>` element, whole (start to end tag, or self-closed), with where it starts; any namespace prefix. */
export function findElement(xml: string, tag: string, from = 0): { start: number; end: number; text: string; open: string } | undefined {
  const pattern = new RegExp(`<((?:[\\w.-]+:)?${tag})(?=[\\s/>])[^>]*>`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(xml);
  if (!match) return undefined;
  const open = match[0];
  const start = match.index;
  if (open.endsWith('/>')) return { start, end: start + open.length, text: open, open };
  const close = `</${match[1]}>`;
  const endAt = xml.indexOf(close, start + open.length);
  if (endAt === -1) return undefined;
  const end = endAt + close.length;
  return { start, end, text: xml.slice(start, end), open };
}

/** Every `<tag>` element directly found in `xml` (not nested in itself), in order. */
export function findElements(xml: string, tag: string): { start: number; end: number; text: string; open: string }[] {
  const found = [];
  for (let at = 0, next = findElement(xml, tag, at); next; at = next.end, next = findElement(xml, tag, at)) found.push(next);
  return found;
}

/** `xml` with `insert` placed before the first of `before` (tag names of the elements that follow it in schema order), else before `closing`. */
export function insertBefore(xml: string, insert: string, before: string[], closing: string): string {
  let at = -1;
  for (const tag of before) {
    const found = findElement(xml, tag);
    if (found && (at === -1 || found.start < at)) at = found.start;
  }
  if (at === -1) at = xml.lastIndexOf(closing);
  return xml.slice(0, at) + insert + xml.slice(at);
}
