import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { binTableRows } from './bin-table.ts';

/** The bins of one column as numbers, each with a button that makes it the cohort. */
export function BinTable({
  column,
  onSelect,
}: {
  column: DriftColumnResult;
  onSelect(cohort: Predicate[]): void;
}) {
  const rows = binTableRows(column);
  if (rows.length === 0) return null;
  return (
    <details className="bin-table" open>
      <summary>Bins as numbers</summary>
      <table className="data-table" aria-label={`Bins of ${column.name}`}>
        <thead>
          <tr>
            <th scope="col">Bin</th>
            <th scope="col" className="number">
              Reference
            </th>
            <th scope="col" className="number">
              Current
            </th>
            <th scope="col" className="number">
              Share change (points)
            </th>
            <th scope="col" className="number">
              Current error rate (95% interval)
            </th>
            <th scope="col">
              <span className="visually-hidden">Cohort</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="column-name">
                {row.label}
              </th>
              <td className="number">{row.reference}</td>
              <td className="number">{row.current}</td>
              <td className="number">{row.change}</td>
              <td className="number">{row.errorRate}</td>
              <td>
                {row.cohort !== null && (
                  <button
                    type="button"
                    className="button-small"
                    onClick={() => row.cohort !== null && onSelect(row.cohort)}
                    aria-label={`Make ${row.label} the cohort`}
                  >
                    Filter
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
