import { useMemo, useState } from 'react';
import { rankDriftColumns } from '../../../shared/analyses/drift/drift-impact.ts';
import { AnalysisPending } from '../../app/AnalysisPending.tsx';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { CohortNote } from '../../app/CohortNote.tsx';
import { resultCohort } from '../../app/result-cohort.ts';
import { useCachedAnalysis } from '../../app/use-cached-analysis.ts';
import { WindowSelect } from '../../app/WindowSelect.tsx';
import { DriftDetail } from './DriftDetail.tsx';
import { driftRequestOf, type DriftWindowChoice } from './drift-request.ts';
import { DriftSummary } from './DriftSummary.tsx';
import { DriftTable } from './DriftTable.tsx';
import {
  bandFilterValues,
  bandCounts,
  defaultSort,
  filterByBand,
  sortDriftColumns,
  type BandFilterValue,
} from './drift-table-model.ts';
import { DriftTimeline } from './DriftTimeline.tsx';

/**
 * The Drift view: what changed in the inputs (and the model's outputs), since when, and whether
 * it coincides with the errors; computed for the open reference and current datasets within
 * the active cohort, cached per request.
 */
export function DriftView() {
  const { store } = useApp();
  const [window, setWindow] = useState<DriftWindowChoice>('auto');
  const [sort, setSort] = useState(defaultSort);
  const [shownBands, setShownBands] = useState<ReadonlySet<BandFilterValue>>(
    () => new Set(bandFilterValues),
  );
  // A finding's "Evidence in Drift" names the column to show first.
  const [selected, setSelected] = useState<string | null>(() => store.getState().evidenceColumn);

  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const request = useMemo(
    () => driftRequestOf({ datasets, overrides, cohort }, window),
    [datasets, overrides, cohort, window],
  );
  const { result, ended, retry } = useCachedAnalysis('drift', request);

  const rows = useMemo(
    () =>
      result
        ? sortDriftColumns(rankDriftColumns(filterByBand(result.columns, shownBands)), sort)
        : [],
    [result, shownBands, sort],
  );
  const counts = useMemo(() => (result ? bandCounts(result.columns) : null), [result]);
  const shownColumn =
    result?.columns.find((c) => c.name === selected) ?? rows[0] ?? result?.columns[0];

  if (request === null) {
    return <p className="muted">Open a reference and a current dataset to compare them.</p>;
  }

  const toggleBand = (band: BandFilterValue) =>
    setShownBands((shown) => {
      const next = new Set(shown);
      if (next.has(band)) next.delete(band);
      else next.add(band);
      return next;
    });

  return (
    <div
      className="drift-view"
      data-result-cohort={resultCohort(request.where, result !== undefined)}
    >
      <div className="drift-toolbar">
        <WindowSelect label="Timeline window" value={window} onChange={setWindow} />
        {counts !== null && (
          <fieldset className="band-filter">
            <legend>Show bands</legend>
            {bandFilterValues
              .filter((b) => b !== 'none' || counts.none > 0)
              .map((band) => (
                <label key={band} className={`band-toggle band-${band}`}>
                  <input
                    type="checkbox"
                    checked={shownBands.has(band)}
                    onChange={() => toggleBand(band)}
                  />
                  {band === 'none' ? 'no PSI' : band} ({counts[band]})
                </label>
              ))}
          </fieldset>
        )}
      </div>
      <CohortNote bothSides />
      {result === undefined ? (
        <AnalysisPending
          what="drift"
          work="comparison"
          className="drift-pending"
          ended={ended}
          onRetry={retry}
        />
      ) : (
        <>
          <DriftSummary result={result} />
          <DriftTable
            columns={rows}
            impact={result.impact}
            withSince={result.timeline !== undefined}
            sort={sort}
            onSort={setSort}
            selected={shownColumn?.name ?? null}
            onSelect={setSelected}
          />
          {result.timeline !== undefined && (
            <DriftTimeline
              result={result}
              columns={rows.map((c) => c.name)}
              selected={shownColumn?.name ?? null}
              onSelect={setSelected}
            />
          )}
          {shownColumn !== undefined && <DriftDetail result={result} column={shownColumn} />}
        </>
      )}
    </div>
  );
}
