// The page setup every sheet of the add-in's carries: repeated rows, page breaks only where a
// section starts and never through a chart, a footer naming the sheet, the run and the page.

import fc from 'fast-check';
import { SheetBuilder, type ChartSpec } from '../../src/layout/grid';
import { footerText, printScale, SMALLEST_SCALE } from '../../src/layout/pageSetup';

/** A sheet of `sections` (rows each) under a title and a note, with optional charts beside it. */
function sheet(sections: number[], charts: ChartSpec['anchor'][] = [], runAt?: string, freeze = 0) {
  const s = new SheetBuilder(3);
  if (runAt) s.runAt = runAt;
  s.row(['Title'], [], 'title');
  s.row(['Made by the add-in'], [], 'note');
  s.blank();
  const starts: number[] = [];
  for (const rows of sections) {
    starts.push(s.row(['Section'], [], 'section'));
    s.row(['A', 'B', 'C'], [], 'header');
    for (let i = 0; i < rows; i++) s.row(['x', i, 'y']);
    s.blank();
  }
  for (const anchor of charts) s.charts.push({ kind: 'clusteredColumn', title: 'Chart', anchor, series: [{ name: 'S', y: { row: 0, column: 1, rows: 1, columns: 1 } }] });
  return { layout: s.build('Sheet', [30, 20, 40], freeze), starts };
}

