import { formatCount } from '../../format/numbers.ts';
import { formatInterval, formatMetric } from '../performance/metric-format.ts';
import type { MetricInfo } from '../performance/performance-metrics.ts';
import type { TimelinePoint } from './timeline-series.ts';

/** What a window's judgement cell says. */
function judgement(p: TimelinePoint): string {
  if (!p.judged) return p.n === 0 ? 'no labels' : 'too small to judge';
  if (p.worse === true) return 'worse';
  return p.worse === false ? 'not worse' : '–';
}

/** The shown timeline as numbers, one row per window. */
export function WindowsTable({
  points,
  metric,
  primaryLabel,
  words,
}: {
  points: readonly TimelinePoint[];
  metric: MetricInfo;
  primaryLabel: string;
  words: string;
}) {
  return (
    <details className="timeline-windows">
      <summary>Windows as numbers</summary>
      <table className="data-table" aria-label={`${metric.label} of ${words} per window`}>
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col" className="number">
              Rows
            </th>
            <th scope="col" className="number">
              Labelled (n)
            </th>
            <th scope="col" className="number">
              {metric.label}
            </th>
            <th scope="col" className="number">
              95% interval
            </th>
            <th scope="col">{primaryLabel} against the baseline</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr
              key={p.window}
              className={!p.judged ? 'window-small' : p.worse === true ? 'window-worse' : undefined}
            >
              <td>{p.window}</td>
              <td className="number">{formatCount(p.rows)}</td>
              <td className="number">{formatCount(p.n)}</td>
              <td className="number">
                {p.judged || p.value === null
                  ? formatMetric(p.value)
                  : `(${formatMetric(p.value)})`}
              </td>
              <td className="number">
                {formatInterval({ value: p.value, low: p.low, high: p.high })}
              </td>
              <td>{judgement(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
