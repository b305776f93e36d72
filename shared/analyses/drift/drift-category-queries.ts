// The SQL of categorical drift (STATS.md "Categorical drift"): value counts per side with the
// `(other)` pooling, and its reader.
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import { join, raw, sql, type Sql } from '../../sql/sql.ts';
import { sideSource, validValue, type DriftSide } from './drift-source.ts';
import type { DriftSpec } from './drift-spec.ts';
import { cellCount, cellNumber } from './drift-summary-query.ts';

/** Categories kept before the rest are pooled as `(other)` (STATS.md "Categorical drift"). */
export const MAX_CATEGORIES = 100;

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
      // Grouped in the value's own type, then the few groups cast and merged by their text:
      // casting every row first cost ~1.5x (notes/drift-perf.md item 4). The merge keeps text
      // the key even where two values of the type print alike.
      return sql`SELECT value::VARCHAR AS value, min(sort_number) AS sort_number, sum(n) AS n
        FROM (
          SELECT ${value} AS value, min(${sortNumber}) AS sort_number, count(*)::DOUBLE AS n
          FROM ${sideSource(spec, side)} WHERE ${value} IS NOT NULL GROUP BY 1
        )
        GROUP BY 1`;
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

/** categoryCountsQuery's rows by column index. */
export function readCategoryRows(result: Table): Map<number, CategoryRow[]> {
  const byColumn = new Map<number, CategoryRow[]>();
  for (const r of readRows(result)) {
    const index = cellCount(r.column_index);
    const list = byColumn.get(index) ?? [];
    list.push({
      isOther: r.is_other === true,
      value: typeof r.value === 'string' ? r.value : null,
      sortNumber: cellNumber(r.sort_number),
      referenceCount: cellCount(r.reference_count),
      currentCount: cellCount(r.current_count),
      countRank: cellCount(r.count_rank),
      valueRank: cellNumber(r.value_rank),
      distinctValues: cellCount(r.distinct_values),
    });
    byColumn.set(index, list);
  }
  return byColumn;
}
