// Fluent's charts draw with d3, which ships only as ES modules that jest cannot load. The component
// tests get this stand-in (jest.config.js maps the package to it); the browser tests draw the real chart.

type Series = { key: string; data: number; legend: string };

export function GroupedVerticalBarChart({ data }: { data: { name: string; series: Series[] }[] }) {
  return (
    <svg data-testid="grouped-bar-chart">
      {data.map((group) => (
        <g key={group.name}>
          {group.series.map((s) => (
            <rect key={s.key} height={s.data} width={10} />
          ))}
        </g>
      ))}
    </svg>
  );
}
