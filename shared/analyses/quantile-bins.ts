// Equal-mass bins in SQL, for any FROM item and value expression: the order statistics their edges
// are finished from in JS (shared/stats/quantile-edges.ts, exactly as STATS.md pins them), a
// value's bin, and a bin's name for people.
import { join, sql, type Sql } from '../sql/sql.ts';

/**
 * The requested order statistics of `value` over `from` (`i`, 0-based position among the sorted
 * non-null values, as DOUBLE; `v`, the value): only the positions asked for come back.
 */
export function orderStatisticsSql(from: Sql, value: Sql, indexes: readonly number[]): Sql {
  const wanted = join(indexes.map((x) => sql`${x}`));
  return sql`SELECT i::DOUBLE AS i, v
    FROM (
      SELECT v, row_number() OVER (ORDER BY v) - 1 AS i
      FROM (SELECT ${value} AS v FROM ${from})
      WHERE v IS NOT NULL
    )
    WHERE i IN (${wanted})`;
}

/** Our own integers, typed: a bare `?` in every CASE branch would leave DuckDB no type to infer. */
export const intSql = (n: number): Sql => sql`${n}::INTEGER`;

/**
 * The bin of a valid numeric value (0-based): the number of edges strictly below it, so the bins
 * are (-inf, e1], (e1, e2], ..., (e_last, +inf). `head` are CASE branches that come first (codes
 * for missing or invalid values).
 */
export function quantileBinSql(
  value: Sql,
  edges: readonly number[],
  head: readonly Sql[] = [],
): Sql {
  const whens = edges.map((e, k) => sql`WHEN ${value} <= ${e} THEN ${intSql(k)}`);
  const branches = [...head, ...whens];
  if (branches.length === 0) return intSql(0);
  return sql`(CASE ${join(branches, ' ')} ELSE ${intSql(edges.length)} END)`;
}

/** An edge for people: 12 significant digits hide interpolation noise (89.10000000000002). */
const edgeText = (e: number | undefined): string =>
  e === undefined ? '?' : String(Number(e.toPrecision(12)));

/** A quantile bin's name for people: `(a, b]`, edges rounded for reading, `-inf` / `+inf` ends. */
export function quantileBinLabel(edges: readonly number[], index: number): string {
  const lower = index === 0 ? '-inf' : edgeText(edges[index - 1]);
  const upper = index === edges.length ? '+inf' : edgeText(edges[index]);
  return `(${lower}, ${upper}]`;
}
