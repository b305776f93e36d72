// Benjamini-Hochberg q-values within one table: STATS.md "Many tests at once".

/** The level "significant" refers to (Many tests at once). */
export const SIGNIFICANCE_LEVEL = 0.05;

/**
 * Benjamini-Hochberg q_(i) = min over j >= i of (p_(j)·m)/j, capped at 1; null p-values stay
 * null and out of m (Many tests at once).
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const tested: number[] = [];
  pValues.forEach((p, i) => {
    if (p === null) return;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-value ${p} at row ${i}`);
    tested.push(i);
  });
  const q: (number | null)[] = pValues.map(() => null);
  const m = tested.length;
  // Tied p-values end up with equal q whatever their order, so an unstable sort would do too.
  tested.sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  let running = Infinity;
  for (let rank = m; rank >= 1; rank--) {
    const row = tested[rank - 1] as number;
    // (p·m)/j, not p/(j/m): STATS.md pins this rounding (statsmodels' differs in the last ulp).
    running = Math.min(running, ((pValues[row] as number) * m) / rank);
    q[row] = Math.min(1, running);
  }
  return q;
}

/** q < 0.05 (0.05 itself is not); null for a row without a test (Many tests at once). */
export function isSignificant(q: number): boolean;
export function isSignificant(q: number | null): boolean | null;
export function isSignificant(q: number | null): boolean | null {
  return q === null ? null : q < SIGNIFICANCE_LEVEL;
}
