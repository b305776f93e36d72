// The SQL of numeric drift beyond the summary scan (STATS.md "Numeric drift"): exact ECDF
// distances, order statistics for the quantile edges, and bin counts, all read from the grouped
// table of both sides' values (drift-cdf.ts); with their readers.
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { join, raw, sql, type Sql } from '../../sql/sql.ts';
import { intSql, quantileBinSql } from '../quantile-bins.ts';
import { driftSides, type DriftSide } from './drift-source.ts';
import { cellCount, cellNumber, type Moments } from './drift-summary-query.ts';

/**
 * Exact two-sample KS D and Wasserstein-1 of numeric columns, one row per column
 * (`column_index`, `d`, `w`, `reference_distinct`), from the grouped table (drift-cdf.ts): the
 * running counts over each side's total are the ECDFs at each distinct value;
 * D = max |F_R - F_C|, W = sum |F_R - F_C| · (next value - value) (scipy's _cdf_distance).
 */
export function ecdfDistanceQuery(cdf: Sql, indexes: readonly number[]): Sql {
  const wanted = join(indexes.map((i) => intSql(i)));
  return sql`SELECT ci AS column_index,
      max(abs(fr - fc)) AS d,
      coalesce(fsum(abs(fr - fc) * (next_v - v)), 0) AS w,
      count_if(nr > 0)::DOUBLE AS reference_distinct
    FROM (
      SELECT ci, v, nr, next_v,
        cr::DOUBLE / (sum(nr) OVER (PARTITION BY ci))::DOUBLE AS fr,
        cc::DOUBLE / (sum(nc) OVER (PARTITION BY ci))::DOUBLE AS fc
      FROM ${cdf} WHERE ci IN (${wanted})
    )
    GROUP BY ci`;
}

/**
 * Each side's moments of numeric columns from the grouped table, one row per column
 * (`column_index`, then `mean`, `std`, `min`, `max` prefixed `reference_` / `current_`): the
 * mean as a compensated sum of value × count, the sample standard deviation (n - 1) in a second
 * pass around it (null below two values, as stddev_samp), min and max of the values the side has.
 */
export function momentsQuery(cdf: Sql, indexes: readonly number[]): Sql {
  const wanted = join(indexes.map((i) => intSql(i)));
  const sides = driftSides.map((side) => {
    const n = side === 'reference' ? raw('nr') : raw('nc');
    return { side, n, total: raw(`${side}_n`), mean: raw(`${side}_mean`) };
  });
  return sql`WITH m AS (
      SELECT ci, ${join(
        sides.map(
          ({ n, total, mean }) =>
            sql`sum(${n}) AS ${total}, fsum(v * ${n}) / nullif(sum(${n}), 0) AS ${mean}`,
        ),
      )}
      FROM ${cdf} WHERE ci IN (${wanted}) GROUP BY ci
    )
    SELECT ci AS column_index, ${join(
      sides.map(
        ({ side, n, total, mean }) =>
          sql`any_value(${mean}) AS ${raw(`${side}_mean`)},
            CASE WHEN any_value(${total}) > 1
              THEN sqrt(fsum(${n} * (v - ${mean}) ** 2) / (any_value(${total}) - 1)) END
              AS ${raw(`${side}_std`)},
            min(v) FILTER (WHERE ${n} > 0) AS ${raw(`${side}_min`)},
            max(v) FILTER (WHERE ${n} > 0) AS ${raw(`${side}_max`)}`,
      ),
    )}
    FROM ${cdf} JOIN m USING (ci)
    GROUP BY ci`;
}

/** momentsQuery's rows by column index. */
export function readMoments(result: Table): Map<number, Record<DriftSide, Moments>> {
  const out = new Map<number, Record<DriftSide, Moments>>();
  for (const r of readRows(result)) {
    const side = (s: DriftSide): Moments => ({
      mean: cellNumber(r[`${s}_mean`]),
      std: cellNumber(r[`${s}_std`]),
      min: cellNumber(r[`${s}_min`]),
      max: cellNumber(r[`${s}_max`]),
    });
    out.set(cellCount(r.column_index), { reference: side('reference'), current: side('current') });
  }
  return out;
}

