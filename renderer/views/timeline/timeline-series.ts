import type { PerformanceSince } from '../../../shared/analyses/performance/performance-result.ts';
import { cohortLines } from '../cohorts/cohorts-table-model.ts';
import type { MetricInfo } from '../performance/performance-metrics.ts';
import {
  metricDelta,
  metricInterval,
  metricValue,
  type PerformanceRow,
  type PerformanceTable,
  type WindowRow,
} from '../performance/performance-rows.ts';

/** One window of a timeline for one metric. */
export interface TimelinePoint {
  window: string;
  value: number | null;
  /** The Wilson interval, for proportions. */
  low: number | null;
  high: number | null;
  /** Rows with a label and a prediction, of `rows`. */
  n: number;
  rows: number;
  /** Enough labels to judge (n ≥ 30 and 5 of each class); else drawn hollow, not trusted. */
  judged: boolean;
  /** The primary metric is significantly worse than its baseline here; null: not judged. */
  worse: boolean | null;
}

/** A group's windows as points of one metric. */
export function timelinePoints(windows: readonly WindowRow[], metric: MetricInfo): TimelinePoint[] {
  return windows.map((w) => {
    const interval = metricInterval(w, metric.name);
    return {
      window: w.window,
      value: metricValue(w, metric.name),
      low: interval?.low ?? null,
      high: interval?.high ?? null,
      n: w.n,
      rows: w.rows,
      judged: w.n > 0 && !w.too_small,
      worse: w.primary?.worse ?? null,
    };
  });
}

/** A timeline the view can show: the whole log, or one cohort. */
export interface TimelineFocus {
  /** 'overall', or the cohort's key. */
  key: string;
  /** "all rows", or the cohort in words. */
  words: string;
  row: PerformanceRow;
  windows: WindowRow[];
  since: PerformanceSince | null;
}

/** The key of the whole log's timeline among the focus choices. */
export const OVERALL_FOCUS = 'overall';

/** The timelines to choose from: the whole log, then each cohort, most degraded first. */
export function timelineFocuses(table: PerformanceTable, metric: MetricInfo): TimelineFocus[] {
  const overall: TimelineFocus = {
    key: OVERALL_FOCUS,
    words: 'all rows',
    row: table.overall,
    windows: table.timeline ?? [],
    // Without a reference the whole log has no baseline, so no onset to show.
    since: table.referenceRows === null ? null : table.since,
  };
  const cohorts = cohortLines(table, metric).map((line): TimelineFocus => ({
    key: line.key,
    words: line.words,
    row: line.row,
    windows: line.row.timeline ?? [],
    since: line.since,
  }));
  return [overall, ...cohorts];
}

/**
 * The timeline to show: the chosen one while it exists, else the most degraded cohort (the
 * first after the whole log), else the whole log.
 */
export function shownFocus(
  focuses: readonly TimelineFocus[],
  chosen: string | null,
): TimelineFocus | undefined {
  return focuses.find((f) => f.key === chosen) ?? focuses[1] ?? focuses[0];
}

/** The focus's baseline value of a metric: its cohort in the reference, or the rest of the log. */
export function focusBaseline(focus: TimelineFocus, metric: MetricInfo): number | null {
  return metricDelta(focus.row, metric.name)?.baseline ?? null;
}
