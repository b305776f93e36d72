// calibrationCountsQuery's rows → each curve's sums (the whole side, each cohort) → the
// reliability curves of STATS.md "Calibration (binary)".
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../../engine/arrow-columns.ts';
import { isTooSmall } from '../../stats/binary-metrics.ts';
import { reliability, type BinSums } from '../../stats/calibration-bins.ts';
import { skipReasons } from './calibration-queries.ts';
import type {
  CalibrationCurve,
  CalibrationSkipped,
  ScoreHistogramBin,
} from './calibration-result.ts';

/** One curve's sums, added up from the query's groups. */
export interface GroupSums {
  rows: number;
  skipped: CalibrationSkipped;
  /** Calibration bins by index. */
  bins: Map<number, BinSums>;
  brierSum: number;
  /** Histogram bars by index: positives and counted rows. */
  histogram: Map<number, { positives: number; n: number }>;
  /** Finite scores outside [0, 1], and the smallest and largest finite score. */
  outside: number;
  minScore: number | null;
  maxScore: number | null;
}

/** A side's curves: the whole side, and with a cohort column each cohort by its key text. */
export interface SideSums {
  overall: GroupSums;
  cohorts: Map<string | null, { key: Cell; sums: GroupSums }>;
}

const emptySums = (): GroupSums => ({
  rows: 0,
  skipped: { no_label: 0, no_score: 0, invalid_score: 0 },
  bins: new Map(),
  brierSum: 0,
  histogram: new Map(),
  outside: 0,
  minScore: null,
  maxScore: null,
});

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);
const numOrNull = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);

/** Adds one group of the query into a curve, whose bin for it is `bin`. */
function addRow(g: GroupSums, r: Record<string, Cell>, bin: Cell | undefined): void {
  const rows = num(r.rows);
  const positives = num(r.positives);
  g.rows += rows;
  g.outside += num(r.outside);
  const lowest = numOrNull(r.min_score);
  const highest = numOrNull(r.max_score);
  if (lowest !== null) g.minScore = g.minScore === null ? lowest : Math.min(g.minScore, lowest);
  if (highest !== null) g.maxScore = g.maxScore === null ? highest : Math.max(g.maxScore, highest);
  const reason = typeof r.reason === 'number' ? skipReasons[r.reason] : undefined;
  if (reason !== undefined) {
    g.skipped[reason] += rows;
    return;
  }
  if (typeof bin !== 'number' || typeof r.h !== 'number') return;
  const b = g.bins.get(bin) ?? { bin, n: 0, scoreSum: 0, positives: 0 };
  g.bins.set(bin, {
    bin,
    n: b.n + rows,
    scoreSum: b.scoreSum + num(r.score_sum),
    positives: b.positives + positives,
  });
  g.brierSum += num(r.brier_sum);
  const bar = g.histogram.get(r.h) ?? { positives: 0, n: 0 };
  g.histogram.set(r.h, { positives: bar.positives + positives, n: bar.n + rows });
}

/** calibrationCountsQuery's result, added up into the whole side and its cohorts. */
export function readSideSums(result: Table): SideSums {
  const out: SideSums = { overall: emptySums(), cohorts: new Map() };
  for (const r of readRows(result)) {
    addRow(out.overall, r, r.b);
    if (!('kt' in r)) continue;
    const kt = typeof r.kt === 'string' ? r.kt : null;
    let cohort = out.cohorts.get(kt);
    if (!cohort) {
      cohort = { key: r.k_0 ?? null, sums: emptySums() };
      out.cohorts.set(kt, cohort);
    }
    addRow(cohort.sums, r, r.bc);
  }
  return out;
}

/** [lo, hi] of bin b among the inner edges, with 0 and 1 at the outer ends. */
function binEnds(edges: readonly number[], bin: number): { lo: number; hi: number } {
  return { lo: bin === 0 ? 0 : (edges[bin - 1] ?? 0), hi: edges[bin] ?? 1 };
}

/** A group's curve: its bins where they sit, ECE, MCE, Brier, the histogram, too_small. */
export function curveOf(
  g: GroupSums,
  edges: readonly number[],
  histogramEdges: readonly number[],
): CalibrationCurve {
  const r = reliability([...g.bins.values()], g.brierSum);
  const n = r.bins.reduce((acc, b) => acc + b.n, 0);
  const positives = r.bins.reduce((acc, b) => acc + b.positives, 0);
  const histogram: ScoreHistogramBin[] = Array.from(
    { length: histogramEdges.length + 1 },
    (_, i) => {
      const bar = g.histogram.get(i) ?? { positives: 0, n: 0 };
      return {
        ...binEnds(histogramEdges, i),
        positives: bar.positives,
        negatives: bar.n - bar.positives,
      };
    },
  );
  return {
    rows: g.rows,
    n,
    positives,
    skipped: { ...g.skipped },
    edges: [...edges],
    bins: r.bins.map(({ bin, ...rest }) => ({ bin, ...binEnds(edges, bin), ...rest })),
    ece: r.ece,
    mce: r.mce,
    brier: r.brier,
    histogram,
    too_small: isTooSmall({ n, positives }),
  };
}
