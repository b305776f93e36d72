// Wilcoxon signed-rank test on paired differences: the shadow-design latency test of STATS.md,
// = scipy.stats.wilcoxon(baseline, canary, zero_method='wilcox', correction=False,
// alternative='two-sided', method='approx').
//
// The inputs are aggregates DuckDB can produce. With d = baseline - canary (DOUBLE) on the joined
// rows and the zeros dropped:
//   midrank         = rank() OVER (ORDER BY abs(d)) + (count(*) OVER (PARTITION BY abs(d)) - 1) / 2
//   rankSumPositive = sum(midrank) FILTER (WHERE d > 0)
//   tieTerm         = sum(t³ - t) over the distinct |d|, t = their count
import { normalTwoSidedP } from './distributions.ts';
import { midranks } from './mann-whitney.ts';

export interface WilcoxonInputs {
  /** Number of non-zero differences (zero_method 'wilcox' drops the zeros). */
  n: number;
  /** Sum of the midranks of |d| over the positive differences d = baseline - canary. */
  rankSumPositive: number;
  /** Sum of t³ - t over the groups of tied |d| (0 without ties). */
  tieTerm: number;
}

export interface WilcoxonResult {
  rPlus: number | null;
  rMinus: number | null;
  /** min(R+, R-), scipy's statistic; null when every difference is zero. */
  t: number | null;
  /** (T - n(n+1)/4) / σ, <= 0 since T is the smaller rank sum. */
  z: number | null;
  p: number | null;
}

/**
 * Wilcoxon signed-rank, normal approximation, tie-corrected, no continuity correction
 * (Comparing two models, shadow latency).
 */
export function wilcoxonSignedRank(inputs: WilcoxonInputs): WilcoxonResult {
  const { n, rankSumPositive, tieTerm } = inputs;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`wilcoxonSignedRank: bad n ${n}`);
  if (!Number.isFinite(rankSumPositive) || !Number.isFinite(tieTerm) || tieTerm < 0) {
    throw new RangeError(
      `wilcoxonSignedRank: bad rank sum ${rankSumPositive} or tie term ${tieTerm}`,
    );
  }
  if (n === 0) return { rPlus: null, rMinus: null, t: null, z: null, p: null };
  const rPlus = rankSumPositive;
  const rMinus = (n * (n + 1)) / 2 - rPlus;
  const t = Math.min(rPlus, rMinus);
  // The tie correction can not empty the variance: with all n tied it is n(n+1)(3n+3)/48 > 0.
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48;
  const z = (t - (n * (n + 1)) / 4) / Math.sqrt(variance);
  return { rPlus, rMinus, t, z, p: normalTwoSidedP(z) };
}

/** wilcoxonSignedRank's aggregates from paired samples, d = x - y (Comparing two models). */
export function wilcoxonInputs(
  x: readonly number[],
  y: readonly number[],
): WilcoxonInputs & { zeroDifferences: number } {
  if (x.length !== y.length) throw new RangeError('wilcoxonInputs: samples must be paired');
  const d: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const di = (x[i] as number) - (y[i] as number);
    if (Number.isNaN(di))
      throw new RangeError('wilcoxonInputs: NaN pairs must be filtered out first');
    if (di !== 0) d.push(di);
  }
  const { ranks, tieTerm } = midranks(d.map(Math.abs));
  let rankSumPositive = 0;
  for (let i = 0; i < d.length; i++)
    if ((d[i] as number) > 0) rankSumPositive += ranks[i] as number;
  return { n: d.length, rankSumPositive, tieTerm, zeroDifferences: x.length - d.length };
}
