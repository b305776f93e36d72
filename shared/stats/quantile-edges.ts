// Equal-mass bin edges of STATS.md "Numeric drift (R vs C)": numpy.quantile(x_R, k/B,
// method='linear'), finished in JS from order statistics DuckDB fetches (DuckDB's quantile_cont
// can differ in the last bit, which moves values that sit exactly on an edge).

/** B: the number of equal-mass bins of a numeric column. */
export const DRIFT_BINS = 10;

/** Quantile positions q = k/B for k = 1..B-1, by division as STATS.md writes them. */
export function edgePositions(bins = DRIFT_BINS): number[] {
  const qs: number[] = [];
  for (let k = 1; k < bins; k++) qs.push(k / bins);
  return qs;
}

/** Where the linear quantile at q sits among n sorted values: x_i, x_{i+1} and the weight t. */
function position(n: number, q: number): { i: number; t: number } {
  const h = (n - 1) * q;
  const i = Math.floor(h);
  return { i, t: h - i };
}

/** The 0-based order statistics the linear quantiles at `qs` need, ascending, without repeats. */
export function orderStatisticIndexes(n: number, qs: readonly number[]): number[] {
  if (n <= 0) return [];
  const needed = new Set<number>();
  for (const q of qs) {
    const { i } = position(n, q);
    needed.add(Math.min(i, n - 1));
    if (i + 1 <= n - 1) needed.add(i + 1);
  }
  return [...needed].sort((a, b) => a - b);
}

/**
 * numpy's linear quantile (numpy 1.24 `_lerp`): h = (n-1)q, i = floor(h), t = h - i,
 * a + (b-a)t when t < 0.5, else b - (b-a)(1-t). `at(i)` gives the i-th smallest valid value.
 */
export function linearQuantile(n: number, q: number, at: (index: number) => number): number {
  if (n <= 0) throw new RangeError('linearQuantile: no values');
  const { i, t } = position(n, q);
  if (i >= n - 1) return at(n - 1);
  const a = at(i);
  const b = at(i + 1);
  return t < 0.5 ? a + (b - a) * t : b - (b - a) * (1 - t);
}

/** Edges with repeats removed (the quantiles come sorted, so repeats are adjacent). */
export function dedupeEdges(edges: readonly number[]): number[] {
  const out: number[] = [];
  for (const e of edges) if (out.length === 0 || e !== out[out.length - 1]) out.push(e);
  return out;
}

/**
 * The de-duplicated equal-mass edges of n valid values: the linear quantiles at k/B, from `at(i)`,
 * the i-th smallest value (fetch orderStatisticIndexes(n, edgePositions(bins)) first).
 */
export function quantileEdges(
  n: number,
  at: (index: number) => number,
  bins = DRIFT_BINS,
): number[] {
  return dedupeEdges(edgePositions(bins).map((q) => linearQuantile(n, q, at)));
}

/**
 * A value's bin: the number of edges strictly below it (numpy searchsorted side='left'), so the
 * bins are (-inf, e1], (e1, e2], ..., (e_last, +inf).
 */
export function binIndex(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((edges[mid] ?? Infinity) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
