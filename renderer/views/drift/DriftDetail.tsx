import type {
  DriftColumnResult,
  DriftResult,
} from '../../../shared/analyses/drift/drift-result.ts';
import { useApp } from '../../app/AppContext.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { BandBadge } from './BandBadge.tsx';
import { BinTable } from './BinTable.tsx';
import { binCohort, narrowCohort } from './bin-cohort.ts';
import { measureRows, sideRows } from './drift-detail-facts.ts';
import { driftHarm } from './drift-harm.ts';
import { DistributionChart } from './charts/DistributionChart.tsx';
import { ErrorByBinChart } from './charts/ErrorByBinChart.tsx';

/**
 * One column's drift in full: why it is flagged, its measures, both sides' summaries, the
 * overlaid distributions and where the current errors fall. Clicking a bin makes it the cohort.
 */
export function DriftDetail({
  result,
  column,
}: {
  result: DriftResult;
  column: DriftColumnResult;
}) {
  const { store } = useApp();
  const harm = driftHarm(column, result.impact);
  const selectCohort = (bin: Predicate[]) => {
    const { cohort, setCohort } = store.getState();
    setCohort(narrowCohort(cohort, column.name, bin));
  };
  const selectBin = (index: number | null, label?: string | number) => {
    const bin = binCohort(column, index, label);
    if (bin !== null) selectCohort(bin);
  };

  return (
    <section className="drift-detail" aria-labelledby="drift-detail-title">
      <h2 id="drift-detail-title">
        {column.name} <BandBadge band={column.band} />
        {harm === 'harmful' && (
          <span className="harm-note">the model errs more where it moved</span>
        )}
        {harm === 'harmless' && (
          <span className="harm-note muted">moved, errors did not follow</span>
        )}
      </h2>
      {column.reason !== '' && <p className="drift-reason">{column.reason}</p>}
      <div className="drift-charts">
        <figure>
          <figcaption>
            Share of values per bin, reference against current
            {column.bins?.mode === 'quantile' ? ' (bins from the reference deciles)' : ''}
          </figcaption>
          <DistributionChart column={column} onSelectBin={(i) => selectBin(i)} />
        </figure>
        {result.impact !== undefined && column.impact !== undefined && column.impact !== null && (
          <figure>
            <figcaption>Current error rate per bin, with 95% Wilson intervals</figcaption>
            <ErrorByBinChart
              column={column}
              impact={result.impact}
              onSelectBin={(i, label) => selectBin(i, label)}
            />
          </figure>
        )}
      </div>
      <p className="muted hint">
        Click a bin (or its Filter button below) to make it the active cohort: every view then shows
        it.
      </p>
      <BinTable column={column} onSelect={selectCohort} />
      <div className="drift-facts">
        <table className="facts-table" aria-label={`Measures of ${column.name}`}>
          <tbody>
            {measureRows(column).map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table
          className="facts-table"
          aria-label={`${column.name} in the reference and current data`}
        >
          <thead>
            <tr>
              <td />
              <th scope="col" className="number">
                reference
              </th>
              <th scope="col" className="number">
                current
              </th>
            </tr>
          </thead>
          <tbody>
            {sideRows(column).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="number">{row.reference}</td>
                <td className="number">{row.current}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
