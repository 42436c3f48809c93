// What exceljs cannot read or would damage, carried from the input to the output untouched.

import { putDefinedNames, takeDefinedNames } from '../../../src/adapters/exceljs/definedNames';
import { openXlsx } from '../../../src/adapters/exceljs/xlsxFile';
import { readZip } from '../../../src/adapters/exceljs/zip';
import { runPlan } from '../../../src/app/runPlan';
import { NOW } from '../../builders';
import { withPinnedAddIn } from './richParts';
import { editZip, portfolioWorkbook, toBytes } from './xlsxFixtures';

const NAMES = '<definedNames><definedName name="TotalValue">SUM(Portfolio!$G$4:$G$8)</definedName><definedName name="TaxRate">0.25</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">Capacity!$A$1:$C$3</definedName></definedNames>';

async function prioritise(bytes: Buffer): Promise<Map<string, string>> {
  const session = await openXlsx(bytes);
  expect((await runPlan(session.port, { now: NOW })).kind).toBe('written');
  const { bytes: saved } = await session.save();
  return new Map(readZip(saved).map((e) => [e.name, e.data().toString('utf8')]));
}

const withCalculatedColumn = async () =>
  editZip(await toBytes(portfolioWorkbook()), async (zip) => {
    const xml = await zip.file('xl/tables/table1.xml')!.async('string');
    zip.file('xl/tables/table1.xml', xml.replace(/<tableColumn id="3" name="Owner"([^>]*)\/>/, '<tableColumn id="3" name="Owner"$1><calculatedColumnFormula>PROPER([@Owner])</calculatedColumnFormula></tableColumn>'));
  });

describe('parts of the workbook exceljs cannot handle', () => {
  it('opens a workbook whose table has a calculated column', async () => {
    await expect(openXlsx(await withCalculatedColumn())).resolves.toBeDefined();
  });

  it("keeps the calculated column's formula in the table definition", async () => {
    const parts = await prioritise(await withCalculatedColumn());
    expect(parts.get('xl/tables/table1.xml')).toMatch(/<tableColumn [^>]*name="Owner"[^>]*><calculatedColumnFormula>PROPER\(\[@Owner\]\)<\/calculatedColumnFormula><\/tableColumn>/);
  });

  it('keeps named formulas, named constants and print areas exactly as they were, the print titles of the add-in sheets after them', async () => {
    const bytes = await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
      zip.file('xl/workbook.xml', (await zip.file('xl/workbook.xml')!.async('string')).replace('</sheets>', `</sheets>${NAMES}`));
    });
    const written = (await prioritise(bytes)).get('xl/workbook.xml')!;
    expect(written).toContain(`</sheets>${NAMES.replace('</definedNames>', '')}`);
    expect(written).toMatch(/<definedName name="_xlnm\.Print_Titles" localSheetId="\d+">(?:'|&apos;)Change impact(?:'|&apos;)!\$1:\$2<\/definedName>/);
  });
});

describe('an Office add-in pinned to the workbook', () => {
  it('keeps its task pane parts, linked and typed as they were', async () => {
    const parts = await prioritise(await withPinnedAddIn(await toBytes(portfolioWorkbook())));
    expect(parts.get('xl/webextensions/webextension1.xml')).toContain('Office.AutoShowTaskpaneWithDocument');
    expect(parts.get('xl/webextensions/taskpanes.xml')).toContain('<wetp:taskpane ');
    expect(parts.get('xl/webextensions/_rels/taskpanes.xml.rels')).toContain('Target="webextension1.xml"');
    expect(parts.get('_rels/.rels')).toContain('Target="xl/webextensions/taskpanes.xml"');
    expect(parts.get('[Content_Types].xml')).toContain('<Override PartName="/xl/webextensions/taskpanes.xml"');
  });

  it('is not reported as lost', async () => {
    const session = await openXlsx(await withPinnedAddIn(await toBytes(portfolioWorkbook())));
    await runPlan(session.port, { now: NOW });
    expect((await session.save()).lost).toEqual([]);
  });
});

describe('putDefinedNames', () => {
  const workbook = (sheets: string[]) => `<workbook><sheets>${sheets.map((s, i) => `<sheet name="${s}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><calcPr/></workbook>`;

  it('moves a sheet-scoped name with its sheet when a sheet before it is gone, and drops names of a gone sheet', () => {
    const input = workbook(['Data', 'Trend', 'Summary']).replace(
      '</sheets>',
      '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">Summary!$A$1:$B$9</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">Trend!$A$1</definedName></definedNames>',
    );
    const { definedNames } = takeDefinedNames(input);
    expect(putDefinedNames(workbook(['Data', 'Summary', 'Change impact']), definedNames)).toBe(
      workbook(['Data', 'Summary', 'Change impact']).replace('</sheets>', '</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Summary!$A$1:$B$9</definedName></definedNames>'),
    );
  });

  it('replaces the names exceljs wrote rather than adding a second block', () => {
    const { definedNames } = takeDefinedNames(workbook(['A']).replace('</sheets>', `</sheets>${NAMES}`));
    const written = workbook(['A']).replace('</sheets>', '</sheets><definedNames><definedName name="x">A!$A$1</definedName></definedNames>');
    expect(putDefinedNames(written, definedNames).match(/<definedNames>/g)).toHaveLength(1);
  });

  it("keeps the print titles exceljs wrote for the add-in's sheets among the user's names, in place of the ones those sheets had", () => {
    const sheets = ['Data', 'Change impact'];
    const before = workbook(sheets).replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="TaxRate">0.25</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$9</definedName></definedNames>`,
    );
    const written = workbook(sheets).replace('</sheets>', `</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$2</definedName></definedNames>`);
    expect(putDefinedNames(written, takeDefinedNames(before).definedNames)).toBe(
      workbook(sheets).replace(
        '</sheets>',
        `</sheets><definedNames><definedName name="TaxRate">0.25</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$2</definedName></definedNames>`,
      ),
    );
  });

  it('leaves a workbook without names as exceljs wrote it', () => {
    expect(putDefinedNames(workbook(['A']), takeDefinedNames(workbook(['A'])).definedNames)).toBe(workbook(['A']));
  });
});
