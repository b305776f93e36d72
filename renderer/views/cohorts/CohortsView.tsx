import { useMemo, useState } from 'react';
import { useApp, useAppState } from '../../app/AppContext.ts';
import { CohortNote } from '../../app/CohortNote.tsx';
import { resultCohort } from '../../app/result-cohort.ts';
import { PerformanceControls } from '../performance/PerformanceControls.tsx';
import { PerformanceStatus } from '../performance/PerformanceStatus.tsx';
import { metricLabel, metricOf, performanceTask } from '../performance/performance-metrics.ts';
import { metricDelta, metricValue } from '../performance/performance-rows.ts';
import { usePerformance } from '../performance/use-performance.ts';
import { CohortBarsChart } from './charts/CohortBarsChart.tsx';
import { CohortHeatmap } from './charts/CohortHeatmap.tsx';
import { withCohort } from './cohort-filter.ts';
import { cohortsSummaryLines } from './cohorts-summary.ts';
import {
  cohortLines,
  defaultCohortSort,
  sortCohortLines,
  type CohortLine,
} from './cohorts-table-model.ts';
import { CohortsTable } from './CohortsTable.tsx';
import '../performance/performance.css';

/**
 * The Cohorts view: who the model is failing. The log's metric per cohort of one or two columns,
 * each against the same cohort in the reference (or the rest of the log), with its interval,
 * q and onset; as words, a chart (bars, or a grid for two columns) and a sortable table. A bar,
 * a cell or a row's Filter button makes that cohort the active cohort.
 */
export function CohortsView() {
  const { store } = useApp();
  const state = usePerformance();
  const choices = useAppState((s) => s.performanceChoices);
  const [sort, setSort] = useState(defaultCohortSort);
  const { sides, table, request } = state;
  const task = table?.task ?? performanceTask(sides?.log.schema.task ?? null);
  const metric = metricOf(task, choices.metric);
  const lines = useMemo(() => (table ? cohortLines(table, metric) : []), [table, metric]);
  const sorted = useMemo(() => sortCohortLines(lines, sort), [lines, sort]);
  // Numeric bins read best from the lowest up, whatever order the table is in.
  const byOrder = useMemo(
    () => sortCohortLines(lines, { key: 'cohort', descending: false }),
    [lines],
  );
  const summary = useMemo(
    () => (table ? cohortsSummaryLines(lines, table, metric) : []),
    [lines, table, metric],
  );

  if (sides === null || state.gaps.length > 0) {
    return (
      <div className="performance-view">
        <PerformanceStatus state={state} />
      </div>
    );
  }

  const filter = (line: CohortLine) => {
    const { predicates } = line.row;
    if (predicates === null) return;
    const s = store.getState();
    s.choosePerformance({ focus: line.key });
    s.setCohort(withCohort(s.cohort, predicates));
  };
  const select = (key: string) => store.getState().choosePerformance({ focus: key });

  const by = table?.by ?? [];
  const [first, second] = by;
  const overallValue = table ? metricValue(table.overall, metric.name) : null;
  const overallBaseline = table
    ? (metricDelta(table.overall, metric.name)?.baseline ?? null)
    : null;
  const against =
    lines.find((l) => l.row.delta)?.row.delta?.against ??
    (table?.referenceRows === null ? 'rest' : 'reference');
  const sinceHeader =
    table?.window == null || !table.datesOnsets
      ? null
      : table.primaryMetric === metric.name
        ? 'Since'
        : `${metricLabel(task, table.primaryMetric)} worse since`;

  return (
    <div
      className="performance-view"
      data-result-cohort={resultCohort(request?.where ?? [], table !== undefined)}
    >
      <PerformanceControls sides={sides} by={request?.by ?? []} />
      <CohortNote bothSides={sides.reference !== null} />
      <PerformanceStatus state={state} />
      {table !== undefined && (
        <>
          <section className="performance-summary" aria-label="Cohorts summary">
            {summary.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
          {first !== undefined && lines.length > 0 && (
            <figure className="performance-chart">
              <figcaption>
                {second === undefined
                  ? `${metric.label} per ${first.name}${metric.proportion ? ' with 95% Wilson intervals' : ''}; the tick is the same cohort ${against === 'rest' ? 'in the rest of the log' : 'in the reference'}, the dashed line the whole log`
                  : `${metric.label} per ${first.name} × ${second.name}; red is worse than ${against === 'rest' ? 'the log overall' : 'the reference overall'}, outlined cells are significant drops`}
              </figcaption>
              {second === undefined ? (
                <CohortBarsChart
                  lines={first.mode === 'quantile' ? byOrder : sorted}
                  metric={metric}
                  overall={overallValue}
                  xTitle={first.name}
                  onSelect={filter}
                />
              ) : (
                <CohortHeatmap
                  lines={lines}
                  by={[first, second]}
                  metric={metric}
                  middle={overallBaseline ?? overallValue}
                  onSelect={filter}
                />
              )}
            </figure>
          )}
          {lines.length > 0 && (
            <>
              <p className="muted hint">
                Click a {second === undefined ? 'bar' : 'cell'} or a row&apos;s Filter button to
                make that cohort the active cohort: every view then shows it. Select a row to follow
                it in the Timeline.
              </p>
              <CohortsTable
                lines={sorted}
                overall={table.overall}
                metric={metric}
                columns={by.map((b) => b.name)}
                against={against}
                sinceHeader={sinceHeader}
                overallSince={table.referenceRows === null ? null : (table.since?.window ?? null)}
                sort={sort}
                onSort={setSort}
                selected={choices.focus}
                onSelect={select}
                onFilter={filter}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
