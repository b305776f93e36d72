// Where a side's scores are cut into calibration bins: STATS.md's equal-width edges k · (1/B), or
// equal-mass edges, the numpy-linear quantiles of the counted scores (the whole side's for its own
// curve, each cohort's own for the cohort's, so each equals calibration_curve on its rows alone).
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Sql } from '../../sql/sql.ts';
import { quantileCalibrationEdges, uniformEdges } from '../../stats/calibration-bins.ts';
import { edgePositions } from '../../stats/quantile-edges.ts';
import {
  scoreOrderStatisticsQuery,
  type ScoreBinning,
  type SideScan,
} from './calibration-queries.ts';
import type { CalibrationStrategy } from './calibration-spec.ts';

/** Bars of the score histogram beside the reliability diagram. */
export const HISTOGRAM_BINS = 20;

/** A curve's counted scores and the order statistics fetched for its edges. */
interface CurveStatistics {
  n: number;
  at: Map<number, number>;
}

/** Equal-mass edges of the side and, with a cohort column, of each cohort: one query. */
async function quantileBinning(
  run: (q: Sql) => Promise<Table>,
  scan: SideScan,
  bins: number,
): Promise<Pick<ScoreBinning, 'edges' | 'cohortEdges'>> {
  let overall: CurveStatistics = { n: 0, at: new Map() };
  const cohorts = new Map<string | null, CurveStatistics>();
  for (const r of readRows(await run(scoreOrderStatisticsQuery(scan, edgePositions(bins))))) {
    const kt = typeof r.kt === 'string' ? r.kt : null;
    const curve = r.whole === 1 ? overall : (cohorts.get(kt) ?? { n: 0, at: new Map() });
    if (r.whole === 1) overall = curve;
    else cohorts.set(kt, curve);
    curve.n = Number(r.n);
    const i = Number(r.i);
    if (typeof r.v === 'number') curve.at.set(i, r.v);
    if (typeof r.v_next === 'number') curve.at.set(i + 1, r.v_next);
  }
  const edgesOf = ({ n, at }: CurveStatistics): number[] =>
    n === 0
      ? []
      : quantileCalibrationEdges(
          n,
          (i) => {
            const v = at.get(i);
            if (v === undefined) throw new RangeError(`calibration edges: order statistic ${i}`);
            return v;
          },
          bins,
        );
  return {
    edges: edgesOf(overall),
    cohortEdges:
      scan.cohortKey === null
        ? null
        : new Map([...cohorts].map(([kt, curve]) => [kt, edgesOf(curve)])),
  };
}

/**
 * A side's binning for `strategy`: equal-width edges need no query; equal-mass edges take one
 * (each curve's sorted scores, of which only the order statistics the edges need come back).
 */
export async function scoreBinning(
  run: (q: Sql) => Promise<Table>,
  scan: SideScan,
  strategy: CalibrationStrategy,
  bins: number,
): Promise<ScoreBinning> {
  const histogramEdges = uniformEdges(HISTOGRAM_BINS);
  if (strategy === 'uniform')
    return { edges: uniformEdges(bins), cohortEdges: null, histogramEdges };
  return { ...(await quantileBinning(run, scan, bins)), histogramEdges };
}
