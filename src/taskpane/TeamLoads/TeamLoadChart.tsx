// Each team's load before (everything requested starts) and after (the plan),
// as a share of its capacity, drawn with Fluent's own v9 charts. Loaded lazily
// (see TeamLoads.tsx) so the charting code stays out of the pane's first load.
//
// A picture, not a control: the chart's bars, legend and focus guards are made
// inert (no tab stops, nothing for a screen reader to wander through), and the
// whole reads as one image whose name is the one-sentence summary. The table
// beside it is the full text alternative.

import { HorizontalBarChartWithAxis, type HorizontalBarChartWithAxisDataPoint } from '@fluentui/react-charts';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState } from 'react';
import type { TeamLoad } from '../../engine/types';
import { loadSummary } from './loadSummary';

export type TeamLoadChartProps = { loads: TeamLoad[] };

const BEFORE = tokens.colorNeutralForeground3;
// The compound brand colour stays apart from the grey in every theme (cyan beside white in high contrast).
const AFTER = tokens.colorCompoundBrandBackground;

// Each team a row: its name at the left in full (up to NAME_CHARS), its before and after bars side by side.
const ROW = 24;
const AXIS = 36;
const BAR = 9;
const NAME_CHARS = 18;

const useStyles = makeStyles({
  legend: { display: 'flex', columnGap: tokens.spacingHorizontalL, alignItems: 'center' },
  key: { display: 'inline-flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
  swatch: { width: '12px', height: '12px', boxSizing: 'border-box', border: '6px solid' },
  // The chart draws its axis text at 10 px, too small to read on a projector: the pane's smallest text (12 px) instead.
  // The box itself carries the names' font, so the pane can measure them in it.
  axes: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, '& svg text': { fontSize: tokens.fontSizeBase200 } },
});

// What the chart adds to its longest name: the tick, its padding and a little air.
const NAME_GAP = 20;
// The chart's own right margin, kept when the end label's half fits in it; else that half and a little air.
const MIN_RIGHT = 20;
const END_GAP = 4;

const tickLabel = (share: number) => `${share}%`;

/**
 * The shares the axis labels, from 0% to `top` (a whole hundred). At 320 px the bars have about 115 px, room for
 * three 12 px labels: 0%, the capacity line (100%) and the end; 0% gives way when the end is 400% or more.
 */
export function axisTicks(top: number): number[] {
  if (top <= 200) return Array.from({ length: top / 100 + 1 }, (_, i) => i * 100);
  return top < 400 ? [0, 100, top] : [100, top];
}

/** The widest of the names in a CSS font; undefined where there is no canvas to measure with (jsdom). */
function widest(names: string[], font: string): number | undefined {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return undefined;
  context.font = font;
  return Math.max(0, ...names.map((name) => context.measureText(name).width));
}

/** A long team name is cut short here; the table below names it in full. */
const shortName = (team: string) => (team.length > NAME_CHARS ? `${team.slice(0, NAME_CHARS - 1).trimEnd()}…` : team);

const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);

export default function TeamLoadChart({ loads }: TeamLoadChartProps) {
  const styles = useStyles();
  // Fluent's v9 charts have no grouped horizontal bars: the teams sit on a numeric y axis, one
  // tick a team (the first at the top), and its two bars either side of the tick.
  const n = loads.length;
  const row = (i: number) => n - i;
  const data: HorizontalBarChartWithAxisDataPoint[] = loads.flatMap((load, i) => [
    { y: row(i) + 0.2, x: percent(load.utilisationBefore), legend: 'Before', color: BEFORE },
    { y: row(i) - 0.2, x: percent(load.utilisationAfter), legend: 'After', color: AFTER },
  ]);
  const top = Math.ceil(Math.max(100, ...data.map((d) => d.x)) / 100) * 100;
  const ticks = axisTicks(top);
  const height = n * ROW + AXIS;
  // The chart sizes the names' column before its text is styled, as if at 10 px, so at 12 px the longest name ran
  // off the left edge: the names are measured here, in the box's font, and the column given that width.
  const box = useRef<HTMLDivElement>(null);
  const [names, setNames] = useState<number>();
  // The last tick's label is centred on the axis end: half of it stands in the right margin, which the chart makes
  // 20 px, so a wide one ("1800%" when a team is far over its capacity) ran past the pane's edge.
  const [end, setEnd] = useState<number>();
  const labels = loads.map((load) => shortName(load.team)).join('\n');
  const endLabel = tickLabel(top);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    // React 18 does not know the inert attribute: set it on the element itself.
    element.setAttribute('inert', '');
    const style = getComputedStyle(element);
    const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    setNames(widest(labels.split('\n'), font));
    setEnd(widest([endLabel], font));
  }, [labels, endLabel]);
  return (
    <div role="img" aria-label={loadSummary(loads)}>
      <div className={styles.legend}>
        <Caption1 className={styles.key}>
          <span className={styles.swatch} style={{ borderColor: BEFORE }} />
          Before
        </Caption1>
        <Caption1 className={styles.key}>
          <span className={styles.swatch} style={{ borderColor: AFTER }} />
          After
        </Caption1>
      </div>
      <div ref={box} className={styles.axes} style={{ height }}>
        <HorizontalBarChartWithAxis
          data={data}
          height={height}
          margins={{
            top: 0,
            ...(names === undefined ? {} : { left: Math.ceil(names) + NAME_GAP }),
            ...(end === undefined ? {} : { right: Math.max(MIN_RIGHT, Math.ceil(end / 2) + END_GAP) }),
          }}
          barHeight={BAR}
          yMinValue={0.5}
          yMaxValue={n + 0.5}
          yAxisTickValues={loads.map((_, i) => row(i))}
          yAxisTickFormat={(v: number) => shortName(loads[n - Math.round(v)]?.team ?? '')}
          showYAxisLables
          // The axis runs to the last tick, so that tick's label stays inside the chart when no bar reaches it.
          xMaxValue={top}
          tickValues={ticks}
          tickFormat={(v: number | Date) => tickLabel(Number(v))}
          hideLegend
          hideTooltip
          hideLabels
        />
      </div>
    </div>
  );
}