describe('the page setup of an add-in sheet', () => {
  it('prints landscape, one page wide, the title and note on every page, with a footer of sheet, run and page', () => {
    const { layout } = sheet([5], [], '2026-11-23T10:00:00.000Z');
    expect(layout.pageSetup).toEqual({
      orientation: 'landscape',
      pagesWide: 1,
      titleColumns: 0,
      pageOrder: 'downThenOver',
      titleRows: 2,
      breaks: [],
      footer: { left: '&A', center: 'Run of 2026-11-23 10:00 UTC', right: 'Page &P of &N' },
    });
  });

  it('repeats the frozen header rows of a sheet-wide table, and names the print date when no run made it', () => {
    const { layout } = sheet([5], [], undefined, 4);
    expect(layout.pageSetup?.titleRows).toBe(4);
    expect(layout.pageSetup?.footer.center).toBe('Printed &D &T');
  });

  it('repeats only the title and note when other sections follow the frozen table, whose header would head their rows', () => {
    // The Roadmap: its timeline's header is frozen, and the team loads and their chart print on the pages after it.
    const s = new SheetBuilder(3);
    s.row(['Title'], [], 'title');
    s.row(['Made by the add-in'], [], 'note');
    s.blank();
    s.row(['Timeline'], [], 'section');
    const header = s.row(['Priority', 'Initiative', 'H1'], [], 'header');
    for (let i = 0; i < 30; i++) s.row([i + 1, 'x', 1]);
    s.blank();
    s.row(['Team load'], [], 'section');
    s.row(['Team', 'Capacity', 'Demand'], [], 'header');
    for (let i = 0; i < 40; i++) s.row(['Legal', 10, i]);
    const layout = s.build('Roadmap', [10, 30, 10], header + 1);
    expect(layout.freezeRows).toBe(header + 1);
    expect(layout.pageSetup?.titleRows).toBe(2);
  });

  it('doubles an & in footer text, which Excel would read as a code', () => {
    expect(footerText('R&D')).toBe('R&&D');
  });

  it('starts a section on a new page when it would otherwise split, and breaks nowhere else', () => {
    const { layout, starts } = sheet([20, 20, 20]);
    expect(layout.pageSetup?.breaks.length).toBeGreaterThan(0);
    for (const b of layout.pageSetup!.breaks) expect(starts).toContain(b);
  });

  it('leaves a sheet that fits on one page unbroken, and a sample sheet without a page setup', () => {
    expect(sheet([3, 3]).layout.pageSetup?.breaks).toEqual([]);
    expect(new SheetBuilder(1).build('Portfolio', [10], 1, false).pageSetup).toBeUndefined();
  });

  it('shrinks a sheet wider than the page, charts beside it included', () => {
    expect(printScale({ widths: [10], charts: [], values: [] })).toBe(1);
    const wide = printScale({ widths: [30, 30, 30, 30, 30, 30, 30], charts: [], values: [] });
    expect(wide).toBeLessThan(1);
    const anchor = { row: 0, column: 8, rows: 10, columns: 8 };
    expect(printScale({ widths: [30, 30, 30, 30, 30, 30, 30], charts: [{ kind: 'bubble', title: '', anchor, series: [] }], values: [] })).toBeLessThan(wide);
  });

  it('prints a sheet of columns too many to read at one page wide two pages wide, its first column on each, across then down', () => {
    // The Decision log's 20 columns printed at 52% of full size one page wide.
    const widths = [17, 10, 14, 12, 10, 14, 9, 10, 8, 8, 11, 11, 14, 14, 8, 8, 15, 22, 28, 9];
    const s = new SheetBuilder(widths.length);
    s.row(['Log'], [], 'title');
    s.row(widths.map((_, c) => `Header ${c}`), [], 'header');
    const log = s.build('Log', widths, 2);
    expect(printScale(log)).toBeLessThan(SMALLEST_SCALE);
    expect(log.pageSetup).toMatchObject({ pagesWide: 2, titleColumns: 1, pageOrder: 'overThenDown', titleRows: 2 });
    expect(printScale(log, 2, 1)).toBeGreaterThan(0.85);
    // With a chart beside its columns a sheet stays one page wide, so the chart is never cut in two.
    const charted = new SheetBuilder(widths.length);
    charted.row(['Log'], [], 'title');
    charted.charts.push({ kind: 'clusteredColumn', title: 'Chart', anchor: { row: 2, column: 0, rows: 10, columns: 4 }, series: [{ name: 'S', y: { row: 0, column: 1, rows: 1, columns: 1 } }] });
    expect(charted.build('Charted', widths, 0).pageSetup).toMatchObject({ pagesWide: 1, titleColumns: 0, pageOrder: 'downThenOver' });
  });

  it('finds the largest scale at which whole columns fill the pages across, the repeated ones on each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 60 }), { minLength: 1, maxLength: 40 }), (widths) => {
        const sheet = { widths, charts: [], values: [] };
        const one = printScale(sheet);
        const two = printScale(sheet, 2, 1);
        expect(two).toBeGreaterThanOrEqual(one - 1e-9);
        expect(two).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('moves a chart drawn in rows of its own under a table to the next page whole, rather than split it', () => {
    const s = new SheetBuilder(3);
    s.row(['Title'], [], 'title');
    s.row(['Section'], [], 'section');
    s.row(['A', 'B', 'C'], [], 'header');
    for (let i = 0; i < 20; i++) s.row(['x', i, 'y']);
    const chartRow = s.rowCount;
    for (let i = 0; i < 18; i++) s.blank();
    s.charts.push({ kind: 'clusteredColumn', title: 'Chart', anchor: { row: chartRow, column: 0, rows: 18, columns: 3 }, series: [{ name: 'S', y: { row: 3, column: 1, rows: 20, columns: 1 } }] });
    expect(s.build('Sheet', [30, 20, 40], 0).pageSetup?.breaks).toEqual([chartRow]);
  });

  it('never breaks through a chart, only before a section or a chart in empty rows, in order (any sections, any chart)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.record({ row: fc.integer({ min: 0, max: 300 }), rows: fc.integer({ min: 1, max: 40 }) }), { maxLength: 3 }),
        (sections, charts) => {
          const { layout, starts } = sheet(sections, charts.map((c) => ({ ...c, column: 4, columns: 8 })));
          const emptyRows = (c: { row: number; rows: number }) => layout.values.slice(c.row, c.row + c.rows).every((row) => row.every((v) => v === null || v === ''));
          starts.push(...charts.filter(emptyRows).map((c) => c.row));
          const breaks = layout.pageSetup!.breaks;
          expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
          expect(new Set(breaks).size).toBe(breaks.length);
          for (const b of breaks) {
            expect(starts).toContain(b);
            for (const c of charts) expect(b > c.row && b < c.row + c.rows).toBe(false);
          }
        },
      ),
    );
  });
});
