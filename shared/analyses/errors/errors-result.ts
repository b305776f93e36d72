import type { ErrorsTask } from './errors-spec.ts';

/**
 * A value as a row shows it: timestamps as ISO text, integers as numbers (as text beyond 2^53),
 * NaN and ±Infinity as the text 'NaN', 'Infinity', '-Infinity'.
 */
export type Cell = string | number | boolean | null;

/** One misprediction (regression: one row with its error). */
export interface ErrorRow {
  /** DuckDB's rowid in the log's table: stable while the table lives, the key of a detail. */
  row: number;
  label: Cell;
  /** The logged prediction, or (binary with a threshold) the label value `score >= t` gives. */
  predicted: Cell;
  /** Binary: the probability of the predicted class; multiclass: the score column; else null. */
  confidence: number | null;
  /** Regression: |prediction - label|; binary: |y - score| with y in {0, 1}; multiclass: null. */
  error: number | null;
  /** The spec's columns, by name. */
  values: Record<string, Cell>;
}

/** What a row's `values` hold, in display order. */
export interface ErrorsPageColumn {
  name: string;
  kind: string;
  role: string;
}

/** One page of the mispredictions, sorted and filtered in DuckDB. */
export interface ErrorsPage {
  task: ErrorsTask;
  /** Mispredictions matching the filter (regression: rows whose error is known). */
  total: number;
  /** Rows matching the filter. */
  rows_in_scope: number;
  offset: number;
  columns: ErrorsPageColumn[];
  rows: ErrorRow[];
}

/** One feature of a row, against the compared side's values of that column. */
export interface ErrorFeature {
  name: string;
  kind: string;
  value: Cell;
  /**
   * Numbers and times: the share of compared values below this one plus half the share equal to
   * it (the midrank), in [0, 1]; null for categories, missing values or nothing to compare.
   */
  percentile: number | null;
  /** Categories: the share of compared values equal to this one (0: never seen); else null. */
  reference_share: number | null;
  /** Compared values: non-null and valid, in the whole reference (or log): the filter aside. */
  reference_n: number;
  /** Below the compared minimum or above the maximum, or a category never seen there. */
  outside_reference: boolean;
  /** The row's value is null (or NaN, ±Infinity). */
  missing: boolean;
}

/** A row's outcome and its features, most unusual first, with sentences for people. */
export interface ErrorDetail {
  row: number;
  label: Cell;
  predicted: Cell;
  confidence: number | null;
  error: number | null;
  /** What the features are compared with: the reference, or the log itself without one. */
  compared_with: 'reference' | 'log';
  features: ErrorFeature[];
  /** Plain sentences for the most unusual features first. */
  text: string[];
}
