// The per-cohort binary metrics of STATS.md "Classification metrics (binary), per cohort": each
// proportion as k/n with its Wilson interval, F1 with its undefined flag, and the "too small to
// judge" rule, from the four counts DuckDB aggregates.
import { wilsonInterval, type ProportionInterval } from './wilson.ts';

/** What DuckDB counts for a group of labelled, predicted rows. */
export interface BinaryCounts {
  n: number;
  /** Rows whose label is the positive value. */
  positives: number;
  /** Rows predicted positive. */
  predictedPositives: number;
  /** Rows both. */
  truePositives: number;
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** The proportions of STATS.md's list; each has a Wilson interval. */
export type BinaryProportion =
  'accuracy' | 'precision' | 'recall' | 'fpr' | 'base_rate' | 'predicted_positive_rate';

export const binaryProportions: readonly BinaryProportion[] = [
  'accuracy',
  'precision',
  'recall',
  'fpr',
  'base_rate',
  'predicted_positive_rate',
];

/** A proportion with its Wilson interval and the counts it is made of. */
export interface CountedProportion extends ProportionInterval {
  k: number;
  n: number;
}

export interface BinaryProportionMetrics {
  confusion: Confusion;
  intervals: Record<BinaryProportion, CountedProportion>;
  /** 2PR / (P + R); 0 when P or R is undefined or P + R = 0 (sklearn's zero_division=0). */
  f1: number;
  f1_undefined: boolean;
}

/** STATS.md "Delta": a cohort below any of these is too small to judge and never alerts. */
export const MIN_JUDGED_ROWS = 30;
export const MIN_JUDGED_PER_CLASS = 5;

/** The confusion matrix from the counts; throws on counts that cannot come from one table. */
export function confusionOf(c: BinaryCounts): Confusion {
  const { n, positives, predictedPositives: pp, truePositives: tp } = c;
  const fp = pp - tp;
  const fn = positives - tp;
  const tn = n - positives - fp;
  for (const x of [n, positives, pp, tp, fp, fn, tn]) {
    if (!Number.isInteger(x) || x < 0) {
      throw new RangeError(`confusionOf: inconsistent counts ${JSON.stringify(c)}`);
    }
  }
  return { tp, fp, tn, fn };
}

/** Each proportion's k and n (Classification metrics (binary)): recall = TP / positives, … */
export function proportionCounts(
  c: BinaryCounts,
): Record<BinaryProportion, { k: number; n: number }> {
  const { tp, fp, tn } = confusionOf(c);
  return {
    accuracy: { k: tp + tn, n: c.n },
    precision: { k: tp, n: c.predictedPositives },
    recall: { k: tp, n: c.positives },
    fpr: { k: fp, n: c.n - c.positives },
    base_rate: { k: c.positives, n: c.n },
    predicted_positive_rate: { k: c.predictedPositives, n: c.n },
  };
}

/** Every proportion with its Wilson interval, and F1 (Classification metrics (binary)). */
export function binaryProportionMetrics(c: BinaryCounts): BinaryProportionMetrics {
  const counts = proportionCounts(c);
  const intervals = {} as Record<BinaryProportion, CountedProportion>;
  for (const name of binaryProportions) {
    const { k, n } = counts[name];
    intervals[name] = { ...wilsonInterval(k, n), k, n };
  }
  const precision = intervals.precision.value;
  const recall = intervals.recall.value;
  const defined = precision !== null && recall !== null && precision + recall > 0;
  return {
    confusion: confusionOf(c),
    intervals,
    // 2PR/(P+R) rather than 2TP/(2TP+FP+FN): sklearn's operation order, equal to the last bit.
    f1: defined ? (2 * precision * recall) / (precision + recall) : 0,
    f1_undefined: !defined,
  };
}

/** n < 30, or fewer than 5 positives or 5 negatives: too small to judge (Delta). */
export function isTooSmall(c: { n: number; positives: number }): boolean {
  return (
    c.n < MIN_JUDGED_ROWS ||
    c.positives < MIN_JUDGED_PER_CLASS ||
    c.n - c.positives < MIN_JUDGED_PER_CLASS
  );
}
