// Fluent's charts draw with d3, which ships only as ES modules that jest cannot load. The component
// tests get this stand-in (jest.config.js maps the package to it); the browser tests draw the real chart.

type Point = { x: number; y: number | string; legend?: string };

export function HorizontalBarChartWithAxis({ data }: { data: Point[] }) {
  return (
    <svg data-testid="horizontal-bar-chart">
      {data.map((point, i) => (
        <rect key={i} width={point.x} height={10} />
      ))}
    </svg>
  );
}
