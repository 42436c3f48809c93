// Table columns with content of their own: a calculated column's formula (the
// one Excel fills into every new row), a custom totals formula. exceljs 4.4
// fails to open a workbook whose tables have them ("Cannot set properties of
// undefined"), and would drop them anyway. So they are taken out of the table
// parts before exceljs reads the file and put back into the parts it writes.

import { decodeXml } from './xlsxParts';

/** Per table (lower-case name), per column name: the XML inside its <tableColumn> element. */
export type ColumnContent = Map<string, Map<string, string>>;

const COLUMN_WITH_CONTENT = /<tableColumn\b([^>]*?)(?<!\/)>([\s\S]*?)<\/tableColumn>/g;
const EMPTY_COLUMN = /<tableColumn\b([^>]*?)\/>/g;

const attribute = (attributes: string, name: string): string | undefined => {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes);
  return found ? decodeXml(found[1]!) : undefined;
};

const tableName = (xml: string): string | undefined => attribute(/<table\b[^>]*>/.exec(xml)?.[0] ?? '', 'name')?.toLowerCase();

/** The table part without column content, and that content by column name. */
export function takeColumnContent(xml: string): { xml: string; table?: string; columns: Map<string, string> } {
  const columns = new Map<string, string>();
  const stripped = xml.replace(COLUMN_WITH_CONTENT, (_, attributes: string, inner: string) => {
    const name = attribute(attributes, 'name');
    if (name !== undefined && inner.trim() !== '') columns.set(name, inner);
    return `<tableColumn${attributes}/>`;
  });
  return { xml: stripped, table: tableName(xml), columns };
}

/** Put the content back into the columns of the same name in a table part exceljs wrote. */
export function putColumnContent(xml: string, content: ColumnContent): string {
  const columns = content.get(tableName(xml) ?? '');
  if (!columns) return xml;
  return xml.replace(EMPTY_COLUMN, (whole, attributes: string) => {
    const inner = columns.get(attribute(attributes, 'name') ?? '');
    return inner === undefined ? whole : `<tableColumn${attributes}>${inner}</tableColumn>`;
  });
}
