// A row's bin in the overall result's bins, as SQL, so the timeline and impact count the current
// data in exactly the bins runDrift compared (the reference edges, or the categories with the same
// `(other)` pooling). Values are bound; the column name goes through ident().
import { isIntegerType } from '../../schema/duck-types.ts';
import { ident, join, sql, type Sql } from '../../sql/sql.ts';
import { intSql as int, quantileBinLabel, quantileBinSql } from '../quantile-bins.ts';
import type { DriftBins } from './drift-result.ts';
import { invalidSql } from './drift-source.ts';
import type { DriftColumn } from './drift-spec.ts';

/** Bin codes for rows that are in no bin: null, and NaN/±Infinity of float columns. */
export const MISSING_BIN = -1;
export const INVALID_BIN = -2;
/** A value the bins do not hold (cannot happen on the current table the bins were made from). */
export const UNBINNED = -3;

/** The bin a current row's value falls in (0-based), or one of the codes above (no bins: no bin). */
export function binIndexSql(column: DriftColumn, bins: DriftBins | null): Sql {
  const c = ident(column.name);
  const missing = sql`WHEN ${c} IS NULL THEN ${int(MISSING_BIN)}`;
  const invalid = invalidSql(column, 'current');
  const head = invalid ? sql`${missing} WHEN ${invalid} THEN ${int(INVALID_BIN)}` : missing;
  if (bins === null) return sql`(CASE ${head} ELSE ${int(UNBINNED)} END)`;
  if (bins.mode === 'quantile') return quantileBinSql(sql`${c}::DOUBLE`, bins.edges ?? [], [head]);
  const categories = bins.categories ?? [];
  const pooled = bins.pooled > 0;
  const kept = pooled ? categories.slice(0, -1) : categories;
  // Numbers label the categories of numeric columns (compared as numbers); text labels the rest,
  // compared as the VARCHAR text the overall counts grouped by, except an integer column's
  // canonical integer text: compared as an integer, the same test without casting every row to
  // text for every category (~5x, notes/drift-perf.md item 6).
  const integers = isIntegerType(column.currentType);
  const whens = kept.map((value, k) => {
    if (typeof value === 'number') return sql`WHEN ${c}::DOUBLE = ${value} THEN ${int(k)}`;
    const n = integers ? Number(value) : NaN;
    return Number.isSafeInteger(n) && String(n) === value
      ? sql`WHEN ${c} = ${n}::BIGINT THEN ${int(k)}`
      : sql`WHEN ${c}::VARCHAR = ${value} THEN ${int(k)}`;
  });
  const rest = pooled ? kept.length : UNBINNED;
  return sql`(CASE ${join([head, ...whens], ' ')} ELSE ${int(rest)} END)`;
}

/**
 * A bin's name for people: `(a, b]` for a quantile bin (edges rounded for reading; `bins.edges`
 * holds them exactly), else the category (or `(other)`).
 */
export function binLabel(bins: DriftBins, index: number): string | number {
  if (bins.mode === 'categorical') return bins.categories?.[index] ?? String(index);
  return quantileBinLabel(bins.edges ?? [], index);
}

/**
 * Per column and bin, `measures` over the rows of `from` that pass `where`, grouped also by
 * `keys` (e.g. a time window): one scan with one grouping set per column, as rows
 * (`...keys`, `column_index`, `bin`, `...measures`). `fields` are more values the measures read.
 * (Unnesting each row into one row per column, then grouping, cost ~1.25x.)
 */
export function binCountsByColumn(
  from: Sql,
  binned: readonly { columnIndex: number; bin: Sql }[],
  keys: readonly { name: Sql; value: Sql }[],
  fields: readonly Sql[],
  measures: readonly Sql[],
  where: Sql | null,
): Sql {
  const b = (i: number) => ident(`b_${i}`);
  const keyNames = keys.map((k) => k.name);
  const which = (pick: (i: number) => Sql) =>
    sql`CASE ${join(
      binned.map((_, i) => sql`WHEN grouping(${b(i)}) = 0 THEN ${pick(i)}`),
      ' ',
    )} END`;
  const inner = [
    ...keys.map((k) => sql`${k.value} AS ${k.name}`),
    ...binned.map((x, i) => sql`${x.bin} AS ${b(i)}`),
    ...fields,
  ];
  const sets = binned.map((_, i) => sql`(${join([...keyNames, b(i)])})`);
  const filter = where ? sql` WHERE ${where}` : sql``;
  return sql`SELECT ${join([
    ...keyNames,
    sql`${which((i) => int(binned[i]?.columnIndex ?? 0))} AS column_index`,
    sql`${which(b)} AS bin`,
    ...measures,
  ])}
    FROM (SELECT ${join(inner)} FROM ${from}${filter})
    GROUP BY GROUPING SETS (${join(sets)})`;
}
