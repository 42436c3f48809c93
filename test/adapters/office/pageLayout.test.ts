// The page layout API (ExcelApi 1.9) on the fake Excel: the add-in's sheets get their page setup;
// an Excel without the API writes the plan all the same and says once that it could not set it.

import { runPlan } from '../../../src/app/runPlan';
import { NO_PAGE_LAYOUT_NOTE } from '../../../src/adapters/office/pageLayout';
import { CHANGE_IMPACT_SHEET, DECISION_LOG_SHEET } from '../../../src/layout/names';
import { NOW, portOn, sampleWorkbook } from './workbooks';

describe('page layout through office.js', () => {
  it('is set on the add-in sheets: landscape, one page wide, print titles, footer and the page breaks of the layout', async () => {
    const fake = sampleWorkbook();
    const result = await runPlan(portOn(fake), { now: NOW });
    if (result.kind !== 'written') throw new Error('not written');
    expect(result.outcome.notes).toBeUndefined();
    const page = fake.model.sheet(CHANGE_IMPACT_SHEET)!.pageLayout;
    expect(page).toMatchObject({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: '$1:$2', centerHorizontally: true });
    expect(page.footer).toEqual({ left: '&A', center: 'Run of 2026-11-23 10:00 UTC', right: 'Page &P of &N' });
    expect(page.breaks).toEqual(result.layout.changeImpact.pageSetup!.breaks);
    expect(fake.model.sheet(DECISION_LOG_SHEET)!.pageLayout.printTitleRows).toBe('$1:$4');
    expect(fake.model.sheet('Portfolio')!.pageLayout.orientation).toBe('Portrait');
  });

  it('is left at Excel defaults below ExcelApi 1.9, and the first run of the session says so, the next not again', async () => {
    const fake = sampleWorkbook();
    const port = portOn(fake, (version) => Number(version) < 1.9);
    const first = await runPlan(port, { now: NOW });
    if (first.kind !== 'written') throw new Error('not written');
    expect(first.outcome.notes).toEqual([NO_PAGE_LAYOUT_NOTE]);
    expect(fake.model.sheet(CHANGE_IMPACT_SHEET)!.pageLayout.orientation).toBe('Portrait');
    const second = await runPlan(port, { now: NOW });
    if (second.kind !== 'written') throw new Error('not written');
    expect(second.outcome.notes).toBeUndefined();
  });
});
