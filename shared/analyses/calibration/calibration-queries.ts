// The only place calibration's SQL is written. Each side is scanned once for its bins (per
// cohort too), the score histogram, the Brier sum and the rows it cannot use; equal-mass bins
// first take one query for the order statistics their edges are finished from in JS.
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';
import { brierSumSql } from '../../stats/brier.ts';
import { outcomeSql } from '../binary-outcome.ts';
import { intSql, quantileBinSql } from '../quantile-bins.ts';
import { validNumberSql } from '../valid-value.ts';
import type { CalibrationSide } from './calibration-spec.ts';

/** How a side's rows are read: from where, and the cohort key (null for the overall curve only). */
export interface SideScan {
  from: Sql;
  side: CalibrationSide;
  /** The typed cohort key (cohortKeySql); its text form `kt` names a cohort's own edges. */
  cohortKey: Sql | null;
}

/**
 * `base`: per row `y` (1 / 0, NULL without a label), `s` (the valid score as DOUBLE, NULL when
 * null, NaN or ±Infinity), `score_null`, `counted` (both known), and with a cohort `k_0` and `kt`.
 */
function baseSql({ from, side, cohortKey }: SideScan): Sql {
  const label = ident(side.label);
  const { actual } = outcomeSql({
    label: side.label,
    positive: side.positive,
    prediction: null,
    score: side.score,
    threshold: 0.5,
  });
  const fields = [
    ...(cohortKey ? [sql`${cohortKey} AS k_0`] : []),
    sql`CASE WHEN ${label} IS NOT NULL THEN ${actual}::INTEGER END AS y`,
    sql`${validNumberSql(side.score, side.scoreType)} AS s`,
    sql`${ident(side.score)} IS NULL AS score_null`,
  ];
  const keyText = cohortKey ? [raw('k_0::VARCHAR AS kt')] : [];
  return sql`base AS (
      SELECT *, ${join([...keyText, raw('y IS NOT NULL AND s IS NOT NULL AS counted')])}
      FROM (SELECT ${join(fields)} FROM ${from})
    )`;
}

/**
 * The order statistics equal-mass edges at `positions` (k/B) need, per curve (`whole` 1: the
 * side's; 0: a cohort's, by key text `kt`): its count `n` of counted scores, and the scores
 * at the 0-based position `i` = floor((n - 1) · q) (`v`) and the next one (`v_next`, NULL past
 * the end). Each curve's scores are gathered sorted once, the side's and each cohort's in one
 * GROUPING SETS pass (about twice as fast here as row_number() windows), so one query does it. JS
 * finishes the edges (quantile-edges.ts holds the rule, and fails on a position it lacks).
 */
export function scoreOrderStatisticsQuery(scan: SideScan, positions: readonly number[]): Sql {
  const sorted = scan.cohortKey
    ? raw(`SELECT grouping(kt) AS whole, kt, list(s ORDER BY s) AS xs
        FROM base WHERE counted GROUP BY GROUPING SETS ((), (kt))`)
    : raw(`SELECT 1 AS whole, NULL::VARCHAR AS kt, list(s ORDER BY s) AS xs
        FROM base WHERE counted`);
  const qs = join(positions.map((q) => sql`(${q}::DOUBLE)`));
  return sql`WITH ${baseSql(scan)}, sorted AS MATERIALIZED (${sorted}),
    lows AS (
      SELECT whole, kt, len(xs) AS n, floor((len(xs) - 1) * q)::BIGINT AS lo
      FROM sorted, (VALUES ${qs}) AS positions(q)
      WHERE len(xs) > 0
    )
    SELECT lows.whole, lows.kt, lows.n::DOUBLE AS n, lows.lo::DOUBLE AS i,
      sorted.xs[lows.lo + 1] AS v, sorted.xs[lows.lo + 2] AS v_next
    FROM lows JOIN sorted ON sorted.whole = lows.whole AND sorted.kt IS NOT DISTINCT FROM lows.kt`;
}

