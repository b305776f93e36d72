import { useMemo } from 'react';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { CohortNote } from '../../app/CohortNote.tsx';
import { resultCohort } from '../../app/result-cohort.ts';
import { withCohort } from '../cohorts/cohort-filter.ts';
import { AnalysisStatus } from '../performance/AnalysisStatus.tsx';
import { BinsTable } from './BinsTable.tsx';
import { CalibrationCohortsTable } from './CalibrationCohortsTable.tsx';
import { CalibrationControls } from './CalibrationControls.tsx';
import { calibrationSummaryLines } from './calibration-summary.ts';
import {
  calibrationCohortLines,
  overlaidCohorts,
  type CalibrationCohortLine,
} from './calibration-table-model.ts';
import { rateWords } from './calibration-words.ts';
import { ReliabilityChart } from './charts/ReliabilityChart.tsx';
import { CurveNumbersTable } from './CurveNumbersTable.tsx';
import { useCalibration } from './use-calibration.ts';
import '../performance/performance.css';
import './calibration.css';

/**
 * The Calibration view: can the scores be read as probabilities? The log's reliability diagram
 * (observed positive rate per score bin, with Wilson intervals) beside the reference's and per
 * cohort, the scores' histogram, ECE, MCE and the Brier decomposition, in words and numbers. A
 * cohort's Filter button or curve makes it the active cohort.
 */
export function CalibrationView() {
  const { store } = useApp();
  const state = useCalibration();
  const cohort = useAppState((s) => s.cohort);
  const { sides, result, request } = state;
  const cohorts = useMemo(() => (result ? calibrationCohortLines(result) : []), [result]);
  const overlaid = useMemo(
    () => (result ? overlaidCohorts(result, cohorts) : []),
    [result, cohorts],
  );
  const summary = useMemo(
    () => (result ? calibrationSummaryLines(result, cohort.length > 0) : []),
    [result, cohort.length],
  );

  const status = (
    <AnalysisStatus
      what="calibration"
      purpose="see how well its scores are calibrated"
      state={state}
      done={result !== undefined}
    />
  );
  if (sides === null || state.gaps.length > 0) {
    return <div className="performance-view">{status}</div>;
  }

  const filter = (line: CalibrationCohortLine) => {
    const { predicates } = line.cohort;
    if (predicates === null) return;
    const s = store.getState();
    s.setCohort(withCohort(s.cohort, predicates));
  };
  const by = result?.by[0];
  const bins =
    result === undefined
      ? ''
      : result.strategy === 'uniform'
        ? `${result.bin_count} equal-width bins of [0, 1]`
        : `${result.bin_count} equal-mass bins (each side and cohort at its own quantiles)`;

  return (
    <div
      className="performance-view calibration-view"
      data-result-cohort={resultCohort(request?.where ?? [], result !== undefined)}
    >
      <CalibrationControls sides={sides} by={request?.by[0] ?? null} />
      <CohortNote bothSides={sides.reference !== null} />
      {sides.referenceLeftOut !== null && <p className="muted">{sides.referenceLeftOut}</p>}
      {status}
      {result !== undefined && (
        <>
          <section className="performance-summary" aria-label="Calibration summary">
            {summary.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
          <div className="calibration-main">
            <figure className="performance-chart">
              <figcaption>
                Observed {rateWords(result.outcome)} ({result.outcome.label} ={' '}
                {result.outcome.positive}) per bin of {result.outcome.score}, {bins}, at the
                bin&apos;s mean score, with 95% Wilson intervals; points sized and labelled by rows.
                Below: the scores of every row, positives and negatives stacked.
              </figcaption>
              {result.n > 0 && (
                <ReliabilityChart result={result} cohorts={overlaid} onSelect={filter} />
              )}
            </figure>
            <div className="calibration-side">
              <CurveNumbersTable
                result={result}
                logName={sides.log.name}
                referenceName={sides.reference?.name ?? null}
              />
              {by !== undefined && cohorts.length > 0 && (
                <>
                  <p className="muted hint">
                    A cohort&apos;s Filter button, or a point of its curve, makes it the active
                    cohort: every view then shows it.
                  </p>
                  <CalibrationCohortsTable lines={cohorts} column={by.name} onFilter={filter} />
                </>
              )}
            </div>
          </div>
          {result.bins.length > 0 && (
            <details className="calibration-details" open>
              <summary>The log&apos;s bins as numbers</summary>
              <BinsTable curve={result} label="Reliability bins of the log" />
            </details>
          )}
          {result.reference !== undefined && result.reference.bins.length > 0 && (
            <details className="calibration-details">
              <summary>The reference&apos;s bins as numbers</summary>
              <BinsTable curve={result.reference} label="Reliability bins of the reference" />
            </details>
          )}
        </>
      )}
    </div>
  );
}
