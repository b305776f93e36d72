// Every SQL text of the drift analysis. Identifiers go through ident()/table(), values are bound;
// result aliases carry a column's index, never its name, so hostile names cannot collide.
import type { Table } from 'apache-arrow';
import { readColumns, readRows, type Cell } from '../../engine/arrow-columns.ts';
import { isFloatType } from '../../schema/duck-types.ts';
import { ident, join, raw, sql, table, type Sql } from '../../sql/sql.ts';
import type { DriftColumn, DriftSpec } from './drift-spec.ts';

export type DriftSide = 'reference' | 'current';

export const driftSides: readonly DriftSide[] = ['reference', 'current'];

/** Categories kept before the rest are pooled as `(other)` (STATS.md "Categorical drift"). */
export const MAX_CATEGORIES = 100;

const sideTable = (spec: DriftSpec, side: DriftSide) =>
  table(side === 'reference' ? spec.referenceTable : spec.currentTable);

const sideType = (column: DriftColumn, side: DriftSide) =>
  side === 'reference' ? column.referenceType : column.currentType;

/** The column's valid value as DOUBLE: NULL when null or, for float types, NaN/±Infinity. */
function validNumber(column: DriftColumn, side: DriftSide): Sql {
  const c = ident(column.name);
  return isFloatType(sideType(column, side))
    ? sql`CASE WHEN isfinite(${c}) THEN ${c}::DOUBLE END`
    : sql`${c}::DOUBLE`;
}

/** The column's valid value in its own type (NaN/±Infinity of float types are not values). */
function validValue(column: DriftColumn, side: DriftSide): Sql {
  const c = ident(column.name);
  return isFloatType(sideType(column, side)) ? sql`CASE WHEN isfinite(${c}) THEN ${c} END` : c;
}

const alias = (what: string, i: number) => ident(`${what}_${i}`);

/**
 * One scan of a side: row count; per column non-null and invalid counts; per numeric column
 * n, mean, std (n-1), min and max of the valid values. Aliases: `rows`, `nonnull_i`, ...
 */
export function sideSummaryQuery(spec: DriftSpec, side: DriftSide): Sql {
  const parts = spec.columns.flatMap((column, i) => {
    const c = ident(column.name);
    const out = [sql`count(${c})::DOUBLE AS ${alias('nonnull', i)}`];
    if (isFloatType(sideType(column, side))) {
      out.push(sql`count_if(NOT isfinite(${c}))::DOUBLE AS ${alias('invalid', i)}`);
    }
    if (column.kind === 'numeric') {
      const v = validNumber(column, side);
      out.push(
        sql`count(${v})::DOUBLE AS ${alias('n', i)}`,
        sql`avg(${v}) AS ${alias('mean', i)}`,
        sql`stddev_samp(${v}) AS ${alias('std', i)}`,
        sql`min(${v}) AS ${alias('min', i)}`,
        sql`max(${v}) AS ${alias('max', i)}`,
      );
    }
    return out;
  });
  const all = [sql`count(*)::DOUBLE AS ${ident('rows')}`, ...parts];
  return sql`SELECT ${join(all)} FROM ${sideTable(spec, side)}`;
}

/**
 * Exact two-sample KS D and Wasserstein-1 of numeric columns, one row per column
 * (`column_index`, `d`, `w`, `reference_distinct`): both sides' valid values grouped by value,
 * cumulative counts over each side's total give the ECDFs at each distinct value;
 * D = max |F_R - F_C|, W = sum |F_R - F_C| · (next value - value) (scipy's _cdf_distance).
 */
export function ecdfDistanceQuery(spec: DriftSpec, indexes: readonly number[]): Sql {
  const parts = indexes.map((i) => {
    const column = spec.columns[i];
    if (!column) throw new RangeError(`ecdfDistanceQuery: no column ${i}`);
    const values = sql`SELECT ${validNumber(column, 'reference')} AS v, 1 AS r, 0 AS c
        FROM ${sideTable(spec, 'reference')}
      UNION ALL
      SELECT ${validNumber(column, 'current')} AS v, 0 AS r, 1 AS c
        FROM ${sideTable(spec, 'current')}`;
    return sql`SELECT ${i}::INTEGER AS column_index,
        max(abs(fr - fc)) AS d,
        coalesce(fsum(abs(fr - fc) * (next_v - v)), 0) AS w,
        count_if(nr > 0)::DOUBLE AS reference_distinct
      FROM (
        SELECT v, nr,
          (sum(nr) OVER (ORDER BY v))::DOUBLE / (sum(nr) OVER ())::DOUBLE AS fr,
          (sum(nc) OVER (ORDER BY v))::DOUBLE / (sum(nc) OVER ())::DOUBLE AS fc,
          lead(v) OVER (ORDER BY v) AS next_v
        FROM (
          SELECT v, sum(r) AS nr, sum(c) AS nc FROM (${values}) WHERE v IS NOT NULL GROUP BY 1
        )
      )`;
  });
  return join(parts, ' UNION ALL ');
}

