import { readColumns, type Cell } from '../engine/arrow-columns.ts';
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
  /** Text columns: non-null values that do not read as a timestamp. */
  notTimestamp: number;
  /** Up to 20 most frequent values (as text), for low-cardinality columns only. */
  topValues: { value: string; count: number }[] | null;
}

export interface TableSummary {
  rows: number;
  columns: ColumnSummary[];
}

const lowCardinality = 20;

function columnAggregates(c: DatasetColumn, i: number): Sql[] {
  const col = ident(c.name);
  const alias = (what: string) => ident(`${what}_${i}`);
  const parts = [
    sql`count(${col})::DOUBLE AS ${alias('nonnull')}`,
    sql`count(DISTINCT ${col})::DOUBLE AS ${alias('distinct')}`,
  ];
  if (isNumericType(c.type)) {
    const finite = isFloatType(c.type) ? sql`isfinite(${col})` : raw('true');
    parts.push(
      sql`min(${col}::DOUBLE) FILTER (${finite}) AS ${alias('min')}`,
      sql`max(${col}::DOUBLE) FILTER (${finite}) AS ${alias('max')}`,
      sql`count(*) FILTER (${finite} AND (${col} < 0 OR ${col} > 1))::DOUBLE AS ${alias('outside')}`,
    );
    if (isFloatType(c.type)) {
      parts.push(sql`count(*) FILTER (NOT isfinite(${col}))::DOUBLE AS ${alias('invalid')}`);
    }
  } else if (isTemporalType(c.type)) {
    parts.push(
      sql`epoch_ms(min(${col})::TIMESTAMP)::DOUBLE AS ${alias('min')}`,
      sql`epoch_ms(max(${col})::TIMESTAMP)::DOUBLE AS ${alias('max')}`,
    );
  } else if (isTextType(c.type)) {
    parts.push(
      sql`count(*) FILTER (${col} IS NOT NULL AND TRY_CAST(${col} AS TIMESTAMP) IS NULL)::DOUBLE AS ${alias('nots')}`,
    );
  }
  return parts;
}

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);
const numOrNull = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);

/**
 * Summarises every column: one scan for counts and ranges, one more over the low-cardinality
 * columns for their values. DuckDB aggregates; JS receives one row.
 */
export async function summarizeTable(
  engine: Engine,
  tableName: string,
  columns: DatasetColumn[],
  ctx: RunContext = {},
): Promise<TableSummary> {
  const aggregates = columns.flatMap(columnAggregates);
  const row = readColumns(
    await engine.query(
      sql`SELECT count(*)::DOUBLE AS ${ident('rows')}${aggregates.length ? sql`, ${join(aggregates)}` : raw('')}
          FROM ${table(tableName)}`,
      ctx,
    ),
  );
  const get = (what: string, i: number) => row[`${what}_${i}`]?.[0];
  const rows = num(row.rows?.[0]);
  const summaries: ColumnSummary[] = columns.map((c, i) => ({
    name: c.name,
    type: c.type,
    nulls: rows - num(get('nonnull', i)),
    nonNull: num(get('nonnull', i)),
    distinct: num(get('distinct', i)),
    invalid: num(get('invalid', i)),
    min: numOrNull(get('min', i)),
    max: numOrNull(get('max', i)),
    outsideUnit: num(get('outside', i)),
    notTimestamp: num(get('nots', i)),
    topValues: null,
  }));
  const low = summaries
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.distinct > 0 && s.distinct <= lowCardinality);
  if (low.length > 0) {
    const perColumn = low.map(
      ({ s, i }) =>
        sql`SELECT ${i}::DOUBLE AS k, ${ident(s.name)}::VARCHAR AS v, count(*)::DOUBLE AS n
            FROM ${table(tableName)} WHERE ${ident(s.name)} IS NOT NULL GROUP BY 2`,
    );
    const values = readColumns(
      await engine.query(
        sql`SELECT * FROM (${join(perColumn, ' UNION ALL ')}) ORDER BY k, n DESC, v`,
        ctx,
      ),
    );
    (values.k ?? []).forEach((k, r) => {
      const target = summaries[Number(k)];
      if (!target) return;
      target.topValues ??= [];
      target.topValues.push({ value: String(values.v?.[r]), count: num(values.n?.[r]) });
    });
  }
  return { rows, columns: summaries };
}
