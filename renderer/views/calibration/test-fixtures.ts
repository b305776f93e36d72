import type {
  CalibrationCurve,
  CalibrationResult,
  ScoreHistogramBin,
} from '../../../shared/analyses/calibration/calibration-result.ts';
import { isTooSmall } from '../../../shared/stats/binary-metrics.ts';
import { reliability, uniformEdges, type BinSums } from '../../../shared/stats/calibration-bins.ts';

/** A bin's rows: its index among B = 10 equal-width bins, n, positives and mean score. */
type BinRows = [bin: number, n: number, positives: number, meanScore: number];

/** A curve over 10 equal-width bins from each bin's rows, its numbers by the stats module. */
export function curve(rows: readonly BinRows[], brierPerRow = 0.02): CalibrationCurve {
  const edges = uniformEdges(10);
  const sums: BinSums[] = rows.map(([bin, n, positives, mean]) => ({
    bin,
    n,
    positives,
    scoreSum: mean * n,
  }));
  const n = sums.reduce((a, s) => a + s.n, 0);
  const positives = sums.reduce((a, s) => a + s.positives, 0);
  const r = reliability(sums, brierPerRow * n);
  const histogram: ScoreHistogramBin[] = Array.from({ length: 20 }, (_, i) => {
    const inBar = rows.filter(([, , , mean]) => Math.min(19, Math.floor(mean * 20)) === i);
    const barRows = inBar.reduce((a, [, k]) => a + k, 0);
    const barPositives = inBar.reduce((a, [, , p]) => a + p, 0);
    return {
      lo: i / 20,
      hi: (i + 1) / 20,
      positives: barPositives,
      negatives: barRows - barPositives,
    };
  });
  return {
    rows: n,
    n,
    positives,
    skipped: { no_label: 0, no_score: 0, invalid_score: 0 },
    edges,
    bins: r.bins.map((b) => ({
      ...b,
      lo: b.bin === 0 ? 0 : (edges[b.bin - 1] ?? 0),
      hi: edges[b.bin] ?? 1,
    })),
    ece: r.ece,
    mce: r.mce,
    brier: r.brier,
    histogram,
    too_small: isTooSmall({ n, positives }),
  };
}

/** Each region's bins, in the result's order: APAC worst, EU better, Tiny too small to judge. */
const regionBins: Record<string, BinRows[]> = {
  APAC: [
    [0, 800, 30, 0.002],
    [7, 40, 10, 0.75],
    [9, 100, 80, 0.99],
  ],
  EU: [
    [0, 1180, 16, 0.002],
    [7, 20, 14, 0.75],
    [9, 200, 198, 0.99],
  ],
  Tiny: [
    [0, 20, 0, 0.002],
    [9, 3, 3, 0.99],
  ],
};

/**
 * The samples' story in small: the log is over-confident in its top bins (0.5 to 1, observed
 * below the score) and under-confident in the lowest; the reference is well calibrated. By
 * region: APAC worst, EU better, Tiny too small to judge.
 */
export function fraudCalibration(withCohorts = true): CalibrationResult {
  const log = curve([
    [0, 2000, 46, 0.002],
    [3, 10, 3, 0.35],
    [5, 40, 10, 0.55],
    [7, 60, 24, 0.75],
    [8, 50, 28, 0.85],
    [9, 300, 282, 0.99],
  ]);
  const reference = curve([
    [0, 1000, 12, 0.012],
    [4, 20, 9, 0.45],
    [9, 100, 99, 0.995],
  ]);
  const result: CalibrationResult = {
    strategy: 'uniform',
    bin_count: 10,
    outcome: { label: 'is_fraud', positive: '1', score: 'fraud_score' },
    ...log,
    by: [],
    reference,
  };
  if (withCohorts) {
    result.by = [{ name: 'region', mode: 'value', edges: null }];
    result.cohorts = Object.entries(regionBins).map(([value, rows]) => ({
      cohort: { region: value },
      predicates: [{ column: 'region', op: '=', value }],
      ...curve(rows),
    }));
  }
  return result;
}
