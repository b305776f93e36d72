// The one-value slices SliceLine starts from (its "basic slices"): each searched column's values
// (a numeric column's equal-mass bins), counted in one grouped scan. The valid ones (size >= min
// support, some error) become the lattice's items, numbered contiguously in column order.
import type { Table } from 'apache-arrow';
import { readRows, type Cell } from '../../engine/arrow-columns.ts';
import { ident, join, raw, sql, type Sql } from '../../sql/sql.ts';
import { intSql, quantileBinSql } from '../quantile-bins.ts';
import { invalidValueSql } from '../valid-value.ts';
import type { SliceFeature } from './slices-spec.ts';

/** A numeric key for the nulls of a numeric column: their own value. */
export const NULL_BIN = -1;
/** A numeric key for NaN and ±Infinity (STATS.md "Column kinds": invalid): never in a slice. */
const INVALID_BIN = -2;

/** A searched column and, for a numeric one, the edges of its equal-mass bins. */
export interface KeyedFeature extends SliceFeature {
  edges: number[] | null;
}

/** A valid one-value slice: an item of the lattice. */
export interface SliceItem {
  /** 1-based, contiguous per feature, features in column order: sorted lists of items are slices. */
  id: number;
  feature: number;
  /** The value as in the file (categorical) or null (numeric: see bin). */
  value: Cell;
  /** A numeric column's bin, 0-based; null for a null value or a categorical column. */
  bin: number | null;
  /** STATS.md's text of the value: the value, a bin's index, NULL. */
  text: string;
  size: number;
  errorSum: number;
  errorMax: number;
}

/** The key a row is counted under for `f`: its value, or its bin (NULL_BIN, INVALID_BIN). */
export function featureKeySql(f: KeyedFeature): Sql {
  const c = ident(f.name);
  if (f.edges === null) return c;
  const invalid = invalidValueSql(f.name, f.type);
  const head = [
    sql`WHEN ${c} IS NULL THEN ${intSql(NULL_BIN)}`,
    ...(invalid ? [sql`WHEN ${invalid} THEN ${intSql(INVALID_BIN)}`] : []),
  ];
  return quantileBinSql(sql`${c}::DOUBLE`, f.edges, head);
}

const k = (i: number): Sql => ident(`k${i}`);

/** The searched rows: each feature's key (`k0`, `k1`, …: its value or bin) and the row's error `e`. */
export function searchedRowsSql(from: Sql, features: readonly KeyedFeature[], error: Sql): Sql {
  const keys = features.map((f, i) => sql`${featureKeySql(f)} AS ${k(i)}`);
  return sql`(SELECT * FROM (SELECT ${join([...keys, sql`${error} AS e`])} FROM ${from})
    WHERE e IS NOT NULL)`;
}

/**
 * Every value of every feature, counted in one scan of the searched rows (GROUPING SETS, one per
 * feature; few groups each, so little memory at any size): the
 * number of values (`values`, invalid numbers left out) and, for the valid ones only (plus one
 * row, so the count comes back when none is valid), their size, error sum and largest error,
 * ordered by feature then value text.
 */
export function basicSlicesSql(
  rows: Sql,
  features: readonly KeyedFeature[],
  minSupport: number,
): Sql {
  const idx = features.map((_, i) => i);
  const which = sql`CASE ${join(
    idx.map((i) => sql`WHEN grouping(${k(i)}) = 0 THEN ${intSql(i)}`),
    ' ',
  )} END`;
  const keyOf = sql`CASE ${join(
    idx.map((i) => sql`WHEN grouping(${k(i)}) = 0 THEN ${k(i)}::VARCHAR`),
    ' ',
  )} END`;
  const invalidKey = join(
    features.flatMap((f, i) =>
      f.edges === null ? [] : [sql`(grouping(${k(i)}) = 0 AND ${k(i)} = ${intSql(INVALID_BIN)})`],
    ),
    ' OR ',
  );
  const invalid = features.some((f) => f.edges !== null) ? sql`(${invalidKey})` : raw('false');
  const values = idx.map((i) => sql`${k(i)} AS ${ident(`v${i}`)}`);
  return sql`SELECT ${which} AS feature, ${keyOf} AS text, ${join(values)},
      count(*)::DOUBLE AS size, sum(e) AS error_sum, max(e) AS error_max,
      sum(CASE WHEN ${invalid} THEN 0 ELSE 1 END) OVER ()::DOUBLE AS "values",
      NOT ${invalid} AND size >= ${minSupport} AND error_sum > 0 AS valid
    FROM ${rows}
    GROUP BY GROUPING SETS (${join(idx.map((i) => sql`(${k(i)})`))})
    QUALIFY valid OR row_number() OVER () = 1
    ORDER BY feature, text NULLS FIRST`;
}

/** The valid one-value slices as items, and how many values there were in all. */
export function readItems(
  table: Table,
  features: readonly KeyedFeature[],
): { items: SliceItem[]; values: number } {
  const items: SliceItem[] = [];
  let values = 0;
  for (const r of readRows(table)) {
    values = Number(r.values);
    if (r.valid !== true) continue;
    const feature = Number(r.feature);
    const numeric = features[feature]?.edges !== null;
    const key = r[`v${feature}`] ?? null;
    const bin = numeric && key !== null && Number(key) !== NULL_BIN ? Number(key) : null;
    items.push({
      id: items.length + 1,
      feature,
      value: numeric ? null : key,
      bin,
      text: numeric
        ? bin === null
          ? 'NULL'
          : String(bin)
        : typeof r.text === 'string'
          ? r.text
          : 'NULL',
      size: Number(r.size),
      errorSum: Number(r.error_sum),
      errorMax: Number(r.error_max),
    });
  }
  return { items, values };
}

/**
 * Feature `index`'s item id for a searched row (0 for a value that is in no valid slice), as SQL
 * over the row's key `k<index>` (searchedRowsSql): the encoding the lattice's scans group by.
 */
export function itemCodeSql(f: KeyedFeature, index: number, items: readonly SliceItem[]): Sql {
  if (items.length === 0) return intSql(0);
  if (f.edges !== null) {
    // One look-up by the key (INVALID_BIN, NULL_BIN, then the bins) evaluates the bins once.
    const ids = [INVALID_BIN, NULL_BIN, ...f.edges.map((_, b) => b), f.edges.length].map(
      (bin) => items.find((it) => (it.bin ?? NULL_BIN) === bin)?.id ?? 0,
    );
    return sql`[${join(ids.map(intSql))}][${k(index)} + ${intSql(1 - INVALID_BIN)}]`;
  }
  const c = k(index);
  const whens = items.map((it) =>
    it.value === null
      ? sql`WHEN ${c} IS NULL THEN ${intSql(it.id)}`
      : sql`WHEN ${c}::VARCHAR = ${it.text} THEN ${intSql(it.id)}`,
  );
  return sql`(CASE ${join(whens, ' ')} ELSE ${intSql(0)} END)`;
}
