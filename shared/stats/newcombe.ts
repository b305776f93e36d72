// Newcombe's hybrid score interval for a difference of two independent proportions (Newcombe
// 1998, method 10), built from the two Wilson intervals STATS.md uses for every proportion: the
// canary checks' intervals of a delta (STATS.md defines the test, not the interval; this keeps
// the interval consistent with the Wilson intervals shown beside each value).
import { wilsonInterval, Z95 } from './wilson.ts';

/** The 95% interval of p2 - p1 (group 2 minus group 1); null when a group is empty. */
export function newcombeDifference(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number = Z95,
): { delta: number; low: number; high: number } | null {
  if (n1 === 0 || n2 === 0) return null;
  const a = wilsonInterval(k1, n1, z);
  const b = wilsonInterval(k2, n2, z);
  if (a.value === null || a.low === null || a.high === null) return null;
  if (b.value === null || b.low === null || b.high === null) return null;
  const delta = b.value - a.value;
  return {
    delta,
    low: delta - Math.hypot(b.value - b.low, a.high - a.value),
    high: delta + Math.hypot(b.high - b.value, a.value - a.low),
  };
}
