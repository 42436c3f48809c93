// The native charts the add-in asked Excel for, drawn simply from the same
// cells, so a tester sees what recipients of the workbook will see.

import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { getCell, type MemorySheet } from '../../adapters/memory';
import type { ChartSpec, RangeRef } from '../../layout/grid';

export type ChartListProps = { sheet: MemorySheet };

const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, padding: tokens.spacingHorizontalS },
  chart: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, maxWidth: '420px' },
  svg: { backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '9px' },
});

const numbers = (sheet: MemorySheet, range: RangeRef | undefined): number[] =>
  range ? Array.from({ length: range.rows }, (_, i) => Number(getCell(sheet, range.row + i, range.column).value) || 0) : [];
const texts = (sheet: MemorySheet, range: RangeRef | undefined): string[] =>
  range ? Array.from({ length: range.rows }, (_, i) => String(getCell(sheet, range.row + i, range.column).value)) : [];

const W = 400;
const H = 220;
const PAD = 28;

function Columns({ chart, sheet }: { chart: ChartSpec; sheet: MemorySheet }) {
  const styles = useStyles();
  const categories = texts(sheet, chart.categories);
  const series = chart.series.map((s) => ({ ...s, values: numbers(sheet, s.y) }));
  const top = Math.max(1, ...series.flatMap((s) => s.values));
  const band = (W - PAD * 2) / Math.max(1, categories.length);
  const bar = band / (series.length + 1);
  return (
    <>
      <line className={styles.axis} x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
      {categories.map((category, i) => (
        <g key={category}>
          {series.map((s, k) => {
            const height = ((s.values[i] ?? 0) / top) * (H - PAD * 2);
            return <rect key={s.name} x={PAD + i * band + k * bar + bar / 2} y={H - PAD - height} width={bar} height={height} fill={s.color} />;
          })}
          <text className={styles.label} x={PAD + i * band + band / 2} y={H - PAD + 12} textAnchor="middle">
            {category.length > 12 ? `${category.slice(0, 11)}…` : category}
          </text>
        </g>
      ))}
    </>
  );
}

function Bubbles({ chart, sheet }: { chart: ChartSpec; sheet: MemorySheet }) {
  const styles = useStyles();
  const series = chart.series.map((s) => ({ ...s, x: numbers(sheet, s.x), y: numbers(sheet, s.y), size: numbers(sheet, s.size) }));
  const largest = Math.max(1, ...series.flatMap((s) => s.size));
  const px = (x: number) => PAD + (x / 100) * (W - PAD * 2);
  const py = (y: number) => H - PAD - (y / 100) * (H - PAD * 2);
  return (
    <>
      <line className={styles.axis} x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} />
      <line className={styles.axis} x1={PAD} y1={PAD} x2={PAD} y2={H - PAD} />
      {series.flatMap((s) =>
        s.x.map((x, i) => (
          <circle key={`${s.name}-${i}`} cx={px(x)} cy={py(s.y[i] ?? 0)} r={3 + 14 * Math.sqrt((s.size[i] ?? 0) / largest)} fill={s.color} fillOpacity={0.6} />
        )),
      )}
      <text className={styles.label} x={W / 2} y={H - 6} textAnchor="middle">
        {chart.xTitle}
      </text>
    </>
  );
}

export function ChartList({ sheet }: ChartListProps) {
  const styles = useStyles();
  if (sheet.charts.length === 0) return null;
  return (
    <div className={styles.list}>
      {sheet.charts.map((chart) => (
        <figure key={chart.title} className={styles.chart}>
          <Subtitle2 as="h3">{chart.title}</Subtitle2>
          <svg className={styles.svg} width={W} height={H} role="img" aria-label={`${chart.kind === 'bubble' ? 'Bubble' : 'Column'} chart: ${chart.title}`}>
            {chart.kind === 'bubble' ? <Bubbles chart={chart} sheet={sheet} /> : <Columns chart={chart} sheet={sheet} />}
          </svg>
          <Caption1>{chart.series.map((s) => s.name).join(' · ')}</Caption1>
        </figure>
      ))}
    </div>
  );
}
