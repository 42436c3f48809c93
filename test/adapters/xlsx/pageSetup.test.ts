// The page setup in the file the command writes: the elements in the order ECMA-376 gives them,
// the sheet's print titles among the workbook's other names, the user's paper size followed,
// and a user's sheet left as it was.

import { openSurgical } from '../../../src/adapters/xlsx/session';
import { pageSetupXml, withPageSetup, withPrintTitles } from '../../../src/adapters/xlsx/pageSetup';
import { readZip } from '../../../src/adapters/exceljs/zip';
import { runPlan } from '../../../src/app/runPlan';
import type { PageSetup } from '../../../src/layout/pageSetup';
import { NOW } from '../../builders';
import { editZip, portfolioWorkbook, toBytes } from '../exceljs/xlsxFixtures';

const SETUP: PageSetup = { orientation: 'landscape', pagesWide: 1, titleColumns: 0, pageOrder: 'downThenOver', titleRows: 2, breaks: [40, 90], footer: { left: '&A', center: 'Run of R&&D', right: 'Page &P of &N' } };
const OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** The names of the worksheet's child elements, in order. */
const children = (xml: string): string[] => {
  const names: string[] = [];
  let depth = 0;
  for (const tag of xml.matchAll(/<(\/?)([\w:]+)[^>]*?(\/?)>/g)) {
    if (tag[1]) depth--;
    else {
      if (depth === 1) names.push(tag[2]!);
      if (!tag[3]) depth++;
    }
  }
  return names;
};

describe('page setup in a worksheet part', () => {
  it('puts fit-to-page in sheetPr and the rest between the highlights and the drawing, in schema order', () => {
    const xml = `${OPEN}<dimension ref="A1"/><sheetData/><conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1</formula><extLst/></cfRule></conditionalFormatting><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/><tableParts count="0"/></worksheet>`;
    const out = withPageSetup(xml, SETUP);
    expect(children(out)).toEqual(['sheetPr', 'dimension', 'sheetData', 'conditionalFormatting', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'drawing', 'tableParts']);
    expect(out).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(out).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(out).toContain('<oddFooter>&amp;L&amp;A&amp;CRun of R&amp;&amp;D&amp;RPage &amp;P of &amp;N</oddFooter>');
    expect(out).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="40" max="16383" man="1"/><brk id="90" max="16383" man="1"/></rowBreaks>');
  });

  it('replaces a page setup it wrote before rather than adding a second, and keeps sheetPr children before pageSetUpPr', () => {
    const xml = `${OPEN}<sheetPr><tabColor rgb="FF00FF00"/></sheetPr><sheetData/>${pageSetupXml({ ...SETUP, breaks: [] })}</worksheet>`;
    const out = withPageSetup(xml, SETUP, 9);
    expect(out.match(/<pageSetup /g)).toHaveLength(1);
    expect(out.match(/<pageMargins /g)).toHaveLength(1);
    expect(out).toContain('<sheetPr><tabColor rgb="FF00FF00"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(out).toContain('<pageSetup paperSize="9" orientation="landscape"');
  });

  it('prints two pages wide across, then down, when the layout says so', () => {
    const out = withPageSetup(`${OPEN}<sheetData/></worksheet>`, { ...SETUP, pagesWide: 2, titleColumns: 1, pageOrder: 'overThenDown' });
    expect(out).toContain('<pageSetup orientation="landscape" fitToWidth="2" fitToHeight="0" pageOrder="overThenDown"/>');
  });
});

describe('print titles in the workbook part', () => {
  const workbook = (names = '') => `<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Change impact" sheetId="2" r:id="rId2"/></sheets>${names}<calcPr/></workbook>`;

  it("adds the sheet's print titles after the sheets, quoting its name", () => {
    expect(withPrintTitles(workbook(), 1, 'Change impact', 2)).toBe(workbook(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$2</definedName></definedNames>`));
  });

  it('names the repeated columns before the repeated rows, as Excel does', () => {
    expect(withPrintTitles(workbook(), 1, 'Change impact', 4, 1)).toBe(workbook(`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$A:$A,'Change impact'!$1:$4</definedName></definedNames>`));
  });

  it("replaces the sheet's own print titles and keeps every other name", () => {
    const names = `<definedNames><definedName name="TaxRate">0.25</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$9</definedName></definedNames>`;
    expect(withPrintTitles(workbook(names), 1, 'Change impact', 2)).toBe(
      workbook(`<definedNames><definedName name="TaxRate">0.25</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Data!$1:$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">'Change impact'!$1:$2</definedName></definedNames>`),
    );
  });
});

describe('the command on a workbook printed on A4', () => {
  it("prints the add-in's sheets on the user's paper and leaves the user's page setup as it was", async () => {
    const userSetup = '<pageSetup paperSize="9" orientation="portrait"/>';
    const bytes = await editZip(await toBytes(portfolioWorkbook()), async (zip) => {
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace(/(<pageMargins[^>]*\/>)/, `$1${userSetup}`));
    });
    const session = await openSurgical(bytes);
    expect((await runPlan(session.port, { now: NOW })).kind).toBe('written');
    const parts = new Map(readZip((await session.save()).bytes).map((e) => [e.name, e.data().toString('utf8')]));
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain(userSetup);
    expect(parts.get('xl/worksheets/sheet1.xml')).not.toContain('fitToPage');
    const ours = [...parts].filter(([name, xml]) => name.startsWith('xl/worksheets/sheet') && xml.includes('fitToPage="1"'));
    expect(ours.length).toBe(3);
    for (const [, xml] of ours) expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="[12]" fitToHeight="0"( pageOrder="overThenDown")?\/>/);
  });
});
