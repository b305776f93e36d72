// Wilson score interval, the interval STATS.md puts on every proportion it shows.

/** STATS.md's z for the 95% interval, norm.ppf(0.975) (Classification metrics, Intervals). */
export const Z95 = 1.959963984540054;

/** A proportion with its Wilson interval; all null when n = 0. */
export interface ProportionInterval {
  /** k / n. */
  value: number | null;
  low: number | null;
  high: number | null;
}

/** Wilson score interval of k/n, clipped to [0, 1] (Classification metrics, Intervals). */
export function wilsonInterval(k: number, n: number, z: number = Z95): ProportionInterval {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
    throw new RangeError(`wilsonInterval: need integers 0 <= k <= n, got k = ${k}, n = ${n}`);
  }
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`wilsonInterval: bad z ${z}`);
  if (n === 0) return { value: null, low: null, high: null };
  // Same operation order as the reference generator, so results agree to the last bit or two.
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / den;
  const half = (z / den) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Unclipped, k = 0 gives a low end of ±1e-17 rather than 0, and k = n a high end past 1.
  return { value: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
