// Mann-Whitney U, two-sided, normal approximation with tie and continuity correction: the p99
// latency check of STATS.md "Comparing two models", equal to
// scipy.stats.mannwhitneyu(baseline, canary, alternative='two-sided', method='asymptotic').
//
// The inputs are aggregates so that DuckDB can rank millions of rows and hand over four numbers.
// Over the pooled values:
//   midrank  = rank() OVER (ORDER BY v) + (count(*) OVER (PARTITION BY v) - 1) / 2
//   rankSum1 = sum(midrank) over the rows of sample 1
//   tieTerm  = sum(t³ - t) over the distinct values, t = their count (in DOUBLE: t³ overflows
//              BIGINT past t = 2,097,151).
import { normalSf } from './distributions.ts';

export interface MannWhitneyInputs {
  /** Size of sample 1, the baseline: U is this sample's. */
  n1: number;
  n2: number;
  /** Sum of the midranks of sample 1 within the pooled sample (ties get the average rank). */
  rankSum1: number;
  /** Sum of t³ - t over the groups of tied values of the pooled sample (0 without ties). */
  tieTerm: number;
}

export interface MannWhitneyResult {
  /** U of sample 1 = rankSum1 - n1(n1+1)/2, scipy's statistic; null when a sample is empty. */
  u: number | null;
  /**
   * (max(U1, U2) - n1n2/2 - 1/2) / σ as scipy forms it: >= 0 except -1/(2σ) when U1 = U2; null
   * when σ = 0 (every value tied).
   */
  z: number | null;
  p: number | null;
}

/** Mann-Whitney U, two-sided asymptotic, tie + continuity corrected (Comparing two models: p99). */
export function mannWhitneyAsymptotic(inputs: MannWhitneyInputs): MannWhitneyResult {
  const { n1, n2, rankSum1, tieTerm } = inputs;
  if (!Number.isInteger(n1) || !Number.isInteger(n2) || n1 < 0 || n2 < 0) {
    throw new RangeError(`mannWhitneyAsymptotic: bad sizes n1 = ${n1}, n2 = ${n2}`);
  }
  if (!Number.isFinite(rankSum1) || !Number.isFinite(tieTerm) || tieTerm < 0) {
    throw new RangeError(`mannWhitneyAsymptotic: bad rankSum1 ${rankSum1} or tieTerm ${tieTerm}`);
  }
  if (n1 === 0 || n2 === 0) return { u: null, z: null, p: null };
  const u1 = rankSum1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const n = n1 + n2;
  const mu = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // σ = 0 only when every pooled value is tied: scipy's z is then -∞ and its p clips to 1.
  if (!(variance > 0)) return { u: u1, z: null, p: 1 };
  const z = (Math.max(u1, u2) - mu - 0.5) / Math.sqrt(variance);
  // z = -1/(2σ) when U1 = U2 makes 2·sf(z) exceed 1: scipy clips it.
  return { u: u1, z, p: Math.min(1, 2 * normalSf(z)) };
}

/** Midranks (1-based, ties averaged) and tie term sum(t³ - t) (Comparing two models: ranks). */
export function midranks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((_, i) => i);
  order.sort((a, b) => {
    const va = values[a] as number;
    const vb = values[b] as number;
    return va < vb ? -1 : va > vb ? 1 : 0;
  });
  const ranks = new Array<number>(values.length).fill(0);
  let tieTerm = 0;
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end] as number] === values[order[start] as number]) {
      end++;
    }
    const t = end - start;
    tieTerm += t * t * t - t;
    // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i] as number] = rank;
    start = end;
  }
  return { ranks, tieTerm };
}

/** mannWhitneyAsymptotic's aggregates from two in-memory samples (Comparing two models). */
export function mannWhitneyInputs(x: readonly number[], y: readonly number[]): MannWhitneyInputs {
  if (x.some(Number.isNaN) || y.some(Number.isNaN)) {
    throw new RangeError('mannWhitneyInputs: NaN values must be filtered out first');
  }
  const { ranks, tieTerm } = midranks([...x, ...y]);
  let rankSum1 = 0;
  for (let i = 0; i < x.length; i++) rankSum1 += ranks[i] as number;
  return { n1: x.length, n2: y.length, rankSum1, tieTerm };
}
