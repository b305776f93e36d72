// What weak-slice discovery (STATS.md "Weak-slice discovery (SliceLine)") returns: plain data for
// the CLI's JSON, the Slices view and the report.
import type { Predicate } from '../../sql/predicate.ts';
import type { SlicesTask } from './slices-spec.ts';

/** One `column = value` of a slice, as people read it and as the lattice keyed it. */
export interface SliceTerm {
  column: string;
  /** The value as in the file (null for the nulls); for a numeric column, null (see `bin`). */
  value: string | number | boolean | null;
  /** A numeric column's equal-mass bin, 0..4 (null for a null value or a categorical column). */
  bin: number | null;
  /** The bin's ends `(lo, hi]` (null at an open end); null for a categorical column. */
  range: [number | null, number | null] | null;
  /** For people: `region = APAC`, `amount in (8.3, 15.38]`, `channel is missing`. */
  text: string;
}

/** How the slice fared in the reference: told apart, "always hard" from "broke". */
export type SliceHistory =
  /** Its error now is significantly above its error in the reference (q < 0.05). */
  | 'broke'
  /** Not significantly worse than in the reference, where it was already worse than average. */
  | 'always_hard'
  /** Neither: its error did not change significantly and the reference shows nothing special. */
  | 'unchanged'
  /** Too few reference rows in it (or a regression log: no test) to judge. */
  | 'unknown';

/** The same slice in the reference data. */
export interface SliceInReference {
  size: number;
  /** Mean error there (null without rows). */
  error: number | null;
  /** Wilson 95% interval of a classification error rate (null for regression). */
  low: number | null;
  high: number | null;
  /** Pooled two-proportion z-test of the log's error against the reference's (classification). */
  p: number | null;
  /** Benjamini-Hochberg over the top slices' p-values. */
  q: number | null;
  history: SliceHistory;
}

/** A slice: a conjunction of `column = value` terms, one per column. */
export interface Slice {
  /** The rows it selects, as cohort-filter predicates (a numeric bin as `>` lo and `<=` hi). */
  predicates: Predicate[];
  /** One per column, in the table's column order. */
  terms: SliceTerm[];
  /** STATS.md's predicate text (a bin by its index, a null as NULL): ties are ordered by it. */
  text: string;
  level: number;
  size: number;
  error_sum: number;
  /** Mean row error (classification: the error rate). */
  error: number;
  /** Wilson 95% interval of a classification error rate; null for regression. */
  low: number | null;
  high: number | null;
  /** error / the mean error of all rows searched. */
  lift: number;
  score: number;
  /** Present when a reference was given. */
  reference?: SliceInReference;
}

/** One level of the lattice: how many slices were looked at and how many the bounds removed. */
export interface SliceLevel {
  level: number;
  /** Candidate slices generated from the valid slices of the level below (level 1: every value). */
  candidates: number;
  /** Removed by SliceLine's size, error or score upper bounds before their size was counted. */
  pruned: number;
  /** Sized and scored. */
  evaluated: number;
  /** Evaluated with score > 0 and size >= min support. */
  qualifying: number;
}

/** A column searched: numeric ones with the edges of their 5 equal-mass bins. */
export interface SliceColumn {
  name: string;
  edges: number[] | null;
}

export interface SlicesResult {
  task: SlicesTask;
  /** `misclassification` (0/1) or `squared_error`. */
  error_measure: 'misclassification' | 'squared_error';
  /** Rows searched: those with a known error, after the cohort filter. */
  n: number;
  /** Mean error of those rows. */
  mean_error: number | null;
  alpha: number;
  k: number;
  max_level: number;
  min_support: number;
  /** Best first, at most k. */
  slices: Slice[];
  levels: SliceLevel[];
  columns: SliceColumn[];
  /** Feature columns left out of the search, and why. */
  skipped_columns: { column: string; reason: string }[];
  /** The reference's mean error over its rows with a known error (null without a reference). */
  reference_mean_error: number | null;
  /** Why no slice can be found at all (no rows, no errors), or null. */
  empty_reason: string | null;
}
