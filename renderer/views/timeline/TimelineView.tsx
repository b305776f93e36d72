import { useMemo } from 'react';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { CohortNote } from '../../app/CohortNote.tsx';
import { resultCohort } from '../../app/result-cohort.ts';
import { formatMetric } from '../performance/metric-format.ts';
import { PerformanceControls } from '../performance/PerformanceControls.tsx';
import { PerformanceStatus } from '../performance/PerformanceStatus.tsx';
import { labelInSentence, metricOf, performanceTask } from '../performance/performance-metrics.ts';
import { usePerformance } from '../performance/use-performance.ts';
import { TimelineChart } from './TimelineChart.tsx';
import {
  OVERALL_FOCUS,
  focusBaseline,
  shownFocus,
  timelineFocuses,
  timelinePoints,
} from './timeline-series.ts';
import { timelineSummaryLines } from './timeline-summary.ts';
import { WindowsTable } from './WindowsTable.tsx';
import '../performance/performance.css';

/**
 * The Timeline view: since when. The chosen metric per window of the log's time column, for the
 * whole log or one cohort (the most degraded by default) beside the whole log, with its interval,
 * its baseline and the window from which the primary metric stayed worse.
 */
export function TimelineView() {
  const { store } = useApp();
  const state = usePerformance();
  const choices = useAppState((s) => s.performanceChoices);
  const { sides, table, request } = state;
  const task = table?.task ?? performanceTask(sides?.log.schema.task ?? null);
  const metric = metricOf(task, choices.metric);
  const focuses = useMemo(() => (table ? timelineFocuses(table, metric) : []), [table, metric]);
  const focus = shownFocus(focuses, choices.focus);
  const primary = metricOf(task, table?.primaryMetric ?? null);

  const series = useMemo(() => {
    if (table === undefined || focus === undefined) return null;
    const points = timelinePoints(focus.windows, metric);
    // A cohort that is every row (the active cohort picked it) needs no second line.
    const isOverall = focus.key === OVERALL_FOCUS || focus.row.rows === table.overall.rows;
    const baselineValue = focusBaseline(focus, metric);
    const against = focus.row.delta?.against === 'rest' ? 'rest' : 'reference';
    return {
      focus: { words: focus.words, points },
      overall: isOverall
        ? null
        : { words: 'all rows', points: timelinePoints(table.timeline ?? [], metric) },
      baseline:
        baselineValue === null
          ? null
          : { value: baselineValue, label: `${against} ${formatMetric(baselineValue)}` },
      since:
        focus.since === null
          ? null
          : {
              window: focus.since.window,
              label:
                focus.since.metric === metric.name
                  ? `since ${focus.since.window}`
                  : `${labelInSentence(primary)} worse since ${focus.since.window}`,
            },
      summary: timelineSummaryLines(focus, table, metric, primary),
    };
  }, [table, focus, metric, primary]);

  if (sides === null || state.gaps.length > 0) {
    return (
      <div className="performance-view">
        <PerformanceStatus state={state} />
      </div>
    );
  }

  return (
    <div
      className="performance-view"
      data-result-cohort={resultCohort(request?.where ?? [], table !== undefined)}
    >
      <PerformanceControls sides={sides} by={request?.by ?? []} />
      {focuses.length > 1 && (
        <div className="performance-toolbar">
          <label>
            Show{' '}
            <select
              value={focus?.key ?? OVERALL_FOCUS}
              onChange={(e) => store.getState().choosePerformance({ focus: e.target.value })}
            >
              {focuses.map((f, i) => (
                <option key={f.key} value={f.key}>
                  {f.key === OVERALL_FOCUS ? 'all rows' : f.words}
                  {i === 1 ? ' (most degraded)' : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      <CohortNote bothSides={sides.reference !== null} />
      <PerformanceStatus state={state} />
      {table !== undefined && table.timeline === null && (
        <p className="muted">
          No timeline{table.skipped.length > 0 ? `: ${table.skipped.join('; ')}` : ''}.
        </p>
      )}
      {table !== undefined && table.timeline !== null && series !== null && focus !== undefined && (
        <>
          <section className="performance-summary" aria-label="Timeline summary">
            {series.summary.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
          <figure className="performance-chart">
            <figcaption>
              {metric.label} of {focus.words} per {table.window?.unit ?? 'window'} on{' '}
              {table.window?.column ?? 'the time column'}
              {metric.proportion ? ', band: 95% Wilson interval' : ''}; hollow points are too small
              to judge
            </figcaption>
            <TimelineChart
              metric={metric}
              focus={series.focus}
              overall={series.overall}
              baseline={series.baseline}
              since={series.since}
            />
          </figure>
          <WindowsTable
            points={series.focus.points}
            metric={metric}
            primaryLabel={primary.label}
            words={focus.words}
          />
        </>
      )}
    </div>
  );
}
