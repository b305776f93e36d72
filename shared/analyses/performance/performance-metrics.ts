// A group's counts and sums → its metrics (STATS.md "Classification metrics (binary)"); every
// formula is a shared/stats definition, this only assembles them.
import { aucFromRankSum } from '../../stats/auc.ts';
import {
  binaryProportionMetrics,
  isTooSmall,
  type BinaryProportion,
} from '../../stats/binary-metrics.ts';
import type { GroupCounts } from './performance-query.ts';
import type {
  PerformanceGroup,
  PerformanceMetricName,
  PerformanceMetrics,
} from './performance-result.ts';

/** Whether a larger value is better; null for rates that have no good direction. */
export const higherIsBetter: Record<PerformanceMetricName, boolean | null> = {
  accuracy: true,
  precision: true,
  recall: true,
  fpr: false,
  f1: true,
  auc: true,
  log_loss: false,
  brier: false,
  base_rate: null,
  predicted_positive_rate: null,
};

/** Every metric's name, in CLI.md's order. */
export const performanceMetricNames = Object.keys(higherIsBetter) as PerformanceMetricName[];

/** The AUC of a group; null when a class is absent among its scored rows, or unknown. */
export function groupAuc(c: GroupCounts): number | null {
  if (c.twiceRankSum === null) return null;
  return aucFromRankSum({
    positives: c.scoredPositives,
    negatives: c.scored - c.scoredPositives,
    positiveRankSum: c.twiceRankSum / 2,
  });
}

/** Every metric of a group, null where undefined (an empty group has no metric at all). */
export function groupMetrics(c: GroupCounts): PerformanceMetrics {
  const p = binaryProportionMetrics(c);
  const value = (name: BinaryProportion) => p.intervals[name].value;
  return {
    accuracy: value('accuracy'),
    precision: value('precision'),
    recall: value('recall'),
    fpr: value('fpr'),
    f1: c.n > 0 ? p.f1 : null,
    f1_undefined: p.f1_undefined,
    auc: groupAuc(c),
    log_loss: c.scored > 0 ? c.logLossSum / c.scored : null,
    brier: c.scored > 0 ? c.brierSum / c.scored : null,
    base_rate: value('base_rate'),
    predicted_positive_rate: value('predicted_positive_rate'),
    intervals: p.intervals,
  };
}

/** A group's counts, metrics and too-small mark. */
export function groupResult(c: GroupCounts): PerformanceGroup {
  const metrics = groupMetrics(c);
  return {
    rows: c.rows,
    n: c.n,
    positives: c.positives,
    negatives: c.n - c.positives,
    predicted_positives: c.predictedPositives,
    scored: c.scored,
    confusion: binaryProportionMetrics(c).confusion,
    metrics,
    too_small: isTooSmall(c),
  };
}
