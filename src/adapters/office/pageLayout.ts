// A sheet's page setup (layout/pageSetup.ts) through Excel's page layout API
// (ExcelApi 1.9): landscape, one page wide (or two) and as many tall as it takes, the
// repeated rows (and columns) as print titles, the footer, and the manual page breaks. An
// older Excel prints the add-in's sheets with its defaults, and the pane says
// so once.

import { a1, columnLetters } from '../../engine/address';
import { MARGINS, type PageSetup } from '../../layout/pageSetup';
import type { Supports } from './requirements';

export const PAGE_LAYOUT_API = '1.9';

export const NO_PAGE_LAYOUT_NOTE =
  "This version of Excel cannot set how a sheet prints (it needs ExcelApi 1.9: Excel 2021, Microsoft 365 or Excel on the web), so the add-in's sheets print with Excel's defaults; set Page Layout > Orientation and Scale to Fit yourself before printing them.";

/** Queues `setup` on `sheet`; false, with nothing queued, when this Excel has no page layout API. */
export function setPageLayout(sheet: Excel.Worksheet, setup: PageSetup, supports: Supports): boolean {
  if (!supports(PAGE_LAYOUT_API)) return false;
  const page = sheet.pageLayout;
  page.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  // 0 pages tall: as many as the rows need.
  page.zoom = { horizontalFitToPages: setup.pagesWide, verticalFitToPages: 0 };
  page.leftMargin = MARGINS.left;
  page.rightMargin = MARGINS.right;
  page.topMargin = MARGINS.top;
  page.bottomMargin = MARGINS.bottom;
  page.headerMargin = MARGINS.header;
  page.footerMargin = MARGINS.footer;
  page.centerHorizontally = true;
  if (setup.titleRows > 0) page.setPrintTitleRows(`$1:$${setup.titleRows}`);
  if (setup.titleColumns > 0) page.setPrintTitleColumns(`$A:$${columnLetters(setup.titleColumns - 1)}`);
  page.printOrder = setup.pageOrder === 'overThenDown' ? 'OverThenDown' : 'DownThenOver';
  const footer = page.headersFooters.defaultForAllPages;
  footer.leftFooter = setup.footer.left;
  footer.centerFooter = setup.footer.center;
  footer.rightFooter = setup.footer.right;
  sheet.horizontalPageBreaks.removePageBreaks();
  // A break added at a cell starts a new page at that cell's row.
  for (const row of setup.breaks) sheet.horizontalPageBreaks.add(a1(row, 0));
  return true;
}
