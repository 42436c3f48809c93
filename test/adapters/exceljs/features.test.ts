import ExcelJS from 'exceljs';
import { describeFeatures, inventory, lostFeatures } from '../../../src/adapters/exceljs/features';
import { openXlsx } from '../../../src/adapters/exceljs/xlsxFile';
import { readParts } from '../../../src/adapters/exceljs/xlsxParts';
import { runPlan } from '../../../src/app/runPlan';
import { NOW } from '../../builders';
import { withRichParts } from './richParts';
import { editZip, portfolioWorkbook, toBytes } from './xlsxFixtures';

const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function prioritised(bytes: Buffer) {
  const session = await openXlsx(bytes);
  await runPlan(session.port, { now: NOW });
  return session.save();
}

describe('what a workbook holds that the output may lose', () => {
  it('counts charts, sparklines, pivot tables and macros per sheet', async () => {
    const found = await inventory(await readParts(await withRichParts(await toBytes(portfolioWorkbook()))));
    expect(found).toEqual(
      expect.arrayContaining([
        { feature: 'chart', sheet: 'Portfolio', count: 1 },
        { feature: 'sparkline group', sheet: 'Portfolio', count: 1 },
        { feature: 'pivot table', sheet: 'Portfolio', count: 1 },
        { feature: 'macro project', count: 1 },
      ]),
    );
  });

  it('finds nothing at risk in a workbook of plain tables', async () => {
    expect(await inventory(await readParts(await toBytes(portfolioWorkbook())))).toEqual([]);
  });

  it('reports the chart, sparklines, pivot table and macros the output lost', async () => {
    const { lost } = await prioritised(await withRichParts(await toBytes(portfolioWorkbook())));
    expect(describeFeatures(lost)).toBe('1 chart, 1 pivot table and 1 sparkline group on Portfolio; the VBA macros');
  });

  it('does not report a picture the output keeps', async () => {
    const workbook = portfolioWorkbook();
    const image = workbook.addImage({ buffer: PIXEL_PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    workbook.getWorksheet('Capacity')!.addImage(image, 'F2:G4');
    const bytes = await toBytes(workbook);
    expect(await inventory(await readParts(bytes))).toEqual([{ feature: 'picture', sheet: 'Capacity', count: 1 }]);
    expect((await prioritised(bytes)).lost).toEqual([]);
  });

  it('does not report notes and data validation rules the output keeps', async () => {
    const workbook = portfolioWorkbook();
    const capacity = workbook.getWorksheet('Capacity')!;
    capacity.getCell('B2').note = 'Agreed with the General Counsel';
    capacity.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"weeks,days,FTE"'] };
    const bytes = await toBytes(workbook);
    expect(await inventory(await readParts(bytes))).toEqual([
      { feature: 'data validation rule', sheet: 'Capacity', count: 1 },
      { feature: 'note', sheet: 'Capacity', count: 1 },
    ]);
    expect((await prioritised(bytes)).lost).toEqual([]);
  });

  it('reports the dynamic-array metadata the output lost', async () => {
    const bytes = await editZip(await toBytes(portfolioWorkbook()), (zip) => void zip.file('xl/metadata.xml', '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'));
    expect(describeFeatures((await prioritised(bytes)).lost)).toMatch(/^the marks that make dynamic-array formulas spill/);
  });

  it('compares counts sheet by sheet', () => {
    const before = [{ feature: 'chart' as const, sheet: 'A', count: 3 }, { feature: 'chart' as const, sheet: 'B', count: 1 }];
    expect(lostFeatures(before, [{ feature: 'chart', sheet: 'A', count: 1 }, { feature: 'chart', sheet: 'C', count: 1 }])).toEqual([
      { feature: 'chart', sheet: 'A', count: 2 },
      { feature: 'chart', sheet: 'B', count: 1 },
    ]);
  });
});

describe('describeFeatures', () => {
  it('groups what was lost by sheet, workbook-wide items last', () => {
    expect(
      describeFeatures([
        { feature: 'chart', sheet: 'Dashboard', count: 2 },
        { feature: 'slicer', sheet: 'Dashboard', count: 1 },
        { feature: 'external link', count: 3 },
        { feature: 'chart sheet', sheet: 'Trend', count: 1 },
      ]),
    ).toBe('2 charts and 1 slicer on Dashboard; a chart sheet on Trend; 3 links to other workbooks');
  });
});
