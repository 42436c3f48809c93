import { generatePortfolio } from '../../../bench/generate';
import { chartXml } from '../../../src/adapters/xlsx/charts';
import { prioritise } from '../../../src/engine/plan';
import { changeImpactSheet } from '../../../src/layout/changeImpactSheet';
import { NOW } from '../../builders';

/** The Change impact sheet of a generated portfolio of `count` initiatives, and its portfolio map's chart part. */
function portfolioMap(count: number) {
  const g = generatePortfolio(count, 7);
  const plan = prioritise({ initiatives: g.initiatives, capacity: g.capacity, settings: g.settings }, { now: NOW });
  const sheet = changeImpactSheet(plan);
  const spec = sheet.charts.find((c) => c.kind === 'bubble')!;
  return { plan, spec, xml: chartXml(sheet, spec) };
}

describe("the portfolio map's chart part", () => {
  it.each([
    [25, 30, 75000],
    [500, 14, 48000],
  ])('at %i initiatives draws bubbles at %i%% of the default size, their fills at alpha %i', (count, scale, alpha) => {
    const { xml } = portfolioMap(count);
    expect(xml).toContain(`<c:bubbleScale val="${scale}"/>`);
    const fills = [...xml.matchAll(/<c:ser>.*?<c:spPr>(.*?)<\/c:spPr>/g)].map((m) => m[1]);
    expect(fills.length).toBeGreaterThan(1);
    for (const fill of fills) expect(fill).toMatch(new RegExp(`^<a:solidFill><a:srgbClr val="([0-9A-F]{6})"><a:alpha val="${alpha}"/></a:srgbClr></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="\\1"/></a:solidFill></a:ln>$`));
  });

  it('keeps every scored initiative among its points, with no data labels, both axes fixed to the 0-100 score scale', () => {
    const { plan, xml } = portfolioMap(500);
    const counts = (tag: string) => [...xml.matchAll(new RegExp(`<c:${tag}><c:numRef>.*?<c:ptCount val="(\\d+)"/>`, 'g'))].reduce((sum, m) => sum + Number(m[1]), 0);
    const scored = plan.entries.filter((e) => e.scores).length;
    expect([counts('xVal'), counts('yVal'), counts('bubbleSize')]).toEqual([scored, scored, scored]);
    expect(xml).not.toContain('<c:dLbls>');
    const scalings = [...xml.matchAll(/<c:valAx><c:axId val="\d+"\/>(<c:scaling>.*?<\/c:scaling>)/g)].map((m) => m[1]);
    expect(scalings).toEqual(Array(2).fill('<c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>'));
  });
});

describe('the column charts\' parts', () => {
  it('start the value axis at zero and leave its top to the viewer, so a bar twice as tall is twice the value', () => {
    const g = generatePortfolio(25, 7);
    const sheet = changeImpactSheet(prioritise({ initiatives: g.initiatives, capacity: g.capacity, settings: g.settings }, { now: NOW }));
    const columns = sheet.charts.filter((c) => c.kind !== 'bubble');
    expect(columns.length).toBeGreaterThan(0);
    for (const spec of columns) {
      expect(chartXml(sheet, spec)).toMatch(/<c:valAx><c:axId val="\d+"\/><c:scaling><c:orientation val="minMax"\/><c:min val="0"\/><\/c:scaling>/);
    }
  });
});
