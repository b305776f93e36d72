import { useEffect, useMemo, useState } from 'react';
import { rankDriftColumns } from '../../../shared/analyses/drift/drift-impact.ts';
import type { DriftResult } from '../../../shared/analyses/drift/drift-result.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { DRIFT_VIEW, requestKey } from '../../engine/session.ts';
import type { DriftRequest } from '../../engine/worker-protocol.ts';
import { describePredicates } from '../../format/predicates.ts';
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

const windowChoices: readonly DriftWindowChoice[] = ['auto', 'day', 'week', 'month'];

/**
 * The Drift view: what changed in the inputs (and the model's outputs), since when, and whether
 * it coincides with the errors; computed for the open reference and current datasets within
 * the active cohort, cached per request.
 */
export function DriftView() {
  const { session } = useApp();
  const [window, setWindow] = useState<DriftWindowChoice>('auto');
  const [sort, setSort] = useState(defaultSort);
  const [shownBands, setShownBands] = useState<ReadonlySet<BandFilterValue>>(
    () => new Set(bandFilterValues),
  );
  const [selected, setSelected] = useState<string | null>(null);

  const datasets = useAppState((s) => s.datasets);
  const overrides = useAppState((s) => s.overrides);
  const cohort = useAppState((s) => s.cohort);
  const request = useMemo(
    () => driftRequestOf({ datasets, overrides, cohort }, window),
    [datasets, overrides, cohort, window],
  );
  const key = request === null ? null : requestKey(request);
  const entry = useAppState((s) => (key === null ? undefined : s.viewResults[DRIFT_VIEW]?.[key]));
  const result = entry?.result as DriftResult | undefined;
  // The request whose job ended without a result (failed or cancelled): offer to run it again.
  const [endedKey, setEndedKey] = useState<string | null>(null);

  const run = (r: DriftRequest) => {
    setEndedKey(null);
    void session.drift(r).then(() => setEndedKey(requestKey(r)));
  };
  const missing = request !== null && entry === undefined;
  useEffect(() => {
    if (request !== null && missing) run(request);
    // `key` stands for the request: the same key is the same request.
  }, [key, missing]);

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
    <div className="drift-view">
      <div className="drift-toolbar">
        <label>
          Timeline window{' '}
          <select value={window} onChange={(e) => setWindow(e.target.value as DriftWindowChoice)}>
            {windowChoices.map((w) => (
              <option key={w} value={w}>
                {w === 'auto' ? 'auto (from the span)' : w}
              </option>
            ))}
          </select>
        </label>
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
      {cohort.length > 0 && (
        <p className="cohort-note">
          Within the cohort <strong>{describePredicates(cohort)}</strong>, on both sides.
        </p>
      )}
      {result === undefined ? (
        <div className="drift-pending">
          {endedKey === key ? (
            <>
              <p>No drift result: the comparison failed or was cancelled (see above).</p>
              <button type="button" className="button-small" onClick={() => run(request)}>
                Run again
              </button>
            </>
          ) : (
            <p className="muted">Measuring drift… (progress and cancel in the job bar)</p>
          )}
        </div>
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
