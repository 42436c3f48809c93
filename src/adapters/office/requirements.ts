// Which ExcelApi requirement sets the host supports, asked at run time.
//
// ExcelApi 1.7 is the core (and the manifest's MinVersion): it brings chart
// series from any range (the portfolio map's one series per decision),
// frozen panes and ranges by index. Newer sets only make a run nicer
// (screen updating paused, smaller bubbles, a rerun's Change impact sheet
// staged ahead of the write, the sheets' page layout: pageLayout.ts, a user's
// merged cells over the output columns refused before a write) and are
// used when present.

export type Supports = (version: string) => boolean;

export const CORE_API = '1.7';
/** Application.suspendScreenUpdatingUntilNextSync and ChartSeries.bubbleScale. */
export const SCREEN_AND_BUBBLE_API = '1.9';
/** ChartAxis.numberFormat: a share of capacity's axis reads 250%, not 2.5, wherever the workbook is opened. */
export const AXIS_FORMAT_API = '1.8';
/** Range.copyFrom: a rerun's staged Change impact cells are copied into the existing sheet. */
export const RANGE_COPY_API = '1.9';

/** Range.getMergedAreasOrNullObject: a user's merged block over the output columns is refused before writing. */
export const MERGED_AREAS_API = '1.13';

export const UNSUPPORTED_MESSAGE =
  'This version of Excel is too old for the prioritiser: it needs Excel 2019 or later, Microsoft 365, Excel on the web, or Excel for Mac 16 or later.';

export const officeSupports: Supports = (version) =>
  typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
