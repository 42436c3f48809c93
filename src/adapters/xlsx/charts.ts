// The layout's charts as DrawingML parts: one drawing per sheet anchoring each
// chart to its cells, and one chart part per chart whose series point at the
// sheet's cells (with the values cached, so a viewer that does not recalculate
// still draws them). The portfolio map is a bubble chart with one series per
// decision; team utilisation is clustered columns, before and after.

import { columnLetters, qualified } from '../../engine/address';
import { valueAxisBounds, type ChartSpec, type LayoutCell, type RangeRef, type SheetLayout } from '../../layout/grid';
import { escapeXml } from './xml';

const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

const absolute = (sheet: string, ref: RangeRef): string => {
  const from = `$${columnLetters(ref.column)}$${ref.row + 1}`;
  const to = `$${columnLetters(ref.column + ref.columns - 1)}$${ref.row + ref.rows}`;
  return qualified(sheet, `${from}:${to}`);
};

const cellsIn = (layout: SheetLayout, ref: RangeRef): LayoutCell[] => {
  const cells: LayoutCell[] = [];
  for (let r = ref.row; r < ref.row + ref.rows; r++) cells.push(layout.values[r]?.[ref.column] ?? null);
  return cells;
};

function numbers(layout: SheetLayout, ref: RangeRef): string {
  const cells = cellsIn(layout, ref);
  const points = cells.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${escapeXml(absolute(layout.name, ref))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${cells.length}"/>${points}</c:numCache></c:numRef>`;
}

function texts(layout: SheetLayout, ref: RangeRef): string {
  const cells = cellsIn(layout, ref);
  const points = cells.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(String(v ?? ''))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(absolute(layout.name, ref))}</c:f><c:strCache><c:ptCount val="${cells.length}"/>${points}</c:strCache></c:strRef>`;
}

const rich = (text: string): string => `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
const title = (text: string | undefined): string => (text ? `<c:title>${rich(text)}<c:overlay val="0"/></c:title>` : '');
const rgb = (color: string): string => color.replace('#', '').toUpperCase();
const fill = (color: string | undefined): string => (color ? `<c:spPr><a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill></c:spPr>` : '');

/**
 * A bubble's fill at `opacity` (a:alpha, in thousandths of a percent) inside a thin solid outline of the same colour
 * (0.75 pt), so each bubble keeps its edge where bubbles overlap and the overlaps deepen the colour.
 */
function bubbleFill(color: string | undefined, opacity: number | undefined): string {
  if (!color) return '';
  const alpha = opacity === undefined ? '' : `<a:alpha val="${Math.round(opacity * 100000)}"/>`;
  return `<c:spPr><a:solidFill><a:srgbClr val="${rgb(color)}">${alpha}</a:srgbClr></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill></a:ln></c:spPr>`;
}

/** An axis's scaling: fitted to the data where `bounds` leaves an end open (c:max before c:min, as CT_Scaling orders them). */
const scaling = (bounds: Bounds): string =>
  `<c:scaling><c:orientation val="minMax"/>${bounds.max === undefined ? '' : `<c:max val="${bounds.max}"/>`}${bounds.min === undefined ? '' : `<c:min val="${bounds.min}"/>`}</c:scaling>`;

/** An axis's number format: the one stated, else the cells' own (which LibreOffice reads as General). */
const axisFormat = (format: string | undefined): string =>
  format ? `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/>` : '<c:numFmt formatCode="General" sourceLinked="1"/>';

type Bounds = ReturnType<typeof valueAxisBounds>;
type Axis = { title: string | undefined; between: 'between' | 'midCat'; gridlines: boolean; format?: string; bounds: Bounds };

function valueAxis(id: number, cross: number, position: 'b' | 'l', axis: Axis): string {
  const { title: axisTitle, between, gridlines, format, bounds } = axis;
  return (
    `<c:valAx><c:axId val="${id}"/>${scaling(bounds)}<c:delete val="0"/><c:axPos val="${position}"/>` +
    `${gridlines ? '<c:majorGridlines/>' : ''}${title(axisTitle)}${axisFormat(format)}<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="${between}"/></c:valAx>`
  );
}

function bubblePlot(layout: SheetLayout, spec: ChartSpec): string {
  const series = spec.series.map((s, i) => {
    const x = s.x ? `<c:xVal>${numbers(layout, s.x)}</c:xVal>` : '';
    const size = s.size ? `<c:bubbleSize>${numbers(layout, s.size)}</c:bubbleSize>` : '';
    return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${bubbleFill(s.color, spec.fillOpacity)}<c:invertIfNegative val="0"/>${x}<c:yVal>${numbers(layout, s.y)}</c:yVal>${size}<c:bubble3D val="0"/></c:ser>`;
  });
  return (
    `<c:bubbleChart><c:varyColors val="0"/>${series.join('')}<c:bubbleScale val="${spec.bubbleScale ?? 100}"/><c:showNegBubbles val="0"/><c:axId val="501"/><c:axId val="502"/></c:bubbleChart>` +
    valueAxis(501, 502, 'b', { title: spec.xTitle, between: 'midCat', gridlines: false, bounds: valueAxisBounds(spec) }) +
    valueAxis(502, 501, 'l', { title: spec.yTitle, between: 'midCat', gridlines: true, format: spec.yFormat, bounds: valueAxisBounds(spec) })
  );
}

function columnPlot(layout: SheetLayout, spec: ChartSpec): string {
  const categories = spec.categories ? `<c:cat>${texts(layout, spec.categories)}</c:cat>` : '';
  const series = spec.series.map(
    (s, i) => `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${fill(s.color)}<c:invertIfNegative val="0"/>${categories}<c:val>${numbers(layout, s.y)}</c:val></c:ser>`,
  );
  return (
    // Stacked columns need their series to overlap fully, else Excel draws them side by side.
    `<c:barChart><c:barDir val="col"/><c:grouping val="${spec.kind === 'stackedColumn' ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series.join('')}<c:gapWidth val="150"/>${spec.kind === 'stackedColumn' ? '<c:overlap val="100"/>' : ''}<c:axId val="601"/><c:axId val="602"/></c:barChart>` +
    `<c:catAx><c:axId val="601"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${title(spec.xTitle)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="602"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    valueAxis(602, 601, 'l', { title: spec.yTitle, between: 'between', gridlines: true, format: spec.yFormat, bounds: valueAxisBounds(spec) })
  );
}

/** A chart part for `spec`, its series over the cells of `layout`'s sheet. */
export function chartXml(layout: SheetLayout, spec: ChartSpec): string {
  const plot = spec.kind === 'bubble' ? bubblePlot(layout, spec) : columnPlot(layout, spec);
  const legend = spec.kind === 'bubble' ? 'r' : 't';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend><c:legendPos val="${legend}"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part placing each chart over its anchor cells; `chartIds[i]` is the relationship id of chart i. Names as the add-in gives them. */
export function drawingXml(layout: SheetLayout, chartIds: string[]): string {
  const anchors = layout.charts.map((spec, i) => {
    const { row, column, rows, columns } = spec.anchor;
    const marker = (tag: string, c: number, r: number) => `<xdr:${tag}><xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker('from', column, row)}${marker('to', column + columns, row + rows)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`${layout.name} chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="${chartIds[i]}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      `<xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchors.join('')}</xdr:wsDr>`;
}
