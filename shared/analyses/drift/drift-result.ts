import type { PsiBand } from '../../stats/psi.ts';
import type { DriftKind } from './drift-spec.ts';

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

export interface DriftColumnResult {
  name: string;
  kind: DriftKind;
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
}

/** The drift table: CLI.md `faultline drift` keys; numbers or null, never NaN. */
export interface DriftResult {
  reference: { rows: number };
  current: { rows: number };
  columns: DriftColumnResult[];
}
