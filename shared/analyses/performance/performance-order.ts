// The order people read the cohort table in: the most degraded cohorts first.
import { isSignificant } from '../../stats/multiple-testing.ts';

/** A row judged against its baseline (a cohort, the overall row), whatever the task. */
interface Judged {
  n: number;
  delta?: {
    too_small: boolean;
    metrics: Record<string, { delta: number | null; q: number | null }>;
  } | null;
}

/** How much worse `metric` is than its baseline (positive = worse); null if unjudged. */
export function degradation(c: Judged, metric: string, higherIsBetter: boolean): number | null {
  const delta = c.delta?.metrics[metric]?.delta ?? null;
  if (delta === null || c.delta?.too_small !== false) return null;
  return higherIsBetter ? -delta : delta;
}

/** A significant drop of `metric` (q < 0.05 and worse). */
export function isSignificantDrop(c: Judged, metric: string, higherIsBetter: boolean): boolean {
  const worse = (degradation(c, metric, higherIsBetter) ?? 0) > 0;
  return worse && isSignificant(c.delta?.metrics[metric]?.q ?? null) === true;
}

/**
 * Cohorts whose primary metric dropped significantly (q < 0.05), largest drop first; then the
 * other judged cohorts by their change; then the unjudged (too small, no baseline) by size.
 */
export function rankCohorts<C extends Judged>(
  cohorts: readonly C[],
  metric: string,
  higherIsBetter: boolean,
): C[] {
  const worse = (c: C) => degradation(c, metric, higherIsBetter);
  const tier = (c: C) =>
    worse(c) === null ? 2 : isSignificantDrop(c, metric, higherIsBetter) ? 0 : 1;
  return [...cohorts].sort(
    (a, b) => tier(a) - tier(b) || (worse(b) ?? 0) - (worse(a) ?? 0) || b.n - a.n,
  );
}
