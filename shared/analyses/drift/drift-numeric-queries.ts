// The SQL of numeric drift beyond the summary scan (STATS.md "Numeric drift"): exact ECDF
// distances, order statistics for the quantile edges, and bin counts; with their readers.
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../../engine/arrow-columns.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { sideSource, validNumber, type DriftSide } from './drift-source.ts';
import { orderStatisticsSql } from '../quantile-bins.ts';
import type { DriftColumn, DriftSpec } from './drift-spec.ts';
import { cellCount, cellNumber, indexAlias } from './drift-summary-query.ts';

function columnAt(spec: DriftSpec, i: number, query: string): DriftColumn {
  const column = spec.columns[i];
  if (!column) throw new RangeError(`${query}: no column ${i}`);
  return column;
}

/**
 * Exact two-sample KS D and Wasserstein-1 of numeric columns, one row per column
 * (`column_index`, `d`, `w`, `reference_distinct`): both sides' valid values grouped by value,
 * cumulative counts over each side's total give the ECDFs at each distinct value;
 * D = max |F_R - F_C|, W = sum |F_R - F_C| · (next value - value) (scipy's _cdf_distance).
 */
export function ecdfDistanceQuery(spec: DriftSpec, indexes: readonly number[]): Sql {
  const parts = indexes.map((i) => {
    const column = columnAt(spec, i, 'ecdfDistanceQuery');
    const values = sql`SELECT ${validNumber(column, 'reference')} AS v, 1 AS r, 0 AS c
        FROM ${sideSource(spec, 'reference')}
      UNION ALL
      SELECT ${validNumber(column, 'current')} AS v, 0 AS r, 1 AS c
        FROM ${sideSource(spec, 'current')}`;
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
    const column = columnAt(spec, columnIndex, 'orderStatisticsQuery');
    const values = orderStatisticsSql(sideSource(spec, side), validNumber(column, side), indexes);
    return sql`SELECT ${columnIndex}::INTEGER AS column_index, ${side} AS side, i, v
      FROM (${values})`;
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
    const v = validNumber(columnAt(spec, columnIndex, 'binCountsQuery'), side);
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
    const v = validNumber(columnAt(spec, columnIndex, 'binCountsQuery'), side);
    parts.push(
      sql`count_if(${v} < ${min} OR ${v} > ${max})::DOUBLE AS ${indexAlias('outside', columnIndex)}`,
    );
  }
  return sql`SELECT ${join(parts)} FROM ${sideSource(spec, side)}`;
}

export interface EcdfDistances {
  d: number | null;
  w: number | null;
  referenceDistinct: number;
}

/** ecdfDistanceQuery's rows by column index. */
export function readEcdfDistances(result: Table): Map<number, EcdfDistances> {
  const out = new Map<number, EcdfDistances>();
  for (const r of readRows(result)) {
    out.set(cellCount(r.column_index), {
      d: cellNumber(r.d),
      w: cellNumber(r.w),
      referenceDistinct: cellCount(r.reference_distinct),
    });
  }
  return out;
}

/** orderStatisticsQuery's values, keyed `${column index}:${side}`, then by position. */
export function readOrderStatistics(result: Table): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of readRows(result)) {
    const key = `${cellCount(r.column_index)}:${String(r.side)}`;
    const values = out.get(key) ?? new Map<number, number>();
    values.set(cellCount(r.i), cellCount(r.v));
    out.set(key, values);
  }
  return out;
}

/** binCountsQuery's counts of a column (one per bin). */
export function readBinCounts(
  result: Record<string, Cell[]>,
  columnIndex: number,
  bins: number,
): number[] {
  return Array.from({ length: bins }, (_, k) => cellCount(result[`bin_${columnIndex}_${k}`]?.[0]));
}

/** binCountsQuery's count of a column's values outside the reference range, when asked. */
export function readOutside(result: Record<string, Cell[]>, columnIndex: number): number | null {
  return cellNumber(result[`outside_${columnIndex}`]?.[0]);
}
