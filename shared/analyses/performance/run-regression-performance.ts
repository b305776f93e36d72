// Regression performance per cohort and over time (STATS.md's regression sentence): one scan per
// side sums each group's errors (prediction - truth) over rows with a finite truth and prediction.
// STATS.md names no test for MAE: changes are shown without p or q, and no onset is dated.
import type { Cell } from '../../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../../engine/engine.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { MIN_JUDGED_ROWS } from '../../stats/binary-metrics.ts';
import { regressionMetrics, type RegressionSums } from '../../stats/regression-metrics.ts';
import type { TaskRules } from './performance-assembly.ts';
import { untested } from './performance-delta.ts';
import {
  groupFieldsSql,
  groupFlagsSql,
  groupingSetsSql,
  type Grouping,
} from './performance-groups.ts';
import { rankCohorts } from './performance-order.ts';
import { groupedScan, runTask } from './performance-runner.ts';
import type {
  RegressionDeltaMetric,
  RegressionGroup,
  RegressionPerformanceResult,
  TaskDelta,
} from './performance-task-result.ts';
import type { LabelledSide, RegressionPerformanceSpec } from './performance-task-spec.ts';

/** A group's rows and sums; `sumTruth` lets the rest of the log's spread be derived. */
interface ErrorSums extends RegressionSums {
  rows: number;
  sumTruth: number;
}

const noSums: ErrorSums = {
  rows: 0,
  n: 0,
  sumError: 0,
  sumAbsError: 0,
  sumSquaredError: 0,
  truthSumSquares: 0,
  sumTruth: 0,
};

/**
 * One scan of a side: per group (performance-groups.ts) `all_rows`, and over rows with a finite
 * truth and prediction, `n` and the sums of the error, its absolute value and square, of the
 * truth, and the truth's squared deviations from its mean (var_pop · n, summed stably by DuckDB).
 */
export function regressionSumsQuery(from: Sql, side: LabelledSide, grouping: Grouping): Sql {
  const truth = sql`${ident(side.label)}::DOUBLE`;
  const prediction = sql`${ident(side.prediction)}::DOUBLE`;
  const known = sql`isfinite(${truth}) AND isfinite(${prediction})`;
  const fields = [
    ...groupFieldsSql(grouping),
    sql`CASE WHEN ${known} THEN ${prediction} - ${truth} END AS e`,
    sql`CASE WHEN ${known} THEN ${truth} END AS y`,
  ];
  return sql`SELECT ${groupFlagsSql(grouping)}, count(*)::DOUBLE AS all_rows, count(e)::DOUBLE AS n,
      coalesce(fsum(e), 0) AS sum_error, coalesce(fsum(abs(e)), 0) AS sum_abs_error,
      coalesce(fsum(e * e), 0) AS sum_squared_error, coalesce(fsum(y), 0) AS sum_truth,
      coalesce(var_pop(y) * count(y), 0) AS truth_sum_squares
    FROM (SELECT ${join(fields)} FROM ${from})
    GROUP BY ${groupingSetsSql(grouping)}`;
}

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

const readSums = (_: ErrorSums, r: Record<string, Cell>): ErrorSums => ({
  rows: num(r.all_rows),
  n: num(r.n),
  sumError: num(r.sum_error),
  sumAbsError: num(r.sum_abs_error),
  sumSquaredError: num(r.sum_squared_error),
  truthSumSquares: num(r.truth_sum_squares),
  sumTruth: num(r.sum_truth),
});

/**
 * The sums of `a`'s rows not in `b`. The truth's squared deviations split as Chan et al.'s
 * parallel variance does: M2_a = M2_b + M2_rest + d² n_b n_rest / n_a, d the difference of means.
 */
function subtractSums(a: ErrorSums, b: ErrorSums): ErrorSums {
  const n = a.n - b.n;
  const sumTruth = a.sumTruth - b.sumTruth;
  const d = n > 0 && b.n > 0 ? sumTruth / n - b.sumTruth / b.n : 0;
  const between = a.n > 0 ? (d * d * b.n * n) / a.n : 0;
  return {
    rows: a.rows - b.rows,
    n,
    sumError: a.sumError - b.sumError,
    sumAbsError: a.sumAbsError - b.sumAbsError,
    sumSquaredError: a.sumSquaredError - b.sumSquaredError,
    truthSumSquares: n > 0 ? Math.max(0, a.truthSumSquares - b.truthSumSquares - between) : 0,
    sumTruth,
  };
}

const group = (c: ErrorSums): RegressionGroup => ({
  rows: c.rows,
  n: c.n,
  metrics: regressionMetrics(c),
  too_small: c.n < MIN_JUDGED_ROWS,
});

function delta(
  cur: ErrorSums,
  base: ErrorSums,
  against: 'reference' | 'rest',
): TaskDelta<RegressionDeltaMetric> | null {
  if (base.n === 0) return null;
  const b = regressionMetrics(base);
  const c = regressionMetrics(cur);
  return {
    against,
    n: base.n,
    too_small: base.n < MIN_JUDGED_ROWS || cur.n < MIN_JUDGED_ROWS,
    metrics: {
      mae: untested(b.mae, c.mae),
      rmse: untested(b.rmse, c.rmse),
      mean_error: untested(b.mean_error, c.mean_error),
      r2: untested(b.r2, c.r2),
    },
  };
}

const regressionRules: TaskRules<ErrorSums, RegressionGroup, TaskDelta<RegressionDeltaMetric>> = {
  zero: noSums,
  subtract: subtractSums,
  group,
  delta,
  significance: () => undefined,
  onset: () => null,
};

/**
 * Regression metrics (MAE, RMSE, mean error, R²) overall and per cohort, against the reference's
 * cohort or the rest of the log (changes only), and per window. Cohorts are ranked by MAE's rise.
 */
export async function runRegressionPerformance(
  engine: Engine,
  spec: RegressionPerformanceSpec,
  ctx: RunContext = {},
): Promise<RegressionPerformanceResult> {
  const { table, common } = await runTask(
    engine,
    spec,
    groupedScan(regressionSumsQuery, readSums, noSums),
    regressionRules,
    ctx,
  );
  return {
    task: 'regression',
    ...common,
    outcome: { label: spec.log.label, prediction: spec.log.prediction },
    primary_metric: 'mae',
    overall: table.overall,
    cohorts: rankCohorts(table.cohorts, 'mae', false),
    ...(table.timeline ? { timeline: table.timeline } : {}),
  };
}