export interface OrderStatisticsRequest {
  columnIndex: number;
  side: DriftSide;
  /** 0-based positions among the side's sorted valid values. */
  indexes: readonly number[];
}

/**
 * The requested order statistics of numeric columns (`column_index`, `side`, `i`, `v`) from the
 * grouped table: the i-th value of a side is the first distinct value whose running count
 * exceeds i, which one ASOF join finds for every request. Only values the side has take part
 * (`nr > 0`), so its running counts strictly increase: on tied counts ASOF may pick any row.
 */
export function orderStatisticsQuery(cdf: Sql, requests: readonly OrderStatisticsRequest[]): Sql {
  const parts = driftSides.flatMap((side) => {
    const rows = requests
      .filter((r) => r.side === side)
      .flatMap(({ columnIndex, indexes }) =>
        indexes.map((i) => sql`(${intSql(columnIndex)}, ${i}::BIGINT)`),
      );
    if (rows.length === 0) return [];
    const [n, running] = side === 'reference' ? [raw('nr'), raw('cr')] : [raw('nc'), raw('cc')];
    return [
      sql`SELECT a.ci AS column_index, ${side} AS side, a.i::DOUBLE AS i, c.v
        FROM (VALUES ${join(rows)}) a(ci, i)
        ASOF JOIN (SELECT ci, v, ${running} AS running FROM ${cdf} WHERE ${n} > 0) c
          ON a.ci = c.ci AND a.i < c.running`,
    ];
  });
  return join(parts, ' UNION ALL ');
}

/** binCountsQuery's bin of the count outside the reference range. */
const OUTSIDE_BIN = -1;

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
 * Both sides' counts per bin of quantile-binned columns (`column_index`, `bin`, `reference_count`,
 * `current_count`; empty bins have no row), binning the grouped table's distinct values (a
 * value's bin is the number of edges strictly below it) and summing their counts; with the
 * current side's count outside the reference's [min, max] as the row of bin -1 when asked.
 */
export function binCountsQuery(
  cdf: Sql,
  bins: readonly BinRequest[],
  ranges: readonly RangeRequest[],
): Sql {
  const parts = [
    ...bins.map(
      ({ columnIndex, edges }) =>
        sql`SELECT ci AS column_index, ${quantileBinSql(raw('v'), edges)} AS bin,
          sum(nr)::DOUBLE AS reference_count, sum(nc)::DOUBLE AS current_count
        FROM ${cdf} WHERE ci = ${intSql(columnIndex)} GROUP BY ALL`,
    ),
    ...ranges.map(
      ({ columnIndex, min, max }) =>
        sql`SELECT ${intSql(columnIndex)} AS column_index, ${intSql(OUTSIDE_BIN)} AS bin,
          0::DOUBLE AS reference_count,
          coalesce(sum(nc) FILTER (WHERE v < ${min} OR v > ${max}), 0)::DOUBLE AS current_count
        FROM ${cdf} WHERE ci = ${intSql(columnIndex)}`,
    ),
  ];
  return join(parts, ' UNION ALL ');
}

/** binCountsQuery's rows: per column, per side, the count of each bin (missing bins are 0). */
export type BinCounts = Map<number, Record<DriftSide, Map<number, number>>>;

export function readBinCountRows(result: Table): BinCounts {
  const out: BinCounts = new Map();
  for (const r of readRows(result)) {
    const index = cellCount(r.column_index);
    const counts = out.get(index) ?? { reference: new Map(), current: new Map() };
    counts.reference.set(cellCount(r.bin), cellCount(r.reference_count));
    counts.current.set(cellCount(r.bin), cellCount(r.current_count));
    out.set(index, counts);
  }
  return out;
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

/** A side's count in each of a column's bins. */
export function readBinCounts(
  counts: BinCounts,
  columnIndex: number,
  side: DriftSide,
  bins: number,
): number[] {
  const c = counts.get(columnIndex)?.[side];
  return Array.from({ length: bins }, (_, k) => c?.get(k) ?? 0);
}

/** The current side's count outside the reference range, when it was asked. */
export function readOutside(counts: BinCounts, columnIndex: number): number | null {
  return counts.get(columnIndex)?.current.get(OUTSIDE_BIN) ?? null;
}
