import type { Predicate } from '../../sql/predicate.ts';
import type { BinaryProportion, Confusion, CountedProportion } from '../../stats/binary-metrics.ts';
import type { WindowUnit } from '../windows.ts';
import type { CohortValue } from './performance-cohorts.ts';
import type { PerformanceByColumn, PrimaryMetric } from './performance-spec.ts';

/** Every metric of a group (CLI.md `metrics`). */
export type PerformanceMetricName = BinaryProportion | 'f1' | 'auc' | 'log_loss' | 'brier';

/**
 * STATS.md's binary metrics of one group: numbers, or null where undefined (precision with
 * nothing predicted positive, recall without positives, AUC with a class absent, anything of an
 * empty group); each proportion also under `intervals` with its Wilson interval and counts.
 */
export interface PerformanceMetrics {
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  fpr: number | null;
  /** 0 when precision or recall is undefined or both are 0 (`f1_undefined`); null when n = 0. */
  f1: number | null;
  f1_undefined: boolean;
  auc: number | null;
  log_loss: number | null;
  brier: number | null;
  base_rate: number | null;
  predicted_positive_rate: number | null;
  intervals: Record<BinaryProportion, CountedProportion>;
}

/** A group of rows (overall, a cohort, a window) with its counts and metrics. */
export interface PerformanceGroup {
  /** Every row of the group, labelled or not. */
  rows: number;
  /** Rows with a label and a prediction: what the metrics count. */
  n: number;
  positives: number;
  negatives: number;
  predicted_positives: number;
  /** Rows of n with a finite score: what AUC, log loss and Brier count. */
  scored: number;
  confusion: Confusion;
  metrics: PerformanceMetrics;
  /** n < 30, or fewer than 5 positives or 5 negatives: shown, never alerting (STATS.md). */
  too_small: boolean;
}

/** One metric of a group against its baseline: delta = value - baseline. */
export interface MetricDelta {
  baseline: number | null;
  value: number | null;
  delta: number | null;
  /** Two-proportion z-test (proportions) or Hanley-McNeil z (AUC); null for the rest. */
  z: number | null;
  p: number | null;
  /** BH within the cohort table, per metric; null when not tested or too small. */
  q: number | null;
}

/** A group against the same cohort of the reference, or against the rest of the log. */
export interface PerformanceDelta {
  against: 'reference' | 'rest';
  /** The baseline's labelled rows and positives. */
  n: number;
  positives: number;
  /** Either side too small to judge: p is shown, q is null. */
  too_small: boolean;
  metrics: Record<PerformanceMetricName, MetricDelta>;
}

/** The primary metric of a window against its baseline (STATS.md "Onset"). */
export interface OnsetCheck {
  metric: PrimaryMetric;
  value: number | null;
  baseline: number | null;
  delta: number | null;
  relative_delta: number | null;
  p: number | null;
  /** p < 0.05 and a relative drop beyond 3%; null when it cannot be judged (too small). */
  worse: boolean | null;
}

export interface PerformanceWindow extends PerformanceGroup {
  /** ISO date of the window's start (weeks start on Monday, months on the 1st). */
  window: string;
  /** Null without a baseline (no reference, and for the overall row no rest either). */
  primary: OnsetCheck | null;
}

/** STATS.md "Onset": the first window from which the primary metric stays worse. */
export interface PerformanceSince {
  metric: PrimaryMetric;
  window: string;
}

export interface PerformanceOverall extends PerformanceGroup {
  /** Against the reference's overall metrics; absent without a reference. */
  delta?: PerformanceDelta;
}

export interface PerformanceCohort extends PerformanceGroup {
  /** Each cohort column's value: as in the file, a numeric bin's `(a, b]`, or null. */
  cohort: Record<string, CohortValue>;
  /** The `--where` predicates that select the cohort (null for NaN values). */
  predicates: Predicate[] | null;
  /** Null when the baseline has no such rows (a cohort absent from the reference). */
  delta: PerformanceDelta | null;
  timeline?: PerformanceWindow[];
  since?: PerformanceSince | null;
}

/** How the timeline was cut. */
export interface PerformanceWindowInfo {
  column: string;
  unit: WindowUnit;
  requested: WindowUnit | 'auto';
  span_days: number | null;
  /** Log rows with a null time, in no window. */
  rows_without_time: number;
}

/** A cohort column as the result used it: its numeric bins' edges, if cut. */
export interface PerformanceByInfo {
  name: string;
  mode: PerformanceByColumn['mode'];
  edges: number[] | null;
}

/** The performance table: CLI.md `faultline performance` keys; numbers or null, never NaN. */
export interface PerformanceResult {
  task: 'binary';
  log: { rows: number };
  reference: { rows: number } | null;
  /** What the metrics judged: the label, its positive value, and what predicts it. */
  outcome: {
    label: string;
    positive: string;
    prediction: string | null;
    score: string | null;
    /** Used only when there is no prediction column. */
    threshold: number | null;
  };
  by: PerformanceByInfo[];
  primary_metric: PrimaryMetric;
  overall: PerformanceOverall;
  /** Most degraded first: significant drops of the primary metric, then the rest judged, then too small. */
  cohorts: PerformanceCohort[];
  window?: PerformanceWindowInfo;
  timeline?: PerformanceWindow[];
  since?: PerformanceSince | null;
  where?: Predicate[];
  skipped?: { timeline?: string };
}
