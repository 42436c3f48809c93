// Each team's load before (everything requested starts) and after (the plan),
// as a share of its capacity, drawn with Fluent's own v9 charts. Loaded lazily
// (see TeamLoads.tsx) so the charting code stays out of the pane's first load.
// The chart carries a one-sentence summary; the table beside it is the full
// text alternative.

import { GroupedVerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { TeamLoad } from '../../engine/types';
import { loadSummary } from './loadSummary';

export type TeamLoadChartProps = { loads: TeamLoad[] };

const percent = (share: number | undefined) => Math.round((share ?? 0) * 100);

export default function TeamLoadChart({ loads }: TeamLoadChartProps) {
  const data = loads.map((load) => ({
    name: load.team,
    series: [
      { key: 'before', data: percent(load.utilisationBefore), legend: 'Before', color: tokens.colorNeutralForeground3, yAxisCalloutData: `${percent(load.utilisationBefore)}%` },
      { key: 'after', data: percent(load.utilisationAfter), legend: 'After', color: tokens.colorBrandBackground, yAxisCalloutData: `${percent(load.utilisationAfter)}%` },
    ],
  }));
  // Gridlines every 100%, so "full" is a line the room can see.
  const top = Math.ceil(Math.max(100, ...data.flatMap((d) => d.series.map((s) => s.data))) / 100) * 100;
  return (
    <div role="img" aria-label={loadSummary(loads)}>
      <GroupedVerticalBarChart
        data={data}
        height={200}
        yMaxValue={top}
        yAxisTickCount={Math.min(6, top / 100 + 1)}
        yAxisTickFormat={(v: number) => `${v}%`}
        rotateXAxisLables
        hideTooltip
      />
    </div>
  );
}
