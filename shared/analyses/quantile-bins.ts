// Equal-mass bins in SQL, for any FROM item and value expressions: the order statistics their edges
// are finished from in JS (shared/stats/quantile-edges.ts, exactly as STATS.md pins them), a
// value's bin, and a bin's name for people.
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../engine/arrow-columns.ts';
import type { Predicate } from '../sql/predicate.ts';
import { ident, join, sql, type Sql } from '../sql/sql.ts';
import { orderStatisticIndexes } from '../stats/quantile-edges.ts';

/**
 * A quantile position DuckDB's quantile_disc maps exactly to the i-th smallest of n values: for a
 * DECIMAL q it takes index ceil(n·q) - 1 in integer arithmetic, so the midpoint (i + ½)/n, as 30
 * decimals, is safely inside (i/n, (i+1)/n].
 */
const discPosition = (i: number, n: number): Sql =>
  sql`${((i + 0.5) / n).toFixed(30)}::DECIMAL(38, 30)`;

/** A value's valid count and its i-th smallest valid value (0-based), for quantile edges. */
export interface SortedValues {
  n: number;
  at: (index: number) => number;
}

/** Aggregates counting each value expression's non-null values, as `n_0`, `n_1`, … */
export const valueCountsSql = (values: readonly Sql[]): Sql[] =>
  values.map((v, i) => sql`count(${v})::DOUBLE AS ${ident(`n_${i}`)}`);

/** The counts valueCountsSql's aggregates read, from their result row. */
export const valueCounts = (row: Record<string, Cell>, values: readonly Sql[]): number[] =>
  values.map((_, i) => Number(row[`n_${i}`] ?? 0));

/**
 * For each value expression over `from`, its count of non-null values and the order statistics
 * the linear quantiles at `positions` need: one query for the counts, then orderStatisticsOf.
 */
export async function sortedValuesOf(
  run: (q: Sql) => Promise<Table>,
  from: Sql,
  values: readonly Sql[],
  positions: readonly number[],
): Promise<SortedValues[]> {
  if (values.length === 0) return [];
  const [counts] = readRows(await run(sql`SELECT ${join(valueCountsSql(values))} FROM ${from}`));
  return orderStatisticsOf(run, from, values, valueCounts(counts ?? {}, values), positions);
}

/**
 * The order statistics the linear quantiles at `positions` need, of each value expression over
 * `from` whose count of non-null values is `sizes`: one query per value (by quantile_disc). `at`
 * throws for an index that was not fetched.
 */
export async function orderStatisticsOf(
  run: (q: Sql) => Promise<Table>,
  from: Sql,
  values: readonly Sql[],
  sizes: readonly number[],
  positions: readonly number[],
): Promise<SortedValues[]> {
  // quantile_disc selects its order statistics without sorting every value (~3x a full sort).
  const wanted = values.flatMap((v, i) => {
    const n = sizes[i] ?? 0;
    if (n === 0) return [];
    const indexes = orderStatisticIndexes(n, positions);
    return [
      {
        i,
        indexes,
        sql: sql`quantile_disc(${v}, [${join(indexes.map((x) => discPosition(x, n)))}]) AS ${ident(`q_${i}`)}`,
      },
    ];
  });
  const fetched = new Map<string, number>();
  // One value a query: quantile_disc holds every value it selects from, and ten 10M-row columns
  // at once would not fit in DuckDB-WASM's memory beside the table.
  for (const w of wanted) {
    const t = await run(sql`SELECT ${w.sql} FROM ${from}`);
    const list = t.getChild(`q_${w.i}`)?.get(0) as Iterable<unknown> | null | undefined;
    const got = list ? Array.from(list, Number) : [];
    w.indexes.forEach((x, j) => {
      const v = got[j];
      if (v !== undefined) fetched.set(`${w.i}:${x}`, v);
    });
  }
  return sizes.map((n, i) => ({
    n,
    at: (index: number) => {
      const v = fetched.get(`${i}:${index}`);
      if (v === undefined)
        throw new RangeError(`sortedValuesOf: order statistic ${index} of value ${i}`);
      return v;
    },
  }));
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

/** The cohort-filter predicates that select a quantile bin's valid values: `> lo` and `<= hi`. */
export function quantileBinPredicates(
  column: string,
  edges: readonly number[],
  index: number,
): Predicate[] {
  const lower = edges[index - 1];
  const upper = edges[index];
  const out: Predicate[] = [];
  if (lower !== undefined) out.push({ column, op: '>', value: lower });
  if (upper !== undefined) out.push({ column, op: '<=', value: upper });
  // A single bin (no edges) holds every valid value.
  if (out.length === 0) out.push({ column, op: '!=', value: null });
  return out;
}
