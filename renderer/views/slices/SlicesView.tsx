import { useMemo, useState } from 'react';
import { defaultMinSupport } from '../../../shared/analyses/slices/slices-spec.ts';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { resultCohort } from '../../app/result-cohort.ts';
import { formatCount } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { AnalysisStatus } from '../performance/AnalysisStatus.tsx';
import { SlicesChart } from './charts/SlicesChart.tsx';
import { pickSlice } from './slice-cohort.ts';
import { windowWords } from './slice-windows.ts';
import { SlicesControls } from './SlicesControls.tsx';
import { SlicesTable } from './SlicesTable.tsx';
import {
  defaultSliceSort,
  sliceLines,
  sortSliceLines,
  type SliceLine,
} from './slices-table-model.ts';
import { levelsWords, scopeWords, skippedWords, slicesHeadline } from './slices-words.ts';
import { useSlices } from './use-slices.ts';
import '../performance/performance.css';
import './slices.css';

/**
 * The Slices view: where the model errs most. SliceLine's top slices of the log (conjunctions of
 * column values) by score, each with its size, error and interval, lift, and its error in the
 * reference ("broke" or "always hard"); as a headline, a table and a size-against-error chart.
 * A row, a point or a Filter button makes a slice the active cohort, and the list stays.
 */
export function SlicesView() {
  const { store } = useApp();
  const state = useSlices();
  const cohort = useAppState((s) => s.cohort);
  const [sort, setSort] = useState(defaultSliceSort);
  const { sides, result, request, windows } = state;
  const where = useMemo(() => request?.where ?? [], [request]);
  const lines = useMemo(
    () => (result ? sliceLines(result, where, cohort) : []),
    [result, where, cohort],
  );
  const sorted = useMemo(() => sortSliceLines(lines, sort), [lines, sort]);

  const status = (
    <AnalysisStatus
      what="weak slices"
      purpose="find the slices where the model errs most"
      state={state}
      done={result !== undefined}
    />
  );
  if (sides === null || state.gaps.length > 0) {
    return <div className="performance-view">{status}</div>;
  }

  const pick = (line: SliceLine) => pickSlice(store, where, line.slice);
  const active = lines.find((l) => l.active);
  const skipped = result ? skippedWords(result.skipped_columns) : null;

  return (
    <div
      className="performance-view slices-view"
      data-result-cohort={resultCohort(where, result !== undefined)}
    >
      <SlicesControls
        windows={windows}
        defaultMinSupport={result === undefined ? null : defaultMinSupport(result.n)}
      />
      {(where.length > 0 || windows.window !== null) && (
        <p className="cohort-note">
          Searching{windows.window === null ? '' : ` ${windowWords(windows.window)}`}
          {windows.window !== null && request?.reference
            ? ' (each slice compared with the whole reference)'
            : ''}
          {where.length > 0 && (
            <>
              {' '}
              within <strong>{describePredicates(where)}</strong>
              {request?.reference === null ? '' : ', on both sides'}
            </>
          )}
          .
        </p>
      )}
      {sides.referenceLeftOut !== null && <p className="muted">{sides.referenceLeftOut}</p>}
      {status}
      {result !== undefined && (
        <>
          <section className="performance-summary" aria-label="Slices summary">
            <p>{slicesHeadline(result)}</p>
            <p>
              {scopeWords(result)} Slices of up to {result.max_level}{' '}
              {result.max_level === 1 ? 'column' : 'columns'} with at least{' '}
              {formatCount(result.min_support)} rows, scored with alpha {result.alpha}.
            </p>
            {skipped !== null && <p className="muted">{skipped}</p>}
          </section>
          {lines.length > 0 && (
            <div className="slices-main">
              <div className="slices-list">
                <p className="muted hint">
                  Click a slice, a point or a Filter button to make it the active cohort: every view
                  then shows it
                  {windows.window === null ? '' : ' (over the whole log, not only the window)'}.
                  {active !== undefined && ` Now: slice ${active.rank + 1}.`}
                </p>
                <SlicesTable
                  lines={sorted}
                  measure={result.error_measure}
                  withReference={result.slices.some((s) => s.reference !== undefined)}
                  sort={sort}
                  onSort={setSort}
                  onPick={pick}
                />
              </div>
              <figure className="performance-chart">
                <figcaption>
                  Each top slice&apos;s rows against its error
                  {result.error_measure === 'misclassification'
                    ? ' rate, with 95% Wilson intervals'
                    : ''}
                  , numbered by rank
                  {result.slices.some((s) => s.reference !== undefined)
                    ? ' and coloured by how it fared in the reference'
                    : ''}
                  ; the dashed line is the overall error.
                </figcaption>
                <SlicesChart result={result} lines={lines} onSelect={pick} />
              </figure>
            </div>
          )}
          {result.levels.length > 0 && (
            <p className="muted slices-levels">
              How the search went ({levelsWords(result.levels)}).
            </p>
          )}
        </>
      )}
    </div>
  );
}
