import type { CalibrationResult } from '../../../shared/analyses/calibration/calibration-result.ts';
import { formatCount } from '../../format/numbers.ts';
import { formatDelta, formatMetric } from '../performance/metric-format.ts';
import { curveNumberRows, type CurveNumberRow } from './calibration-table-model.ts';

function value(row: CurveNumberRow, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  if (row.kind === 'count') return formatCount(v);
  return row.kind === 'signed' ? formatDelta(v) : formatMetric(v);
}

/** ECE, MCE and the Brier score with its decomposition, the log's beside the reference's. */
export function CurveNumbersTable({
  result,
  logName,
  referenceName,
}: {
  result: CalibrationResult;
  logName: string;
  /** The reference's file name; null without a reference curve. */
  referenceName: string | null;
}) {
  const rows = curveNumberRows(result);
  const hasReference = result.reference !== undefined;
  return (
    <table className="data-table calibration-numbers" aria-label="Calibration numbers">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Measure</span>
          </th>
          <th scope="col" className="number">
            Log <span className="side-name">{logName}</span>
          </th>
          {hasReference && (
            <th scope="col" className="number">
              Reference <span className="side-name">{referenceName}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-measure={row.key} className={`measure-${row.key}`}>
            <th scope="row" title={row.title}>
              {row.label}
            </th>
            <td className="number" data-side="log">
              {value(row, row.log)}
            </td>
            {hasReference && (
              <td className="number" data-side="reference">
                {value(row, row.reference)}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
