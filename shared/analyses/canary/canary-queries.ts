// The canary's SQL: per group (canary-groups.ts) and side the counts behind every proportion and
// the latency quantiles; rank sums for AUC, Mann-Whitney and Wilcoxon (rows grouped by the ranked
// value, a value's midrank = the rows below it + (t + 1) / 2, so DuckDB ranks and JS gets sums);
// the paired tables of a shadow comparison; the beside numbers' bins.
import { join, raw, sql, type Sql } from '../../sql/sql.ts';
import { logLossSumSql } from '../../stats/log-loss.ts';
import { intSql } from '../quantile-bins.ts';
import {
  groupColumnsSql,
  groupFlagsSql,
  groupingSetsSql,
  windowLabel,
  type CanaryGrouping,
} from './canary-groups.ts';

/** The sums every group's counts are, over rows (`count(*)`) or over rows of one score. */
const countSums = [
  raw('count(*)::DOUBLE AS rows'),
  raw('count(c)::DOUBLE AS n'),
  raw('coalesce(sum(y), 0)::DOUBLE AS positives'),
  raw('coalesce(sum(yhat), 0)::DOUBLE AS predicted'),
  raw('coalesce(sum(y * yhat), 0)::DOUBLE AS tp'),
  raw('coalesce(sum(c), 0)::DOUBLE AS correct'),
  raw('count(ok)::DOUBLE AS ok_n'),
  raw('coalesce(sum(ok), 0)::DOUBLE AS ok_k'),
  raw('count(lat)::DOUBLE AS lat_n'),
  raw('count(s)::DOUBLE AS scored'),
];

/**
 * Per side and group: `rows`; labelled rows `n`, `positives`, `predicted`, `tp`, `correct`;
 * `ok_n` rows with a known success and `ok_k` successes; `lat_n` latencies; over the finite
 * scores `scored`, `log_loss_sum`, and the AUC's positives `marked_n` with their summed midranks
 * `marked_rank_sum` (rows grouped by score within each group, a score's midrank = the rows below
 * it + (t + 1) / 2), in one scan. (Latency quantiles come from the ranked latencies: quantile_cont
 * here would hold every latency of every group in memory at once.)
 */
export function countsQuery(rows: Sql, g: CanaryGrouping): Sql {
  const groups = groupColumnsSql(g);
  const sum = (column: string) => raw(`sum(${column}) AS ${column}`);
  const scored = raw('FILTER (WHERE v IS NOT NULL)');
  return sql`WITH by_score AS (
      SELECT ${groupFlagsSql(g)}, s AS v, ${join(countSums)}
      FROM ${rows} GROUP BY ${groupingSetsSql(g, [raw('s')])}
    ),
    ranked AS (
      SELECT *, coalesce(sum(scored) OVER (PARTITION BY ${groups} ORDER BY v
        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS below
      FROM by_score
    )
    SELECT ${join([
      groups,
      windowLabel(g),
      ...[
        'rows',
        'n',
        'positives',
        'predicted',
        'tp',
        'correct',
        'ok_n',
        'ok_k',
        'lat_n',
        'scored',
      ].map(sum),
      sql`coalesce(sum(positives) ${scored}, 0) AS marked_n`,
      sql`coalesce(sum(positives * (below + (scored + 1) / 2)) ${scored}, 0) AS marked_rank_sum`,
      sql`fsum(${logLossSumSql(raw('v'), raw('positives'), raw('(n - positives)'))}) ${scored} AS log_loss_sum`,
    ])}
    FROM ranked GROUP BY ${groups}`;
}

/**
 * The order statistics of the marked (`m`) and unmarked (`u`) rows' values that numpy's linear
 * quantile at each of `qs` needs: `q{j}_{m|u}_lo` = the value at 0-based index
 * floor((n - 1) q) and `_hi` the next one (null past the end), plus each one's `{m|u}_min`.
 */
function orderStatisticsSql(qs: readonly number[]): Sql[] {
  const sides = [
    ['m', 'c_m', 'n_m'],
    ['u', 'c_u', 'n_u'],
  ] as const;
  return [
    raw('min(v) FILTER (WHERE tm > 0) AS m_min'),
    raw('min(v) FILTER (WHERE t > tm) AS u_min'),
    ...qs.flatMap((q, j) =>
      sides.flatMap(([side, cumulative, n]) => {
        const lo = sql`floor((${raw(n)} - 1) * ${q})`;
        return [
          sql`min(v) FILTER (WHERE ${raw(cumulative)} > ${lo}) AS ${raw(`q${j}_${side}_lo`)}`,
          sql`min(v) FILTER (WHERE ${raw(cumulative)} > ${lo} + 1) AS ${raw(`q${j}_${side}_hi`)}`,
        ];
      }),
    ),
  ];
}

/**
 * Rank sums per group of `value` over the rows of `from` where it is not null: `n` values,
 * `marked_n` of them marked, `marked_rank_sum` (their midranks' sum within the group) and
 * `tie_term` = sum(t³ - t) over tied values (in DOUBLE: t³ overflows BIGINT); with `quantiles`,
 * the order statistics those quantiles need of the marked and of the unmarked values.
 */