/** Where each counted score goes: edges for every row, and per cohort its own (equal-mass). */
export interface ScoreBinning {
  /** The overall curve's inner edges (and every cohort's, when `cohortEdges` is null). */
  edges: readonly number[];
  /** Each cohort's own inner edges by key text, all of the same length as `edges`. */
  cohortEdges: ReadonlyMap<string | null, readonly number[]> | null;
  /** The histogram's inner edges. */
  histogramEdges: readonly number[];
}

/** The bin of `value` among the inner edges in the list column `list` (`count` of them). */
function listBinSql(value: Sql, list: Sql, count: number): Sql {
  const whens = Array.from(
    { length: count },
    (_, k) => sql`WHEN ${value} <= ${list}[${intSql(k + 1)}] THEN ${intSql(k)}`,
  );
  return whens.length === 0 ? intSql(0) : sql`(CASE ${join(whens, ' ')} ELSE ${intSql(count)} END)`;
}

/** Why a row is not counted (`reason` in calibrationCountsQuery), checked in this order. */
export const skipReasons = ['no_label', 'no_score', 'invalid_score'] as const;

/**
 * One scan of a side, grouped once (one GROUP BY is about twice as fast as GROUPING SETS here) by
 * the cohort (`k_0`, its text `kt`), the calibration bin `b` over the side's edges, `bc` over the
 * cohort's own, the histogram bar `h`, and `reason`, the index in skipReasons of why a row is not
 * counted (NULL when counted; then the bins are NULL). JS adds the groups up per curve. Per group:
 * `rows`, `positives`, `score_sum`, `brier_sum`, `outside` (finite scores outside [0, 1]),
 * `min_score`, `max_score`.
 */
export function calibrationCountsQuery(scan: SideScan, binning: ScoreBinning): Sql {
  const s = raw('s');
  const counted = (bin: Sql) => sql`CASE WHEN counted THEN ${bin} END`;
  const values = [...(binning.cohortEdges ?? [])].map(
    ([kt, edges]) => sql`(${kt}::VARCHAR, [${join(edges.map((e) => sql`${e}::DOUBLE`))}])`,
  );
  // Without cohort edges each cohort is cut where the whole side is; a cohort without a counted
  // score has no edges of its own, and nothing to cut.
  const ownEdges = scan.cohortKey !== null && binning.cohortEdges !== null;
  const cohortBin = !ownEdges
    ? null
    : values.length > 0
      ? counted(listBinSql(s, raw('cohort_edges.edges'), binning.edges.length))
      : raw('NULL::INTEGER');
  const edgesJoin =
    ownEdges && values.length > 0
      ? sql`LEFT JOIN (VALUES ${join(values)}) AS cohort_edges(ckt, edges)
          ON base.kt IS NOT DISTINCT FROM cohort_edges.ckt`
      : raw('');
  const keys = [
    ...(scan.cohortKey ? [raw('k_0'), raw('kt')] : []),
    raw('b'),
    ...(cohortBin ? [raw('bc')] : []),
    raw('h'),
    raw('reason'),
  ];
  const reason = (why: (typeof skipReasons)[number]) => intSql(skipReasons.indexOf(why));
  const brier = brierSumSql(s, raw('y'), raw('(1 - y)'));
  return sql`WITH ${baseSql(scan)},
    binned AS (
      SELECT base.*,
        ${counted(quantileBinSql(s, binning.edges))} AS b,
        ${cohortBin ? sql`${cohortBin} AS bc,` : raw('')}
        ${counted(quantileBinSql(s, binning.histogramEdges))} AS h,
        CASE WHEN y IS NULL THEN ${reason('no_label')} WHEN score_null THEN ${reason('no_score')}
          WHEN s IS NULL THEN ${reason('invalid_score')} END AS reason
      FROM base ${edgesJoin}
    )
    SELECT ${join(keys)}, ${cohortBin ? raw('') : raw('b AS bc,')}
      count(*)::DOUBLE AS rows,
      coalesce(sum(y), 0)::DOUBLE AS positives,
      coalesce(fsum(s), 0)::DOUBLE AS score_sum,
      coalesce(fsum(${brier}), 0)::DOUBLE AS brier_sum,
      count_if(s < 0 OR s > 1)::DOUBLE AS outside,
      min(s) AS min_score, max(s) AS max_score
    FROM binned GROUP BY ${join(keys)}`;
}
