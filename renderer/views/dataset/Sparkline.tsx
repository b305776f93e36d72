import { sparklineBars, type SparklineData } from './sparkline.ts';

const width = 80;
const height = 18;

/** A small bar chart of a column's shape; its <title> says the same in words. */
export function Sparkline({ data }: { data: SparklineData }) {
  return (
    <svg
      className="sparkline"
      role="img"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <title>{data.description}</title>
      {sparklineBars(data.counts, width, height).map((bar, i) => (
        <rect key={i} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
      ))}
    </svg>
  );
}