export interface OrderStatisticsRequest {
  columnIndex: number;
  side: DriftSide;
  /** 0-based positions among the side's sorted valid values. */
  indexes: readonly number[];
}

/**
 * The requested order statistics of numeric columns (`column_index`, `side`, `i`, `v`): each
 * side's valid values numbered in sorted order, only the needed positions returned.
 */
export function orderStatisticsQuery(
  spec: DriftSpec,
  requests: readonly OrderStatisticsRequest[],
): Sql {
  const parts = requests.map(({ columnIndex, side, indexes }) => {
    const column = spec.columns[columnIndex];
    if (!column) throw new RangeError(`orderStatisticsQuery: no column ${columnIndex}`);
    const wanted = join(indexes.map((x) => sql`${x}`));
    return sql`SELECT ${columnIndex}::INTEGER AS column_index, ${side} AS side, i::DOUBLE AS i, v
      FROM (
        SELECT v, row_number() OVER (ORDER BY v) - 1 AS i
        FROM (SELECT ${validNumber(column, side)} AS v FROM ${sideTable(spec, side)})
        WHERE v IS NOT NULL
      )
      WHERE i IN (${wanted})`;
  });
  return join(parts, ' UNION ALL ');
}

export interface BinRequest {
  columnIndex: number;
  /** De-duplicated quantile edges: bin k holds (e_k, e_k+1]. */
  edges: readonly number[];
}

export interface RangeRequest {
  columnIndex: number;
  /** The reference's valid min and max. */
  min: number;
  max: number;
}

/**
 * One scan of a side: per numeric column the count of valid values in each bin
 * (`bin_i_k`; a value's bin is the number of edges strictly below it) and, when asked, the count
 * outside the reference's [min, max] (`outside_i`).
 */
export function binCountsQuery(
  spec: DriftSpec,
  side: DriftSide,
  bins: readonly BinRequest[],
  ranges: readonly RangeRequest[],
): Sql {
  const parts: Sql[] = [sql`count(*)::DOUBLE AS ${ident('rows')}`];
  for (const { columnIndex, edges } of bins) {
    const column = spec.columns[columnIndex];
    if (!column) throw new RangeError(`binCountsQuery: no column ${columnIndex}`);
    const v = validNumber(column, side);
    for (let k = 0; k <= edges.length; k++) {
      const lower = edges[k - 1];
      const upper = edges[k];
      const conditions = [sql`${v} IS NOT NULL`];
      if (lower !== undefined) conditions.push(sql`${v} > ${lower}`);
      if (upper !== undefined) conditions.push(sql`${v} <= ${upper}`);
      parts.push(
        sql`count_if(${join(conditions, ' AND ')})::DOUBLE AS ${ident(`bin_${columnIndex}_${k}`)}`,
      );
    }
  }
  for (const { columnIndex, min, max } of ranges) {
    const column = spec.columns[columnIndex];
    if (!column) throw new RangeError(`binCountsQuery: no column ${columnIndex}`);
    const v = validNumber(column, side);
    parts.push(
      sql`count_if(${v} < ${min} OR ${v} > ${max})::DOUBLE AS ${alias('outside', columnIndex)}`,
    );
  }
  return sql`SELECT ${join(parts)} FROM ${sideTable(spec, side)}`;
}

/**
 * Value counts per side of categorical columns (and of numeric columns binned by their distinct
 * values), compared as text: rows (`column_index`, `is_other`, `value`, `sort_number`,
 * `reference_count`, `current_count`, `count_rank`, `value_rank`, `distinct_values`).
 * With more than 100 values, the 99 largest combined counts are kept (ties by value in DuckDB's
 * order: numbers numerically, text by code point), the rest summed in one `is_other` row;
 * values only one side has are returned even when pooled (new and vanished categories).
 */
