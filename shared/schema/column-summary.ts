import { readColumns, readRows, type Cell } from '../engine/arrow-columns.ts';
import type { Engine, RunContext } from '../engine/engine.ts';
import type { DatasetColumn } from '../engine/describe-table.ts';
import { ident, join, raw, sql, table, type Sql } from '../sql/sql.ts';
import { isFloatType, isNumericType, isTemporalType, isTextType } from './duck-types.ts';

/** One scan's worth of facts about a column: enough to infer its kind and role. */
export interface ColumnSummary {
  name: string;
  type: string;
  nulls: number;
  nonNull: number;
  distinct: number;
  /** NaN and ±Infinity (float columns only). */
  invalid: number;
  /** Numeric columns: min and max of the finite values; temporal: epoch milliseconds. */
  min: number | null;
  max: number | null;
  /** Numeric columns: finite values outside [0, 1]. */
  outsideUnit: number;
  /** Text columns named like a time: non-null values that do not read as a timestamp. */
  notTimestamp: number;
  /** Up to 20 most frequent values (as text), for low-cardinality columns only. */
  topValues: { value: string; count: number }[] | null;
}

export interface TableSummary {
  rows: number;
  columns: ColumnSummary[];
}

const lowCardinality = 20;

/** Text columns named like a time; only these are checked for unparseable timestamps. */
export const timeLikeName = /(time|date|timestamp|^ts$|_ts$|_at$)/i;

function columnAggregates(c: DatasetColumn, i: number): Sql[] {
  const col = ident(c.name);
  const alias = (what: string) => ident(`${what}_${i}`);
  const parts = [sql`count(${col})::DOUBLE AS ${alias('nonnull')}`];
  // count_if and CASE run several times faster than `FILTER (…)` in DuckDB-WASM (measured).
  if (isNumericType(c.type)) {
    const value = isFloatType(c.type)
      ? sql`CASE WHEN isfinite(${col}) THEN ${col}::DOUBLE END`
      : sql`${col}::DOUBLE`;
    parts.push(
      sql`min(${value}) AS ${alias('min')}`,
      sql`max(${value}) AS ${alias('max')}`,
      sql`count_if(${value} < 0 OR ${value} > 1)::DOUBLE AS ${alias('outside')}`,
    );
    if (isFloatType(c.type)) {
      parts.push(sql`count_if(NOT isfinite(${col}))::DOUBLE AS ${alias('invalid')}`);
    }
  } else if (isTemporalType(c.type)) {
    parts.push(
      sql`epoch_ms(min(${col})::TIMESTAMP)::DOUBLE AS ${alias('min')}`,
      sql`epoch_ms(max(${col})::TIMESTAMP)::DOUBLE AS ${alias('max')}`,
    );
  } else if (isTextType(c.type) && timeLikeName.test(c.name)) {
    // TRY_CAST is slow where it fails (about 2 s per million ids), so only time-like names pay it.
    parts.push(
      sql`count_if(${col} IS NOT NULL AND TRY_CAST(${col} AS TIMESTAMP) IS NULL)::DOUBLE AS ${alias('nots')}`,
    );
  }
  return parts;
}

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);
const numOrNull = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);

function selectAll(parts: Sql[], tableName: string): Sql {
  return sql`SELECT count(*)::DOUBLE AS ${ident('rows')}${parts.length ? sql`, ${join(parts)}` : raw('')}
             FROM ${table(tableName)}`;
}

/**
 * The non-null values of `columns` with their counts, as rows (`column_index`, `value` as text,
 * `n`): one scan with a grouping set per column, grouped in each column's own type and merged by
 * text after (DuckDB's histogram() of the values cast to text cost ~3x).
 */
function valueCountsQuery(columns: readonly { name: string }[], tableName: string): Sql {
  const k = (i: number) => ident(`k${i}`);
  const which = (pick: (i: number) => Sql) =>
    sql`CASE ${join(
      columns.map((_, i) => sql`WHEN grouping(${k(i)}) = 0 THEN ${pick(i)}`),
      ' ',
    )} END`;
  const keys = columns.map((c, i) => sql`${ident(c.name)} AS ${k(i)}`);
  return sql`SELECT column_index, value, sum(n)::DOUBLE AS n FROM (
      SELECT ${which((i) => sql`${i}::INTEGER`)} AS column_index,
        ${which((i) => sql`${k(i)}::VARCHAR`)} AS value, count(*) AS n
      FROM (SELECT ${join(keys)} FROM ${table(tableName)})
      GROUP BY GROUPING SETS (${join(columns.map((_, i) => sql`(${k(i)})`))})
    )
    WHERE value IS NOT NULL
    GROUP BY 1, 2`;
}

/**
 * Summarises every column in three scans, each of one kind of aggregate: counts and ranges;
 * exact distinct counts (DuckDB-WASM runs a query mixing DISTINCT with filtered aggregates
 * several times slower than the two apart); and the values of low-cardinality columns, counted
 * (valueCountsQuery). DuckDB aggregates; JS receives one row per scan.
 */
export async function summarizeTable(
  engine: Engine,
  tableName: string,
  columns: DatasetColumn[],
  ctx: RunContext = {},
): Promise<TableSummary> {
  const row = readColumns(
    await engine.query(selectAll(columns.flatMap(columnAggregates), tableName), ctx),
  );
  const distinctParts = columns.map(
    (c, i) => sql`count(DISTINCT ${ident(c.name)})::DOUBLE AS ${ident(`distinct_${i}`)}`,
  );
  const distinct = readColumns(await engine.query(selectAll(distinctParts, tableName), ctx));
  const get = (what: string, i: number) => row[`${what}_${i}`]?.[0];
  const rows = num(row.rows?.[0]);
  const summaries: ColumnSummary[] = columns.map((c, i) => ({
    name: c.name,
    type: c.type,
    nulls: rows - num(get('nonnull', i)),
    nonNull: num(get('nonnull', i)),
    distinct: num(distinct[`distinct_${i}`]?.[0]),
    invalid: num(get('invalid', i)),
    min: numOrNull(get('min', i)),
    max: numOrNull(get('max', i)),
    outsideUnit: num(get('outside', i)),
    notTimestamp: num(get('nots', i)),
    topValues: null,
  }));
  const low = summaries.filter((s) => s.distinct > 0 && s.distinct <= lowCardinality);
  if (low.length > 0) {
    const counts = readRows(await engine.query(valueCountsQuery(low, tableName), ctx));
    low.forEach((s, i) => {
      s.topValues = counts
        .filter((r) => r.column_index === i)
        .map((r) => ({ value: String(r.value), count: Number(r.n) }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    });
  }
  return { rows, columns: summaries };
}
