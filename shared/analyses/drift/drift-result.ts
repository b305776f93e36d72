import type { Predicate } from '../../sql/predicate.ts';
import type { PsiBand } from '../../stats/psi.ts';
import type { ProportionInterval } from '../../stats/wilson.ts';
import type { DriftKind, DriftRole, DriftWindowUnit } from './drift-spec.ts';

/** One side's rows and the column's missing and invalid counts (denominator: all rows). */
export interface DriftSideCounts {
  rows: number;
  /** Valid values: non-null and, for float columns, finite. */
  n: number;
  nulls: number;
  invalid: number;
  missing_rate: number | null;
  invalid_rate: number | null;
}

/** Numeric columns: per-side summary of the valid values (std with n - 1). */
export interface DriftSideSummary extends DriftSideCounts {
  mean: number | null;
  std: number | null;
  min: number | null;
  p01: number | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** The shares PSI and JS are computed on: equal-mass bins, or categories. */
export interface DriftBins {
  mode: 'quantile' | 'categorical';
  /** Quantile mode: the de-duplicated edges; bin i holds (e_i, e_i+1]. */
  edges: number[] | null;
  /** Categorical mode: the category of each bin; `(other)` pools the rest, last. */
  categories: (string | number)[] | null;
  /** How many values were pooled into `(other)` (0 when none). */
  pooled: number;
  reference_counts: number[];
  current_counts: number[];
  /** Shares of each side's valid values: p (reference) and q (current). */
  p: number[] | null;
  q: number[] | null;
}

export interface DriftCategoryCount {
  value: string | number;
  count: number;
  /** Share of that side's valid values. */
  share: number;
}

/** The tests a drift row ran (STATS.md "Many tests at once"). */
export type DriftTestName = 'ks' | 'chi2' | 'missing_z';

/**
 * One test of a row with its raw p and its BH q. q adjusts within one family over the table's
 * rows: the distribution tests (KS or chi-square, one per row), or the missing-rate z-tests.
 */
export interface DriftTest {
  name: DriftTestName;
  /** KS D, the chi-square statistic, or the two-proportion z. */
  statistic: number;
  p: number;
  q: number;
  /** What it compares and on how many values, so a verdict is no mystery. */
  why: string;
}

export interface DriftColumnResult {
  name: string;
  kind: DriftKind;
  role: DriftRole;
  psi: number | null;
  band: PsiBand | null;
  js: number | null;
  ks: { d: number; p: number; q: number | null; en: number; n: number } | null;
  wasserstein: {
    w: number;
    /** W / std_R; null when std_R = 0 (constant reference). */
    normed: number | null;
    std_reference: number | null;
    /** normed >= 0.1; null when normed is. */
    drift: boolean | null;
  } | null;
  chi2: { stat: number; dof: number; p: number; q: number | null } | null;
  linf: number | null;
  missing: {
    reference: number | null;
    current: number | null;
    /** Current rate >= reference's + 5 points and the z-test's BH q < 0.05. */
    shifted: boolean;
    delta: number | null;
    z: number | null;
    p: number | null;
    q: number | null;
    /**
     * With a timeline: the first window from which the current missing rate stays at least 5
     * points above the reference's, to the end; null if none.
     */
    since?: string | null;
  };
  invalid: { reference: number | null; current: number | null };
  /** Share of C's valid values outside [min_R, max_R] (numeric). */
  out_of_range: number | null;
  /** Values in C never seen in R, with their count and share of C, by value. */
  new_categories: DriftCategoryCount[];
  /** Values in R never seen in C, with their count and share of R, by value. */
  vanished: DriftCategoryCount[];
  /** Band is significant (STATS.md: the tests are shown, not decisive). */
  drifted: boolean;
  /** std_R = 0: W_norm is undefined. */
  constant_reference: boolean;
  reference: DriftSideSummary | DriftSideCounts;
  current: DriftSideSummary | DriftSideCounts;
  bins: DriftBins | null;
  /** With a timeline: the first window from which the band stays significant, else null. */
  since?: string | null;
  /** With an outcome: where the current errors concentrate in this column's bins. */
  impact?: DriftColumnImpact | null;
  /** The tests run, with p and q; none when a side has no valid value. */
  tests: DriftTest[];
  /** Why the row is flagged or not, in words (drift-reason.ts). */
  reason: string;
}

/** One column in one window: PSI of the window's values against the whole reference. */
export interface DriftTimelineColumn {
  name: string;
  /** Null when the window has fewer valid values than `window.min_values`. */
  psi: number | null;
  band: PsiBand | null;
  missing_rate: number | null;
  /** Valid values of the column in the window. */
  n: number;
}

export interface DriftTimelineWindow {
  /** ISO date of the window's start (weeks start on Monday, months on the 1st). */
  window: string;
  rows: number;
  columns: DriftTimelineColumn[];
}

/** How the timeline was cut. */
export interface DriftWindowInfo {
  column: string;
  unit: DriftWindowUnit;
  requested: DriftWindowUnit | 'auto';
  /** Last time - first time of the current data, in days. */
  span_days: number | null;
  /** A window with fewer valid values of a column has psi null for it. */
  min_values: number;
  /** Current rows with a null time, in no window. */
  rows_without_time: number;
}

/** One bin (or the missing or invalid values) of a column in the current data, with its errors. */
export interface DriftImpactBin {
  /** Index into `bins` (null for missing or invalid values). */
  index: number | null;
  label: string | number;
  rows: number;
  errors: number;
  error_rate: ProportionInterval;
  /** error rate / the overall error rate (null when that is 0). */
  lift: number | null;
}

export interface DriftColumnImpact {
  /** The largest lift among bins with at least `impact.min_bin_rows` rows (null if none). */
  lift: number | null;
  /** That bin's label and index. */
  bin: string | number | null;
  index: number | null;
  bins: DriftImpactBin[];
}

/** The outcome impact is measured on, and the current data's overall error rate. */
export interface DriftImpactSummary {
  label: string;
  prediction: string | null;
  score: string | null;
  /** Used only when there is no prediction column. */
  threshold: number | null;
  /** Rows with a label and a prediction (or a finite score). */
  rows: number;
  errors: number;
  error_rate: ProportionInterval;
  /** max(30, 1% of rows): smaller bins are shown but cannot be a column's impact. */
  min_bin_rows: number;
}

/** The drift table: CLI.md `faultline drift` keys; numbers or null, never NaN. */
export interface DriftResult {
  reference: { rows: number };
  current: { rows: number };
  columns: DriftColumnResult[];
  window?: DriftWindowInfo;
  timeline?: DriftTimelineWindow[];
  impact?: DriftImpactSummary;
  /** Why a timeline or impact that was asked for is missing. */
  skipped?: { timeline?: string; impact?: string };
  /** The cohort filter both sides were restricted to (absent when none). */
  where?: Predicate[];
}
