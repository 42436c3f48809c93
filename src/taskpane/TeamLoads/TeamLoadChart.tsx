// Each team's load before (everything requested starts) and after (the plan),
// as a share of its capacity, drawn with Fluent's own v9 charts. Loaded lazily
// (see TeamLoads.tsx) so the charting code stays out of the pane's first load.
//
// A picture, not a control: the chart's bars, legend and focus guards are made
// inert (no tab stops, nothing for a screen reader to wander through), and the
// whole reads as one image whose name is the one-sentence summary. The table
// beside it is the full text alternative.

import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamLoad } from '../../engine/types';
import { loadSummary } from './loadSummary';

export type TeamLoadChartProps = { loads: TeamLoad[] };

const BEFORE = tokens.colorNeutralForeground3;
// The compound brand colour stays apart from the grey in every theme (cyan beside white in high contrast).
const AFTER = tokens.colorCompoundBrandBackground;

const PLOT_HEIGHT = 160;

const useStyles = makeStyles({
  legend: { display: 'flex', columnGap: tokens.spacingHorizontalL, alignItems: 'center' },
  key: { display: 'inline-flex', columnGap: tokens.spacingHorizontalXS, alignItems: 'center' },
  // The chart fills its container's height (350 px when the container has none): a fixed one keeps it, with the
  // glance above, on the pane's first screen at 320 x 700.
  plot: { height: `${PLOT_HEIGHT}px` },
  // Swatches drawn with a border, not a fill, so they keep their colour when the page's backgrounds are forced.
  swatch: { width: '12px', height: '12px', boxSizing: 'border-box', border: '6px solid' },
});

const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);

/** React 18 does not know the inert attribute: set it on the element itself. */
const makeInert = (element: HTMLElement | null) => element?.setAttribute('inert', '');

export default function TeamLoadChart({ loads }: TeamLoadChartProps) {
  const styles = useStyles();
  const data = loads.map((load) => ({
    name: load.team,
    series: [
      { key: 'before', data: percent(load.utilisationBefore), legend: 'Before', color: BEFORE },
      { key: 'after', data: percent(load.utilisationAfter), legend: 'After', color: AFTER },
    ],
  }));
  // A gridline every 100%, so "full" is a line the room can see.
  const top = Math.ceil(Math.max(100, ...data.flatMap((d) => d.series.map((s) => s.data))) / 100) * 100;
  const ticks = Array.from({ length: top / 100 + 1 }, (_, i) => i * 100);
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
      <div ref={makeInert} className={styles.plot}>
        <GroupedVerticalBarChart
          data={data}
          height={PLOT_HEIGHT}
          yMaxValue={top}
          yAxisTickValues={ticks}
          yAxisTickFormat={(v: number) => `${v}%`}
          wrapXAxisLables
          hideTickOverlap={false}
          hideLegend
          hideTooltip
        />
      </div>
    </div>
  );
}
