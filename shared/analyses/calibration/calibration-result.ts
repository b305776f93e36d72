import type { Predicate } from '../../sql/predicate.ts';
import type { BrierDecomposition, ReliabilityBin } from '../../stats/calibration-bins.ts';
import type { CohortValue } from '../performance/performance-cohorts.ts';
import type { PerformanceByInfo } from '../performance/performance-result.ts';
import type { CalibrationStrategy } from './calibration-spec.ts';

/** A non-empty bin of the reliability diagram, with where it sits on [0, 1]. */
export interface CalibrationBin extends ReliabilityBin {
  /** The bin's ends: (lo, hi], the first bin [lo, hi]; 0 and 1 at the outer ends. */
  lo: number;
  hi: number;
}

/** One bar of the score histogram: equal-width bins of [0, 1], split by label. */
export interface ScoreHistogramBin {
  lo: number;
  hi: number;
  positives: number;
  negatives: number;
}

/** Rows calibration could not use, by why (each counted once, in this order). */
export interface CalibrationSkipped {
  /** The label is null. */
  no_label: number;
  /** Labelled, and the score is null. */
  no_score: number;
  /** Labelled, and the score is NaN or ±Infinity (STATS.md "Column kinds": invalid). */
  invalid_score: number;
}

/** One reliability curve (the log, a cohort, the reference): numbers or null, never NaN. */
export interface CalibrationCurve {
  /** Every row (after the cohort filter). */
  rows: number;
  /** Rows with a label and a valid score: what the curve counts. */
  n: number;
  positives: number;
  skipped: CalibrationSkipped;
  /** The B - 1 inner edges the scores were cut at (equal-mass edges are this curve's own). */
  edges: number[];
  /** Non-empty bins only, by bin index (as sklearn's calibration_curve). */
  bins: CalibrationBin[];
  /** Null without rows. */
  ece: number | null;
  mce: number | null;
  brier: BrierDecomposition;
  histogram: ScoreHistogramBin[];
  /** n < 30, or fewer than 5 positives or 5 negatives: shown, never judged (STATS.md). */
  too_small: boolean;
}

/** A cohort's curve: its own equal-mass edges under `quantile`. */
export interface CalibrationCohort extends CalibrationCurve {
  /** The cohort column's value: as in the file, a numeric bin's `(a, b]`, or null. */
  cohort: Record<string, CohortValue>;
  /** The `--where` predicates that select the cohort (null for NaN values). */
  predicates: Predicate[] | null;
}

/** `faultline calibration` (CLI.md keys: bins, ece, mce, brier, cohorts): the log's curve first. */
export interface CalibrationResult extends CalibrationCurve {
  strategy: CalibrationStrategy;
  /** B. */
  bin_count: number;
  /** What was judged: the label, its positive value, and the score. */
  outcome: { label: string; positive: string; score: string };
  by: PerformanceByInfo[];
  /** With `by`: worst ECE first, cohorts too small to judge after the rest. */
  cohorts?: CalibrationCohort[];
  /** The reference's overall curve, beside the log's. */
  reference?: CalibrationCurve;
  where?: Predicate[];
}
