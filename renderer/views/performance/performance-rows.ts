import type { CohortValue } from '../../../shared/analyses/performance/performance-cohorts.ts';
import type {
  MetricDelta,
  OnsetCheck,
  PerformanceByInfo,
  PerformanceSince,
  PerformanceWindowInfo,
} from '../../../shared/analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../../../shared/analyses/performance/performance-task-result.ts';
import type { CountedProportion } from '../../../shared/stats/binary-metrics.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { performanceTask, type PerformanceTask } from './performance-metrics.ts';

/** A group against its baseline, whatever the task. */
export interface RowDelta {
  against: 'reference' | 'rest';
  too_small: boolean;
  metrics: Record<string, MetricDelta>;
}

/** A row of any task's performance table (overall, a cohort, a window), as the views read it. */
export interface PerformanceRow {
  rows: number;
  n: number;
  too_small: boolean;
  metrics: object;
  delta?: RowDelta | null;
}

export interface WindowRow extends PerformanceRow {
  window: string;
  primary: OnsetCheck | null;
}

export interface CohortRow extends PerformanceRow {
  cohort: Record<string, CohortValue>;
  predicates: Predicate[] | null;
  timeline?: WindowRow[];
  since?: PerformanceSince | null;
}

/** Any task's result with its rows read as the views read them. */
export interface PerformanceTable {
  task: PerformanceTask;
  primaryMetric: string;
  by: PerformanceByInfo[];
  logRows: number;
  referenceRows: number | null;
  overall: PerformanceRow;
  /** Most degraded first by the primary metric (the analysis's order). */
  cohorts: CohortRow[];
  window: PerformanceWindowInfo | null;
  timeline: WindowRow[] | null;
  since: PerformanceSince | null;
  /** Whether the task's primary metric has a test, so onsets are dated (regression: none). */
  datesOnsets: boolean;
  skipped: string[];
}

/** A result of any task as one shape: the views never branch on the task to read a row. */
export function performanceTable(result: AnyPerformanceResult): PerformanceTable {
  const cohorts: CohortRow[] = result.cohorts;
  const timeline: WindowRow[] | null = result.timeline ?? null;
  return {
    task: performanceTask(result.task),
    primaryMetric: result.primary_metric,
    by: result.by,
    logRows: result.log.rows,
    referenceRows: result.reference?.rows ?? null,
    overall: result.overall,
    cohorts,
    window: result.window ?? null,
    timeline,
    since: 'since' in result ? (result.since ?? null) : null,
    datesOnsets: result.task !== 'regression',
    skipped: Object.values(result.skipped ?? {}),
  };
}

/** A row's value of a metric; null when undefined (no rows, a class absent). */
export function metricValue(row: PerformanceRow, name: string): number | null {
  const value: unknown = (row.metrics as Record<string, unknown>)[name];
  return typeof value === 'number' ? value : null;
}

/** A proportion's value with its Wilson interval and counts; null for other metrics. */
export function metricInterval(row: PerformanceRow, name: string): CountedProportion | null {
  const intervals = (row.metrics as { intervals?: Record<string, CountedProportion> }).intervals;
  return intervals?.[name] ?? null;
}

/** A row's change of a metric against its baseline; null without a baseline. */
export function metricDelta(row: PerformanceRow, name: string): MetricDelta | null {
  return row.delta?.metrics[name] ?? null;
}

/** Why a row is not judged, if it is not: too small on either side, or no baseline at all. */
export function unjudgedReason(row: PerformanceRow): string | null {
  if (row.n === 0) return row.rows > 0 ? 'no labels yet' : 'no rows';
  if (row.too_small) return 'too small to judge';
  if (row.delta === null) return 'not in the baseline';
  if (row.delta?.too_small) return 'baseline too small to judge';
  return null;
}
