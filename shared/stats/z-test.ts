// Pooled two-proportion z-test: the "Delta" test of STATS.md, also used by the canary checks
// (recall, precision, accuracy, success rate) and the onset rule.
import { normalTwoSidedP } from './distributions.ts';

export interface TwoProportionZ {
  /** k2/n2 - k1/n1 (group 2 minus group 1); null when a group is empty. */
  delta: number | null;
  /** Positive when group 2's proportion is higher; null when the pooled proportion is 0 or 1. */
  z: number | null;
  p: number | null;
}

/** Pooled two-proportion z-test, two-sided, delta = group 2 - group 1 (Classification, Delta). */
export function twoProportionZTest(k1: number, n1: number, k2: number, n2: number): TwoProportionZ {
  for (const [k, n] of [
    [k1, n1],
    [k2, n2],
  ] as const) {
    if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
      throw new RangeError(`twoProportionZTest: need integers 0 <= k <= n, got k = ${k}, n = ${n}`);
    }
  }
  if (n1 === 0 || n2 === 0) return { delta: null, z: null, p: null };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const delta = p2 - p1;
  const pooled = (k1 + k2) / (n1 + n2);
  // All successes or all failures: no variance to scale by, and no evidence either way.
  if (pooled === 0 || pooled === 1) return { delta, z: null, p: null };
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = delta / se;
  return { delta, z, p: normalTwoSidedP(z) };
}
