// Office add-ins pinned to the workbook (a task pane that opens with it, the
// add-in's document settings) live in xl/webextensions/, linked from the
// package's root relationships. exceljs does not know these parts and drops
// them, so a workbook that opened with the prioritiser's pane would lose that.
// They are copied from the input into the output as they are.

import { elements } from './xlsxParts';

type Part = { name: string; data: Buffer };

export type WebExtensions = {
  parts: Part[];
  /** <Relationship> elements of _rels/.rels that point into xl/webextensions/. */
  relationships: string[];
  /** <Override> elements of [Content_Types].xml for those parts. */
  overrides: string[];
};

const FOLDER = 'xl/webextensions/';
const ROOT_RELS = '_rels/.rels';
const CONTENT_TYPES = '[Content_Types].xml';

const elementsOf = (xml: string, tag: string): string[] => xml.match(new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g')) ?? [];

export function takeWebExtensions(parts: Part[]): WebExtensions | undefined {
  const found = parts.filter((p) => p.name.startsWith(FOLDER));
  if (found.length === 0) return undefined;
  const text = (name: string) => parts.find((p) => p.name === name)?.data.toString('utf8') ?? '';
  return {
    parts: found,
    relationships: elementsOf(text(ROOT_RELS), 'Relationship').filter((r) => elements(r, 'Relationship')[0]?.Target?.replace(/^\//, '').startsWith(FOLDER)),
    overrides: elementsOf(text(CONTENT_TYPES), 'Override').filter((o) => elements(o, 'Override')[0]?.PartName?.startsWith(`/${FOLDER}`)),
  };
}

/** The output's parts with the add-in parts added back, linked and typed as they were. */
export function putWebExtensions(parts: Part[], extensions: WebExtensions | undefined): Part[] {
  if (!extensions) return parts;
  const insert = (xml: string, closing: string, added: string[]) => xml.replace(closing, `${added.join('')}${closing}`);
  const ids = new Set(parts.filter((p) => p.name === ROOT_RELS).flatMap((p) => elements(p.data.toString('utf8'), 'Relationship').map((r) => r.Id)));
  const relationships = extensions.relationships.filter((r) => !ids.has(elements(r, 'Relationship')[0]?.Id));
  return [
    ...parts.map((p) => {
      if (p.name === ROOT_RELS) return { name: p.name, data: Buffer.from(insert(p.data.toString('utf8'), '</Relationships>', relationships), 'utf8') };
      if (p.name === CONTENT_TYPES) return { name: p.name, data: Buffer.from(insert(p.data.toString('utf8'), '</Types>', extensions.overrides), 'utf8') };
      return p;
    }),
    ...extensions.parts,
  ];
}
