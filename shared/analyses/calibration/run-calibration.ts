import type { Table } from 'apache-arrow';
import type { Engine, QueryOptions, RunContext } from '../../engine/engine.ts';
import { FaultlineError } from '../../errors.ts';
import type { Sql } from '../../sql/sql.ts';
import { plural } from '../../text/plural.ts';
import { cohortSource } from '../cohort-source.ts';
import { cohortEdges, cohortKeySql, describeCohort } from '../performance/performance-cohorts.ts';
import { curveOf, readSideSums, type GroupSums } from './calibration-curves.ts';
import { scoreBinning } from './calibration-edges.ts';
import { calibrationCountsQuery, type SideScan } from './calibration-queries.ts';
import type { CalibrationCohort, CalibrationResult } from './calibration-result.ts';
import type { CalibrationSide, CalibrationSpec } from './calibration-spec.ts';

const STEPS = 3;

/** Scores must be probabilities: any finite score outside [0, 1] fails, saying how many. */
function checkScoreRange(g: GroupSums, side: CalibrationSide, data: string): void {
  if (g.outside === 0) return;
  throw new FaultlineError({
    code: 'bad_role',
    column: side.score,
    message:
      `calibration: ${plural(g.outside, 'score')} of '${side.score}' in ${data} ${g.outside === 1 ? 'is' : 'are'} outside [0, 1] ` +
      `(min ${String(g.minScore)}, max ${String(g.maxScore)}); calibration needs the predicted probability of the positive class (set --score COL)`,
  });
}

/** Judged cohorts before those too small to judge; within each, the largest ECE first. */
function worstFirst(a: CalibrationCohort, b: CalibrationCohort): number {
  return Number(a.too_small) - Number(b.too_small) || (b.ece ?? -1) - (a.ece ?? -1) || b.n - a.n;
}

/**
 * Reliability bins, ECE, MCE and the Brier decomposition of the log (STATS.md "Calibration
 * (binary)"), per cohort of one column when asked, and the reference's curve beside it. DuckDB
 * bins and sums each side in one scan (first, equal-mass edges take one query per side, and a
 * numeric cohort column's edges two small ones): JS receives per-bin sums only. A cohort filter
 * that leaves no rows gives curves with n = 0, no bins and null numbers.
 */
export async function runCalibration(
  engine: Engine,
  spec: CalibrationSpec,
  ctx: RunContext = {},
): Promise<CalibrationResult> {
  const opts: QueryOptions = ctx.signal ? { signal: ctx.signal } : {};
  const run = (q: Sql): Promise<Table> => engine.query(q, opts);
  const step = (done: number, phase: string) =>
    ctx.onProgress?.({ phase, done, total: STEPS, unit: 'steps' });

  step(0, 'cutting cohorts');
  const byEdges = await cohortEdges(run, spec);
  const [by] = spec.by;
  const logScan: SideScan = {
    from: cohortSource(spec.log.table, spec.where),
    side: spec.log,
    cohortKey: by ? cohortKeySql(by, by.logType, byEdges[0] ?? null) : null,
  };
  const referenceScan: SideScan | null = spec.reference
    ? {
        from: cohortSource(spec.reference.table, spec.where),
        side: spec.reference,
        cohortKey: null,
      }
    : null;

  step(1, 'cutting score bins');
  const [logBinning, referenceBinning] = await Promise.all([
    scoreBinning(run, logScan, spec.strategy, spec.bins),
    referenceScan ? scoreBinning(run, referenceScan, spec.strategy, spec.bins) : null,
  ]);

  step(2, 'counting bins');
  const [logTable, referenceTable] = await Promise.all([
    run(calibrationCountsQuery(logScan, logBinning)),
    referenceScan && referenceBinning
      ? run(calibrationCountsQuery(referenceScan, referenceBinning))
      : null,
  ]);
  const log = readSideSums(logTable);
  checkScoreRange(log.overall, spec.log, 'the log');
  const reference = referenceTable ? readSideSums(referenceTable) : null;
  if (reference && spec.reference)
    checkScoreRange(reference.overall, spec.reference, 'the reference');

  const { histogramEdges } = logBinning;
  const result: CalibrationResult = {
    strategy: spec.strategy,
    bin_count: spec.bins,
    outcome: { label: spec.log.label, positive: spec.log.positive, score: spec.log.score },
    ...curveOf(log.overall, logBinning.edges, histogramEdges),
    by: spec.by.map((b, i) => ({ name: b.name, mode: b.mode, edges: byEdges[i] ?? null })),
  };
  if (by) {
    result.cohorts = [...log.cohorts]
      .map(([kt, { key, sums }]): CalibrationCohort => {
        const edges = logBinning.cohortEdges?.get(kt) ?? logBinning.edges;
        return {
          ...describeCohort(spec.by, [key], byEdges),
          ...curveOf(sums, edges, histogramEdges),
        };
      })
      .sort(worstFirst);
  }
  if (reference && referenceBinning) {
    result.reference = curveOf(reference.overall, referenceBinning.edges, histogramEdges);
  }
  if (spec.where !== undefined && spec.where.length > 0) result.where = spec.where;
  step(STEPS, 'done');
  return result;
}
