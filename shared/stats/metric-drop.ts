// Whether a proportion got worse than its baseline, as STATS.md "Onset" judges a window: the
// pooled two-proportion z-test p < 0.05 and a relative change beyond 3% in the bad direction.
import { twoProportionZTest } from './z-test.ts';

/** STATS.md "Onset": the p-value and relative change a window must pass to count as worse. */
export const ONSET_P_LEVEL = 0.05;
export const ONSET_RELATIVE_DROP = 0.03;

export interface MetricDrop {
  /** current - baseline. */
  delta: number | null;
  /** delta / baseline; null when the baseline is 0 or either side is empty. */
  relative_delta: number | null;
  p: number | null;
  /** p < 0.05 and a change beyond 3% of the baseline in the bad direction; null if a side is empty. */
  worse: boolean | null;
}

/**
 * A proportion k/n against its baseline's (Onset). A baseline of 0 has no relative change: any
 * significant move in the bad direction counts (it can only be a rise, e.g. of FPR).
 */
export function metricDrop(
  baseline: { k: number; n: number },
  current: { k: number; n: number },
  higherIsBetter: boolean,
): MetricDrop {
  const t = twoProportionZTest(baseline.k, baseline.n, current.k, current.n);
  if (t.delta === null) return { delta: null, relative_delta: null, p: null, worse: null };
  const base = baseline.k / baseline.n;
  const relative = base !== 0 ? t.delta / base : null;
  const degradation = higherIsBetter ? -t.delta : t.delta;
  const beyond =
    relative === null ? degradation > 0 : degradation / Math.abs(base) > ONSET_RELATIVE_DROP;
  return {
    delta: t.delta,
    relative_delta: relative,
    p: t.p,
    // No p: both sides are all 0 or all 1, so equal, and not worse.
    worse: t.p !== null && t.p < ONSET_P_LEVEL && beyond,
  };
}
