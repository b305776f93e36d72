// Each group against its baseline (STATS.md "Delta"): the same cohort in the reference, or the
// rest of the log; proportions with the pooled two-proportion z-test, AUC with Hanley-McNeil's z,
// BH q per metric over the cohort table ("Many tests at once"), too-small cohorts left out of m.
import {
  binaryProportions,
  isTooSmall,
  proportionCounts,
  type BinaryProportion,
} from '../../stats/binary-metrics.ts';
import { aucDifferenceTest } from '../../stats/hanley-mcneil.ts';
import { benjaminiHochberg } from '../../stats/multiple-testing.ts';
import { twoProportionZTest } from '../../stats/z-test.ts';
import { groupAuc, groupMetrics, performanceMetricNames } from './performance-metrics.ts';
import type { GroupCounts } from './performance-query.ts';
import type { MetricDelta, PerformanceDelta, PerformanceMetricName } from './performance-result.ts';

/** A metric's change with no test (STATS.md names none for it): z, p and q null. */
export const untested = (baseline: number | null, value: number | null): MetricDelta => ({
  baseline,
  value,
  delta: baseline !== null && value !== null ? value - baseline : null,
  z: null,
  p: null,
  q: null,
});

function proportionDelta(name: BinaryProportion, base: GroupCounts, cur: GroupCounts): MetricDelta {
  const b = proportionCounts(base)[name];
  const c = proportionCounts(cur)[name];
  const t = twoProportionZTest(b.k, b.n, c.k, c.n);
  return {
    baseline: b.n > 0 ? b.k / b.n : null,
    value: c.n > 0 ? c.k / c.n : null,
    delta: t.delta,
    z: t.z,
    p: t.p,
    q: null,
  };
}

function aucDelta(base: GroupCounts, cur: GroupCounts): MetricDelta {
  const sample = (c: GroupCounts) => ({
    auc: groupAuc(c),
    nPositives: c.scoredPositives,
    nNegatives: c.scored - c.scoredPositives,
  });
  const b = sample(base);
  const c = sample(cur);
  const t = aucDifferenceTest(b, c);
  return { baseline: b.auc, value: c.auc, delta: t.delta, z: t.z, p: t.p, q: null };
}

/** A group against its baseline's counts; null when the baseline has no labelled row. */
export function groupDelta(
  cur: GroupCounts,
  base: GroupCounts,
  against: PerformanceDelta['against'],
): PerformanceDelta | null {
  if (base.n === 0) return null;
  const b = groupMetrics(base);
  const c = groupMetrics(cur);
  const metrics = { auc: aucDelta(base, cur) } as Record<PerformanceMetricName, MetricDelta>;
  for (const name of binaryProportions) metrics[name] = proportionDelta(name, base, cur);
  for (const name of ['f1', 'log_loss', 'brier'] as const)
    metrics[name] = untested(b[name], c[name]);
  return {
    against,
    n: base.n,
    positives: base.positives,
    too_small: isTooSmall(cur) || isTooSmall(base),
    metrics,
  };
}

/**
 * Sets q on the deltas of one table (the cohorts): BH per metric over the deltas that are not too
 * small; a too-small delta keeps its p and has q null (STATS.md: it never raises an alert).
 */
export function applyDeltaSignificance(
  deltas: readonly ({ too_small: boolean; metrics: Record<string, MetricDelta> } | null)[],
  metrics: readonly string[] = performanceMetricNames,
): void {
  for (const name of metrics) {
    const q = benjaminiHochberg(
      deltas.map((d) => (d === null || d.too_small ? null : (d.metrics[name]?.p ?? null))),
    );
    deltas.forEach((d, i) => {
      const m = d?.metrics[name];
      if (m) m.q = q[i] ?? null;
    });
  }
}
