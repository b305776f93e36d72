// Results of the multiclass and regression performance analyses: the binary result's shape
// (performance-result.ts) with each task's metrics.
import type { CountedProportion } from '../../stats/binary-metrics.ts';
import type { MulticlassMetrics } from '../../stats/multiclass-metrics.ts';
import type { RegressionMetrics } from '../../stats/regression-metrics.ts';
import type { AssembledCohort } from './performance-assembly.ts';
import type { CommonResult } from './performance-runner.ts';
import type { MetricDelta, PerformanceResult, PerformanceSince } from './performance-result.ts';
import type { TimelineWindow } from './performance-timeline.ts';

/** A group against its baseline, for the metrics of a task other than binary. */
export interface TaskDelta<M extends string> {
  against: 'reference' | 'rest';
  /** The baseline's labelled rows. */
  n: number;
  /** Either side too small to judge: p is shown, q is null. */
  too_small: boolean;
  metrics: Record<M, MetricDelta>;
}

/** STATS.md's multiclass metrics, with accuracy's Wilson interval. */
export interface MulticlassGroupMetrics extends MulticlassMetrics {
  intervals: { accuracy: CountedProportion };
}

export interface MulticlassGroup {
  rows: number;
  /** Rows with a label and a prediction. */
  n: number;
  metrics: MulticlassGroupMetrics;
  /** n < 30: shown, never alerting. */
  too_small: boolean;
}

export type MulticlassDeltaMetric = 'accuracy' | 'macro_f1' | 'weighted_f1';

export interface RegressionGroup {
  rows: number;
  /** Rows with a finite truth and prediction. */
  n: number;
  metrics: RegressionMetrics;
  too_small: boolean;
}

export type RegressionDeltaMetric = 'mae' | 'rmse' | 'mean_error' | 'r2';

/** The multiclass performance table (CLI.md `faultline performance` on a multiclass log). */
export interface MulticlassPerformanceResult extends CommonResult {
  task: 'multiclass';
  outcome: { label: string; prediction: string };
  primary_metric: 'accuracy';
  overall: MulticlassGroup & { delta?: TaskDelta<MulticlassDeltaMetric> };
  cohorts: AssembledCohort<MulticlassGroup, TaskDelta<MulticlassDeltaMetric>>[];
  timeline?: TimelineWindow<MulticlassGroup>[];
  since?: PerformanceSince | null;
}

/** The regression performance table; MAE's changes carry no test (STATS.md defines none). */
export interface RegressionPerformanceResult extends CommonResult {
  task: 'regression';
  outcome: { label: string; prediction: string };
  primary_metric: 'mae';
  overall: RegressionGroup & { delta?: TaskDelta<RegressionDeltaMetric> };
  cohorts: AssembledCohort<RegressionGroup, TaskDelta<RegressionDeltaMetric>>[];
  timeline?: TimelineWindow<RegressionGroup>[];
}

/** Any task's performance result: what `faultline performance` prints and the app's views read. */
export type AnyPerformanceResult =
  PerformanceResult | MulticlassPerformanceResult | RegressionPerformanceResult;
