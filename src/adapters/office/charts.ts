// The layout's charts as native Excel charts, so people without the add-in see
// them. A chart is created from its first series' cells, then every series is
// set explicitly (name, ranges, colour) so nothing depends on Excel's guess.
// office.js cannot make a fill transparent (ChartFill sets solid colours only),
// so where the file writer fades a crowded portfolio map's bubbles, bubbles
// drawn here keep their solid colour and get a thin white outline instead:
// overlapping bubbles stay told apart, though their overlap does not deepen.

import { a1 } from '../../engine/address';
import { valueAxisBounds, type ChartSpec, type RangeRef } from '../../layout/grid';
import { AXIS_FORMAT_API, SCREEN_AND_BUBBLE_API, type Supports } from './requirements';

type Series = ChartSpec['series'][number];

const rangeOf = (sheet: Excel.Worksheet, ref: RangeRef) => sheet.getRangeByIndexes(ref.row, ref.column, ref.rows, ref.columns);

/** The white edge (points) that parts overlapping bubbles, in place of the transparency office.js cannot set. */
export const BUBBLE_OUTLINE = { color: '#FFFFFF', weight: 0.75 };

function sourceOf(sheet: Excel.Worksheet, spec: ChartSpec): Excel.Range {
  const first = spec.series[0]!;
  const { x, y, size } = first;
  // x, y and size side by side is the layout Excel reads as one bubble series.
  if (spec.kind === 'bubble' && x && size && y.column === x.column + 1 && size.column === y.column + 1) {
    return sheet.getRangeByIndexes(x.row, x.column, x.rows, 3);
  }
  return rangeOf(sheet, y);
}

function fillSeries(sheet: Excel.Worksheet, series: Excel.ChartSeries, spec: ChartSpec, data: Series, supports: Supports): void {
  series.name = data.name;
  if (spec.kind === 'bubble' && data.x) series.setXAxisValues(rangeOf(sheet, data.x));
  else if (spec.categories) series.setXAxisValues(rangeOf(sheet, spec.categories));
  series.setValues(rangeOf(sheet, data.y));
  if (spec.kind === 'bubble' && data.size) {
    series.setBubbleSizes(rangeOf(sheet, data.size));
    // Below ExcelApi 1.9 the bubbles keep Excel's default size: the fixed axes and outlines still apply.
    if (spec.bubbleScale !== undefined && supports(SCREEN_AND_BUBBLE_API)) series.bubbleScale = spec.bubbleScale;
  }
  if (data.color) series.format.fill.setSolidColor(data.color);
  if (spec.kind === 'bubble') {
    series.format.line.color = BUBBLE_OUTLINE.color;
    series.format.line.weight = BUBBLE_OUTLINE.weight;
  }
}

export function addChart(sheet: Excel.Worksheet, spec: ChartSpec, name: string, supports: Supports): void {
  if (spec.series.length === 0) return;
  const type = spec.kind === 'bubble' ? 'Bubble' : spec.kind === 'stackedColumn' ? 'ColumnStacked' : 'ColumnClustered';
  const chart = sheet.charts.add(type, sourceOf(sheet, spec), 'Columns');
  chart.name = name;
  chart.title.text = spec.title;
  spec.series.forEach((data, i) => fillSeries(sheet, i === 0 ? chart.series.getItemAt(0) : chart.series.add(data.name), spec, data, supports));
  if (spec.xTitle) chart.axes.categoryAxis.title.text = spec.xTitle;
  if (spec.yTitle) chart.axes.valueAxis.title.text = spec.yTitle;
  // A bubble chart's x axis is its category axis in office.js; both are value axes, fixed to the score scale. A column chart's value axis starts at zero.
  const bounds = valueAxisBounds(spec);
  for (const axis of spec.kind === 'bubble' ? [chart.axes.categoryAxis, chart.axes.valueAxis] : [chart.axes.valueAxis]) {
    if (bounds.min !== undefined) axis.minimum = bounds.min;
    if (bounds.max !== undefined) axis.maximum = bounds.max;
  }
  // Excel links the axis to the cells' format already; stated, it stays so in any viewer the workbook is sent to.
  if (spec.yFormat && supports(AXIS_FORMAT_API)) chart.axes.valueAxis.numberFormat = spec.yFormat;
  chart.legend.position = spec.kind === 'bubble' ? 'Right' : 'Top';
  const { row, column, rows, columns } = spec.anchor;
  chart.setPosition(a1(row, column), a1(row + rows - 1, column + columns - 1));
}
