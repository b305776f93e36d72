import type { CalibrationCurve } from '../../../shared/analyses/calibration/calibration-result.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatDelta, formatMetric } from '../performance/metric-format.ts';
import { binLines } from './calibration-table-model.ts';
import { confidenceWords } from './calibration-words.ts';

/**
 * A curve's non-empty bins as numbers: range, rows, mean score, observed rate with its 95%
 * interval, the gap, and a mark where the interval leaves the mean score out.
 */
export function BinsTable({ curve, label }: { curve: CalibrationCurve; label: string }) {
  const lines = binLines(curve);
  if (lines.length === 0) return null;
  return (
    <table className="data-table calibration-bins" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" title="A score on an edge goes to the lower bin">
            Bin
          </th>
          <th scope="col" className="number">
            n
          </th>
          <th scope="col" className="number">
            Positives
          </th>
          <th scope="col" className="number">
            Mean score
          </th>
          <th scope="col" className="number" title="Observed positive rate, 95% Wilson interval">
            Observed [95%]
          </th>
          <th scope="col" className="number" title="Observed − mean score">
            Gap
          </th>
          <th scope="col">Interval</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr
            key={line.bin}
            className={line.confidence === null ? undefined : 'bin-off'}
            data-bin={line.range}
          >
            <th scope="row" className="column-name">
              {line.range}
            </th>
            <td className="number">{formatCount(line.n)}</td>
            <td className="number">{formatCount(line.positives)}</td>
            <td className="number">{formatMetric(line.meanScore)}</td>
            <td className="number">
              {formatMetric(line.observed)}{' '}
              <span className="muted interval">
                [{formatMetric(line.low)}, {formatMetric(line.high)}]
              </span>
            </td>
            <td className="number">{formatDelta(line.gap)}</td>
            <td className="bin-mark">
              {line.confidence === null ? (
                <span className="muted">holds the score</span>
              ) : (
                <strong
                  title={`The 95% interval lies ${line.confidence === 'over' ? 'below' : 'above'} the mean score`}
                >
                  {confidenceWords(line.confidence)}
                </strong>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
