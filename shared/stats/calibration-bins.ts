// Reliability bins and what STATS.md "Calibration (binary)" computes from them: each bin's mean
// score and observed positive rate (with its Wilson interval), ECE, MCE and Murphy's decomposition
// of the Brier score. DuckDB sums each bin; this file finishes from the sums.
import { edgePositions, linearQuantile } from './quantile-edges.ts';
import { wilsonInterval } from './wilson.ts';

/** STATS.md: B = 10 bins unless the user asks for another count. */
export const DEFAULT_CALIBRATION_BINS = 10;
export const MIN_CALIBRATION_BINS = 2;
export const MAX_CALIBRATION_BINS = 1000;

/**
 * Equal-width inner edges e_k = k · (1/B), k = 1..B-1: a multiplication, as numpy.linspace
 * computes them, so 3 · 0.1 = 0.30000000000000004 and 0.1 + 0.2 lands in bin 2 as in sklearn.
 */
export function uniformEdges(bins: number): number[] {
  const step = 1 / bins;
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) edges.push(k * step);
  return edges;
}

/**
 * Equal-mass inner edges: the numpy-linear quantiles of n scores at k/B, from `at(i)`, the i-th
 * smallest. Repeats are kept (unlike drift's edges), so bin b is sklearn's bin id b; a bin between
 * two equal edges is empty and never reported.
 */
export function quantileCalibrationEdges(
  n: number,
  at: (index: number) => number,
  bins: number,
): number[] {
  return edgePositions(bins).map((q) => linearQuantile(n, q, at));
}

/** One bin's rows as DuckDB sums them. */
export interface BinSums {
  /** 0-based: the number of inner edges strictly below the bin's scores. */
  bin: number;
  n: number;
  scoreSum: number;
  positives: number;
}

/** A non-empty reliability bin (STATS.md "Per bin"). */
export interface ReliabilityBin {
  bin: number;
  n: number;
  positives: number;
  mean_score: number;
  /** Observed positive rate, with its Wilson 95% interval. */
  observed: number;
  low: number;
  high: number;
}

/** The Brier score and Murphy's decomposition on the bins; residual = total - (rel - res + unc). */
export interface BrierDecomposition {
  total: number | null;
  rel: number | null;
  res: number | null;
  unc: number | null;
  residual: number | null;
}

/** A reliability curve's numbers: null where there are no rows. */
export interface Reliability {
  bins: ReliabilityBin[];
  ece: number | null;
  mce: number | null;
  brier: BrierDecomposition;
}

const noBrier: BrierDecomposition = {
  total: null,
  rel: null,
  res: null,
  unc: null,
  residual: null,
};

/**
 * The reliability curve from each bin's sums (empty bins left out, as sklearn's calibration_curve
 * reports them) and the rows' summed (p - y)²: ECE = Σ (n_b/N)|ō_b - p̄_b|, MCE = max |ō_b - p̄_b|,
 * REL = Σ (n_b/N)(p̄_b - ō_b)², RES = Σ (n_b/N)(ō_b - ō)², UNC = ō(1 - ō) (STATS.md "Calibration").
 */
export function reliability(sums: readonly BinSums[], brierSum: number): Reliability {
  const filled = sums.filter((s) => s.n > 0).sort((a, b) => a.bin - b.bin);
  const total = filled.reduce((acc, s) => acc + s.n, 0);
  if (total === 0) return { bins: [], ece: null, mce: null, brier: noBrier };
  const overall = filled.reduce((acc, s) => acc + s.positives, 0) / total;
  let ece = 0;
  let mce = 0;
  let rel = 0;
  let res = 0;
  const bins = filled.map((s): ReliabilityBin => {
    const { value, low, high } = wilsonInterval(s.positives, s.n);
    const observed = value ?? 0;
    const meanScore = s.scoreSum / s.n;
    const weight = s.n / total;
    const gap = Math.abs(observed - meanScore);
    ece += weight * gap;
    mce = Math.max(mce, gap);
    rel += weight * (meanScore - observed) ** 2;
    res += weight * (observed - overall) ** 2;
    return {
      bin: s.bin,
      n: s.n,
      positives: s.positives,
      mean_score: meanScore,
      observed,
      low: low ?? 0,
      high: high ?? 1,
    };
  });
  const unc = overall * (1 - overall);
  const brier = brierSum / total;
  return {
    bins,
    ece,
    mce,
    brier: { total: brier, rel, res, unc, residual: brier - (rel - res + unc) },
  };
}