export function categoryCountsQuery(spec: DriftSpec, indexes: readonly number[]): Sql {
  const parts = indexes.map((i) => {
    const column = spec.columns[i];
    if (!column) throw new RangeError(`categoryCountsQuery: no column ${i}`);
    const counts = (side: DriftSide) => {
      const value = validValue(column, side);
      const sortNumber = column.kind === 'numeric' ? sql`${value}::DOUBLE` : raw('NULL::DOUBLE');
      return sql`SELECT ${value}::VARCHAR AS value, min(${sortNumber}) AS sort_number,
          count(*)::DOUBLE AS n
        FROM ${sideTable(spec, side)} WHERE ${value} IS NOT NULL GROUP BY 1`;
    };
    const keep = MAX_CATEGORIES - 1;
    return sql`SELECT * FROM (
      WITH r AS (${counts('reference')}),
      c AS (${counts('current')}),
      g AS (
        SELECT coalesce(r.value, c.value) AS value,
          coalesce(r.sort_number, c.sort_number) AS sort_number,
          coalesce(r.n, 0) AS nr, coalesce(c.n, 0) AS nc
        FROM r FULL OUTER JOIN c ON r.value = c.value
      ),
      ranked AS (
        SELECT value, sort_number, nr, nc,
          row_number() OVER (ORDER BY nr + nc DESC, sort_number ASC, value ASC)::DOUBLE AS count_rank,
          row_number() OVER (ORDER BY sort_number ASC, value ASC)::DOUBLE AS value_rank,
          count(*) OVER ()::DOUBLE AS distinct_values
        FROM g
      )
      SELECT ${i}::INTEGER AS column_index, false AS is_other, value, sort_number,
        nr AS reference_count, nc AS current_count, count_rank, value_rank, distinct_values
      FROM ranked
      WHERE distinct_values <= ${MAX_CATEGORIES} OR count_rank <= ${keep} OR nr = 0 OR nc = 0
      UNION ALL
      SELECT ${i}::INTEGER, true, NULL, NULL, sum(nr), sum(nc), ${MAX_CATEGORIES}::DOUBLE, NULL,
        any_value(distinct_values)
      FROM ranked
      WHERE distinct_values > ${MAX_CATEGORIES} AND count_rank > ${keep}
      HAVING count(*) > 0
    )`;
  });
  return join(parts, ' UNION ALL ');
}

const num = (v: Cell | undefined): number | null => (typeof v === 'number' ? v : null);
const count = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** One side of one column as the summary scan saw it. */
export interface SideFacts {
  rows: number;
  nulls: number;
  invalid: number;
  /** Valid values. */
  n: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  max: number | null;
}

export interface EcdfDistances {
  d: number | null;
  w: number | null;
  referenceDistinct: number;
}

export interface CategoryRow {
  isOther: boolean;
  value: string | null;
  sortNumber: number | null;
  referenceCount: number;
  currentCount: number;
  countRank: number;
  valueRank: number | null;
  distinctValues: number;
}

/** Per column, per side: the facts of sideSummaryQuery, from its two results. */
export function readSideFacts(
  spec: DriftSpec,
  results: Record<DriftSide, Table>,
): Record<DriftSide, SideFacts>[] {
  const tables = {
    reference: readColumns(results.reference),
    current: readColumns(results.current),
  };
  return spec.columns.map((column, i) => {
    const facts = {} as Record<DriftSide, SideFacts>;
    for (const side of driftSides) {
      const t = tables[side];
      const get = (what: string) => t[`${what}_${i}`]?.[0];
      const rows = count(t.rows?.[0]);
      const nonNull = count(get('nonnull'));
      const invalid = count(get('invalid'));
      facts[side] = {
        rows,
        nulls: rows - nonNull,
        invalid,
        n: column.kind === 'numeric' ? count(get('n')) : nonNull - invalid,
        mean: num(get('mean')),
        std: num(get('std')),
        min: num(get('min')),
        max: num(get('max')),
      };
    }
    return facts;
  });
}

/** ecdfDistanceQuery's rows by column index. */
export function readEcdfDistances(result: Table): Map<number, EcdfDistances> {
  const out = new Map<number, EcdfDistances>();
  for (const r of readRows(result)) {
    out.set(count(r.column_index), {
      d: num(r.d),
      w: num(r.w),
      referenceDistinct: count(r.reference_distinct),
    });
  }
  return out;
}

/** orderStatisticsQuery's values, keyed `${column index}:${side}`, then by position. */
export function readOrderStatistics(result: Table): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of readRows(result)) {
    const key = `${count(r.column_index)}:${String(r.side)}`;
    const values = out.get(key) ?? new Map<number, number>();
    values.set(count(r.i), count(r.v));
    out.set(key, values);
  }
  return out;
}

/** binCountsQuery's counts of a column (one per bin), or its count outside the range. */
export function readBinCounts(
  result: Record<string, Cell[]>,
  columnIndex: number,
  bins: number,
): number[] {
  return Array.from({ length: bins }, (_, k) => count(result[`bin_${columnIndex}_${k}`]?.[0]));
}

export function readOutside(result: Record<string, Cell[]>, columnIndex: number): number | null {
  return num(result[`outside_${columnIndex}`]?.[0]);
}

/** categoryCountsQuery's rows by column index. */
export function readCategoryRows(result: Table): Map<number, CategoryRow[]> {
  const rows = readRows(result);
  const byColumn = new Map<number, CategoryRow[]>();
  for (const r of rows) {
    const index = count(r.column_index);
    const list = byColumn.get(index) ?? [];
    list.push({
      isOther: r.is_other === true,
      value: typeof r.value === 'string' ? r.value : null,
      sortNumber: num(r.sort_number),
      referenceCount: count(r.reference_count),
      currentCount: count(r.current_count),
      countRank: count(r.count_rank),
      valueRank: num(r.value_rank),
      distinctValues: count(r.distinct_values),
    });
    byColumn.set(index, list);
  }
  return byColumn;
}