export function rankSumsQuery(
  from: Sql,
  g: CanaryGrouping,
  value: Sql,
  marked: Sql,
  quantiles: readonly number[] = [],
): Sql {
  const groups = groupColumnsSql(g);
  const within = sql`PARTITION BY ${groups} ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND`;
  const cumulative =
    quantiles.length === 0
      ? raw('')
      : sql`, sum(tm) OVER (${within} CURRENT ROW) AS c_m, sum(t - tm) OVER (${within} CURRENT ROW) AS c_u,
        sum(tm) OVER (PARTITION BY ${groups}) AS n_m, sum(t - tm) OVER (PARTITION BY ${groups}) AS n_u`;
  const statistics = quantiles.length === 0 ? [] : orderStatisticsSql(quantiles);
  return sql`WITH valued AS (SELECT *, ${value} AS v, (${marked})::INTEGER AS m FROM ${from}),
    by_value AS (
      SELECT ${groupFlagsSql(g)}, v, count(*)::DOUBLE AS t, sum(m)::DOUBLE AS tm
      FROM valued WHERE v IS NOT NULL GROUP BY ${groupingSetsSql(g, [raw('v')])}
    ),
    ranked AS (
      SELECT *, coalesce(sum(t) OVER (${within} 1 PRECEDING), 0) AS below ${cumulative}
      FROM by_value
    )
    SELECT ${join([
      groups,
      windowLabel(g),
      raw('sum(t) AS n'),
      raw('sum(tm) AS marked_n'),
      raw('sum(tm * (below + (t + 1) / 2)) AS marked_rank_sum'),
      raw('sum(t * t * t - t) AS tie_term'),
      ...statistics,
    ])}
    FROM ranked GROUP BY ${groups}`;
}

/** The rows both sides logged, joined by id: the baseline's segment keys and window, both outcomes. */
export function pairedRowsSql(rows: Sql, segments: number): Sql {
  const keys = Array.from({ length: segments }, (_, i) => raw(`b.k_${i}`));
  return sql`(SELECT ${join([
    ...keys,
    raw('b.w'),
    raw('b.y AS y'),
    raw('b.c AS bc'),
    raw('c.c AS cc'),
    raw('b.ok AS bo'),
    raw('c.ok AS co'),
    raw('b.lat - c.lat AS d'),
    raw('abs(b.s - b.y) - abs(c.s - c.y) AS de'),
  ])}
    FROM (SELECT * FROM ${rows} WHERE side = 0) AS b
    JOIN (SELECT * FROM ${rows} WHERE side = 1) AS c ON b.id = c.id)`;
}

/** The four cells of a McNemar table of `a` (baseline) and `b` (canary) 1/0, where `when`. */
const tableCells = (prefix: string, a: string, b: string, when: string): Sql[] =>
  [
    ['11', `${a} = 1 AND ${b} = 1`],
    ['10', `${a} = 1 AND ${b} = 0`],
    ['01', `${a} = 0 AND ${b} = 1`],
    ['00', `${a} = 0 AND ${b} = 0`],
  ].map(([cell, condition]) =>
    raw(`count(*) FILTER (WHERE ${when} AND ${condition})::DOUBLE AS ${prefix}_${cell}`),
  );

/**
 * Per group of the joined rows: `pairs`; McNemar tables `acc_*` (both outcomes known), `rec_*`
 * (the same on label 1), `ok_*` (both successes known); `d_n` pairs with both latencies and
 * `d_zero` of them equal.
 */
export function pairedCountsQuery(paired: Sql, g: CanaryGrouping): Sql {
  const both = 'bc IS NOT NULL AND cc IS NOT NULL';
  return sql`SELECT ${groupFlagsSql(g)}, ${windowLabel(g)}, count(*)::DOUBLE AS pairs,
      ${join([
        ...tableCells('acc', 'bc', 'cc', both),
        ...tableCells('rec', 'bc', 'cc', `${both} AND y = 1`),
        ...tableCells('ok', 'bo', 'co', 'bo IS NOT NULL AND co IS NOT NULL'),
      ])},
      count(d)::DOUBLE AS d_n, count(*) FILTER (WHERE d = 0)::DOUBLE AS d_zero,
      count(de)::DOUBLE AS de_n, count(*) FILTER (WHERE de = 0)::DOUBLE AS de_zero
    FROM ${paired} GROUP BY ${groupingSetsSql(g)}`;
}

/**
 * Per side: the score's equal-width calibration bin `b` (the number of `edges` strictly below the
 * score, as STATS.md "Calibration" bins), rows `n`, `positives` and `score_sum`.
 */
export function calibrationSumsQuery(rows: Sql, edges: readonly number[]): Sql {
  const bin =
    edges.length === 0
      ? intSql(0)
      : join(
          edges.map((e) => sql`(s > ${e})::INTEGER`),
          ' + ',
        );
  return sql`SELECT side, ${bin} AS b, count(*)::DOUBLE AS n, sum(y)::DOUBLE AS positives,
      fsum(s) AS score_sum
    FROM ${rows} WHERE s IS NOT NULL GROUP BY ALL`;
}

/** Per side, latency counts in `bins` equal bins from `low` by `width`, the last open above. */
export function latencyHistogramQuery(rows: Sql, low: number, width: number, bins: number): Sql {
  return sql`SELECT side, least(greatest(floor((lat - ${low}) / ${width}), 0), ${intSql(bins - 1)})::INTEGER AS b,
      count(*)::DOUBLE AS n
    FROM ${rows} WHERE lat IS NOT NULL GROUP BY ALL`;
}
