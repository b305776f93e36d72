// The one scan per table behind every performance number: per group (overall, each cohort, and
// with a time column each window of both) the confusion counts, and the AUC's rank sum, log loss
// and Brier sums (STATS.md "Classification metrics (binary)"). Midranks come from DuckDB: rows are
// grouped by score within each group, a score's midrank is the rows of lower scores plus (t + 1)/2.
import type { Table } from 'apache-arrow';
import type { Cell } from '../../engine/arrow-columns.ts';
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';
import { brierSumSql } from '../../stats/brier.ts';
import { logLossSumSql } from '../../stats/log-loss.ts';
import { outcomeSql, type BinaryOutcome } from '../binary-outcome.ts';
import {
  groupFieldsSql,
  groupFlagsSql,
  groupingSetsSql,
  groupKeysSql,
  splitGroups,
  type Grouping,
  type SideGroups,
} from './performance-groups.ts';

/**
 * One scan of `from` (a table or the cohort's rows of it): per group (performance-groups.ts),
 * `all_rows`, labelled and predicted rows `n`, `positives`, `predicted_positives`,
 * `true_positives`; among them the rows with a finite score, `scored` and `scored_positives`, the
 * positives' summed midranks times two (`twice_rank_sum`, an integer), and `log_loss_sum` and
 * `brier_sum`.
 */
export function performanceCountsQuery(from: Sql, outcome: BinaryOutcome, grouping: Grouping): Sql {
  const o = outcomeSql(outcome);
  const score = outcome.score === null ? sql`NULL::DOUBLE` : sql`${ident(outcome.score)}::DOUBLE`;
  const fields = [
    ...groupFieldsSql(grouping),
    sql`CASE WHEN ${o.counted} THEN ${o.actual}::INTEGER END AS y`,
    sql`CASE WHEN ${o.counted} THEN ${o.predicted}::INTEGER END AS yhat`,
    sql`CASE WHEN ${o.counted} AND isfinite(${score}) THEN ${score} END AS s`,
  ];
  const groupKeys = groupKeysSql(grouping);
  const scored = sql`FILTER (WHERE s IS NOT NULL)`;
  const negatives = sql`(n - positives)`;
  return sql`WITH base AS (SELECT ${join(fields)} FROM ${from}),
    by_score AS (
      SELECT ${groupFlagsSql(grouping)}, s, count(*) AS all_rows, count(y) AS n,
        coalesce(sum(y), 0) AS positives, coalesce(sum(yhat), 0) AS predicted_positives,
        coalesce(sum(y * yhat), 0) AS true_positives
      FROM base GROUP BY ${groupingSetsSql(grouping, [raw('s')])}
    ),
    ranked AS (
      SELECT *, coalesce(sum(n) OVER (PARTITION BY ${groupKeys} ORDER BY s ASC NULLS LAST
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below
      FROM by_score
    )
    SELECT ${groupKeys},
      sum(all_rows)::DOUBLE AS all_rows, sum(n)::DOUBLE AS n, sum(positives)::DOUBLE AS positives,
      sum(predicted_positives)::DOUBLE AS predicted_positives,
      sum(true_positives)::DOUBLE AS true_positives,
      coalesce(sum(n) ${scored}, 0)::DOUBLE AS scored,
      coalesce(sum(positives) ${scored}, 0)::DOUBLE AS scored_positives,
      coalesce(sum(positives * (2 * below + n + 1)) ${scored}, 0)::DOUBLE AS twice_rank_sum,
      fsum(${logLossSumSql(raw('s'), raw('positives'), negatives)}) ${scored} AS log_loss_sum,
      fsum(${brierSumSql(raw('s'), raw('positives'), negatives)}) ${scored} AS brier_sum
    FROM ranked GROUP BY ${groupKeys}`;
}

/** A group's counts and sums, as performanceCountsQuery returns them. */
export interface GroupCounts {
  rows: number;
  n: number;
  positives: number;
  predictedPositives: number;
  truePositives: number;
  scored: number;
  scoredPositives: number;
  /** Null when unknown (ranks are not additive, so the rest of the data has none). */
  twiceRankSum: number | null;
  logLossSum: number;
  brierSum: number;
}

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** A performanceCountsQuery row's counts (one row per group). */
export function readCounts(r: Record<string, Cell>): GroupCounts {
  return {
    rows: num(r.all_rows),
    n: num(r.n),
    positives: num(r.positives),
    predictedPositives: num(r.predicted_positives),
    truePositives: num(r.true_positives),
    scored: num(r.scored),
    scoredPositives: num(r.scored_positives),
    twiceRankSum: num(r.twice_rank_sum),
    logLossSum: num(r.log_loss_sum),
    brierSum: num(r.brier_sum),
  };
}

/** performanceCountsQuery's result, split by group. */
export function readBinaryGroups(result: Table, keyCount: number): SideGroups<GroupCounts> {
  return splitGroups(
    result,
    keyCount,
    (_, r) => readCounts(r),
    (c) => c.rows,
    noCounts,
  );
}

/** Counts of the rows in `a` but not in `b` (b a subset of a): the rest of the data. */
export function subtractCounts(a: GroupCounts, b: GroupCounts): GroupCounts {
  return {
    rows: a.rows - b.rows,
    n: a.n - b.n,
    positives: a.positives - b.positives,
    predictedPositives: a.predictedPositives - b.predictedPositives,
    truePositives: a.truePositives - b.truePositives,
    scored: a.scored - b.scored,
    scoredPositives: a.scoredPositives - b.scoredPositives,
    twiceRankSum: null,
    logLossSum: a.logLossSum - b.logLossSum,
    brierSum: a.brierSum - b.brierSum,
  };
}

/** The counts of a group without rows (a cohort one side lacks, an empty window). */
export const noCounts: GroupCounts = {
  rows: 0,
  n: 0,
  positives: 0,
  predictedPositives: 0,
  truePositives: 0,
  scored: 0,
  scoredPositives: 0,
  twiceRankSum: 0,
  logLossSum: 0,
  brierSum: 0,
};
