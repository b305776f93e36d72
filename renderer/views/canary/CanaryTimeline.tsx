import type { CanaryResult } from '../../../shared/analyses/canary/canary-result.ts';
import { formatCount } from '../../format/numbers.ts';
import { timelineRows, windowShortLabel } from './canary-timeline.ts';
import { metricWords } from '../../../shared/analyses/canary/canary-words.ts';

const cellClass = {
  pass: 'result-pass',
  FAIL: 'result-fail',
  'not judged': 'result-unjudged',
} as const;

const cellText = { pass: 'pass', FAIL: 'FAIL', 'not judged': 'small' } as const;

/**
 * The checks per window, judged on their own: each window's verdict and score, its rows, and a
 * row per check worth following (those that failed anywhere, and every row's critical checks),
 * so a steady failure reads apart from a burst.
 */
export function CanaryTimeline({ result }: { result: Pick<CanaryResult, 'checks' | 'timeline'> }) {
  const rows = timelineRows(result);
  const { timeline } = result;
  if (rows === null || timeline === undefined) {
    return <p className="muted">The time column has no windows to judge.</p>;
  }
  const { windows, unit } = timeline;
  const label = (window: string) => windowShortLabel(window, unit);
  return (
    <table className="data-table canary-timeline" aria-label="Checks per window">
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Overall</th>
          {windows.map((w) => (
            <th key={w.window} scope="col" title={`the ${unit} of ${w.window}`}>
              {label(w.window)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="timeline-verdicts">
          <th scope="row">Verdict (score)</th>
          <td />
          {windows.map((w) => (
            <td
              key={w.window}
              className={`verdict-cell verdict-${w.verdict.toLowerCase()}`}
              title={w.failing.join('\n') || `${w.verdict}: no check failed`}
            >
              {w.verdict}
              {w.score !== null && <span className="cell-score">{Math.round(w.score)}</span>}
            </td>
          ))}
        </tr>
        <tr className="timeline-rows">
          <th scope="row">Rows (baseline · canary)</th>
          <td />
          {windows.map((w) => (
            <td key={w.window} className="muted">
              {formatCount(w.rows.baseline)} · {formatCount(w.rows.canary)}
            </td>
          ))}
        </tr>
        {rows.map((row) => (
          <tr key={row.key} data-check={row.key}>
            <th scope="row">
              {row.segment === 'all' ? 'all rows' : row.segment} · {metricWords[row.metric]}
              {row.critical && <span className="critical-mark">critical</span>}
            </th>
            <td className={row.overall === null ? undefined : cellClass[row.overall]}>
              {row.overall === null ? '–' : cellText[row.overall]}
            </td>
            {row.cells.map((cell) => (
              <td
                key={cell.window}
                className={cell.result === null ? 'result-none' : cellClass[cell.result]}
                title={cell.check?.reason ?? `no ${metricWords[row.metric]} check in this window`}
              >
                {cell.result === null ? '–' : cellText[cell.result]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
