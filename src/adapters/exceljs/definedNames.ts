// The workbook's defined names, carried over as they are. exceljs 4.4 only
// understands names that point at a range: it drops a named constant
// (TaxRate = 0.25) and mangles a named formula (SUM(Portfolio!$G$4:$G$8)
// becomes 'SUM(Portfolio'!$G$4:$G$8), which Excel reports as damage. So the
// <definedNames> block is taken out before exceljs reads the workbook part and
// put back into the part it writes. A name scoped to one sheet (print areas,
// filters) follows its sheet by name, should a sheet exceljs drops (a chart
// sheet) have moved the others up.

import { elements } from './xlsxParts';

const BLOCK = /<definedNames\b[^>]*>[\s\S]*?<\/definedNames>|<definedNames\b[^>]*\/>/;
const NAME = /<definedName\b[^>]*>[\s\S]*?<\/definedName>|<definedName\b[^>]*\/>/g;

export type DefinedNames = { block: string; sheets: string[] };

const sheetNames = (workbookXml: string): string[] => elements(workbookXml, 'sheet').map((s) => s.name ?? '');

export function takeDefinedNames(workbookXml: string): { xml: string; definedNames?: DefinedNames } {
  const found = BLOCK.exec(workbookXml);
  if (!found) return { xml: workbookXml };
  return { xml: workbookXml.replace(BLOCK, ''), definedNames: { block: found[0], sheets: sheetNames(workbookXml) } };
}

const PRINT_TITLES = /\sname="_xlnm\.Print_Titles"/;
const scopeOf = (name: string): string | undefined => /\slocalSheetId="(\d+)"/.exec(name)?.[1];

/**
 * The names in place of whatever exceljs wrote, where the file format wants them: after the sheets.
 * Only the print titles exceljs wrote are kept from its own: those of the add-in's sheets (a user's
 * sheet's titles are among the names set aside), each replacing any its sheet had before.
 */
export function putDefinedNames(workbookXml: string, definedNames: DefinedNames | undefined): string {
  if (definedNames === undefined) return workbookXml;
  const now = sheetNames(workbookXml);
  const titles = (BLOCK.exec(workbookXml)?.[0].match(NAME) ?? []).filter((name) => PRINT_TITLES.test(name));
  const titled = new Set(titles.map(scopeOf));
  let block = definedNames.block.replace(NAME, (name) => {
    const scope = /\slocalSheetId="(\d+)"/.exec(name);
    if (!scope) return name;
    const moved = now.indexOf(definedNames.sheets[Number(scope[1])] ?? '');
    if (moved < 0 || (PRINT_TITLES.test(name) && titled.has(String(moved)))) return '';
    return name.replace(scope[0], ` localSheetId="${moved}"`);
  });
  if (titles.length > 0) block = block.endsWith('/>') ? `${block.slice(0, -2)}>${titles.join('')}</definedNames>` : block.replace(/<\/definedNames>$/, `${titles.join('')}</definedNames>`);
  return workbookXml.replace(BLOCK, '').replace(/<\/sheets>/, `</sheets>${block}`);
}
