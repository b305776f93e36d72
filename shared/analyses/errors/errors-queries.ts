// The errors analysis's SQL: counts and one sorted page of mispredictions, one row by its rowid,
// and a row's features against the compared table. The only place its SQL text is written.
import { isNumericType } from '../../schema/duck-types.ts';
import { predicateSql } from '../../sql/predicate.ts';
import { ident, join, raw, sql, table, type Sql } from '../../sql/sql.ts';
import { validNumberSql, validValueSql } from '../valid-value.ts';
import { cellSql } from './errors-cells.ts';
import { columnType, rowOutcomeSql, sortValueSql, type RowOutcomeSql } from './errors-row-sql.ts';
import type { ErrorsFeature, ErrorsSpec } from './errors-spec.ts';

// Rows are identified by DuckDB's rowid: loadDataset makes every dataset a TABLE (CREATE TABLE
// AS, Arrow inserts), whose rowids run 0..n-1 in file order and never change, since nothing
// deletes from a loaded table. A subquery (cohortSource) has no rowid, so the log's filter is
// applied here, to the table itself; the predicates are checkedCohortFilter's, as elsewhere.
const logWhere = (spec: ErrorsSpec): Sql => predicateSql(spec.where ?? []);

/** `rows_in_scope` (rows the filter keeps) and `total` (mispredictions among them). */
export function errorsCountQuery(spec: ErrorsSpec): Sql {
  const { wrong } = rowOutcomeSql(spec);
  return sql`SELECT count(*) AS rows_in_scope, count(*) FILTER (WHERE ${wrong}) AS total
    FROM ${table(spec.log.table)} WHERE ${logWhere(spec)}`;
}

/**
 * A row's rowid f_row and outcome fields f_label … f_error. Output names are ours alone, and
 * queries order by position, so no column of the user's can be mistaken for one.
 */
function outcomeFields(row: RowOutcomeSql): Sql {
  return sql`rowid AS f_row, ${row.label} AS f_label, ${row.predicted} AS f_predicted,
    ${row.confidence} AS f_confidence, ${row.error} AS f_error`;
}

/**
 * One page of mispredictions: the outcome fields, the sort value f_key and the spec's columns as
 * c0, c1, …, ordered by the sort value (nulls last), then rowid. The page's rowids are picked
 * from (rowid, sort value) pairs alone and only those rows are read whole: sorting the whole
 * rows instead costs 1.5-2x on a million (measured, bench/cases/errors.ts).
 */
export function errorsPageQuery(spec: ErrorsSpec, offset: number, limit: number): Sql {
  const row = rowOutcomeSql(spec);
  const key = sortValueSql(spec, row);
  const log = table(spec.log.table);
  const direction = spec.sort.direction === 'asc' ? raw('ASC') : raw('DESC');
  const cells = spec.columns.map(
    (name, i) => sql`${cellSql(name, columnType(spec, name))} AS ${ident(`c${i}`)}`,
  );
  return sql`SELECT ${outcomeFields(row)}, ${key} AS f_key${cells.length > 0 ? sql`, ${join(cells)}` : raw('')}
    FROM ${log}
    WHERE rowid IN (SELECT r FROM (
      SELECT rowid AS r, ${key} AS k FROM ${log} WHERE ${logWhere(spec)} AND (${row.wrong})
      ORDER BY 2 ${direction} NULLS LAST, 1 LIMIT ${limit} OFFSET ${offset}))
    ORDER BY 6 ${direction} NULLS LAST, 1`;
}

/** One row of the log by rowid: its outcome fields and, per feature i, its value c{i} and m{i}. */
export function errorRowQuery(spec: ErrorsSpec, rowid: number): Sql {
  const fields = spec.features.flatMap((f, i) => [
    sql`${cellSql(f.name, f.logType)} AS ${ident(`c${i}`)}`,
    sql`(${validValueSql(f.name, f.logType)}) IS NULL AS ${ident(`m${i}`)}`,
  ]);
  return sql`SELECT ${outcomeFields(rowOutcomeSql(spec))}${fields.length > 0 ? sql`, ${join(fields)}` : raw('')}
    FROM ${table(spec.log.table)} WHERE rowid = ${rowid}`;
}

/** A feature's value on one side, in the form both sides compare in. */
function comparedValue(f: ErrorsFeature, type: string, otherType: string): Sql {
  if (f.comparison === 'number') return validNumberSql(f.name, type);
  if (f.comparison === 'time') return sql`${ident(f.name)}::TIMESTAMP`;
  if (isNumericType(type) && isNumericType(otherType)) return validNumberSql(f.name, type);
  const value = validValueSql(f.name, type);
  return type === otherType ? value : sql`${value}::VARCHAR`;
}

/** A feature of the spec the compared table has, with its index and type there. */
export interface ComparedFeature {
  f: ErrorsFeature;
  i: number;
  ref: string;
}

/** Features the compared table has, with their index in the spec. */
export const comparedFeatures = (spec: ErrorsSpec): ComparedFeature[] =>
  spec.features.flatMap((f, i) =>
    f.referenceType === null ? [] : [{ f, i, ref: f.referenceType }],
  );

/** The compared table's values of some features, as r{i}, in the form they compare in. */
function comparedValues(spec: ErrorsSpec, features: readonly ComparedFeature[]): Sql {
  const values = features.map(
    ({ f, i, ref }) => sql`${comparedValue(f, ref, f.logType)} AS ${ident(`r${i}`)}`,
  );
  return sql`(SELECT ${join(values)} FROM ${table(spec.reference?.table ?? spec.log.table)}) AS compared`;
}

/**
 * Every feature of one row against the compared table (the reference, else the log), whole, in
 * one scan of conditional counts: per feature i the compared values n{i}, those equal to the
 * row's eq{i} and, ranked, those below it lt{i}. (No min or max: below every value is lt + eq =
 * 0, above every value lt = n, and the range scan, which doubles the time on a million rows,
 * runs only for features outside it, see errorRangeQuery.)
 */
export function errorDetailQuery(spec: ErrorsSpec, rowid: number): Sql {
  const features = comparedFeatures(spec);
  const rowValues = features.map(
    ({ f, i, ref }) => sql`${comparedValue(f, f.logType, ref)} AS ${ident(`x${i}`)}`,
  );
  const aggregates = features.flatMap(({ f, i }) => {
    const [r, x] = [ident(`r${i}`), ident(`x${i}`)];
    // count_if: half the time of count(*) FILTER (WHERE …) here (measured); its HUGEINT cast
    // to BIGINT, which Arrow hands over as a bigint.
    const counts = [
      sql`count(${r}) AS ${ident(`n${i}`)}`,
      sql`count_if(${r} = ${x})::BIGINT AS ${ident(`eq${i}`)}`,
    ];
    if (f.comparison === 'value') return counts;
    return [...counts, sql`count_if(${r} < ${x})::BIGINT AS ${ident(`lt${i}`)}`];
  });
  return sql`SELECT ${join(aggregates)} FROM ${comparedValues(spec, features)}
    CROSS JOIN (SELECT ${join(rowValues)} FROM ${table(spec.log.table)} WHERE rowid = ${rowid}) AS x`;
}

/** The smallest and largest compared value lo{i}, hi{i} of some ranked features. */
export function errorRangeQuery(spec: ErrorsSpec, features: readonly ComparedFeature[]): Sql {
  const ranges = features.flatMap(({ i }) => [
    sql`min(${ident(`r${i}`)}) AS ${ident(`lo${i}`)}`,
    sql`max(${ident(`r${i}`)}) AS ${ident(`hi${i}`)}`,
  ]);
  return sql`SELECT ${join(ranges)} FROM ${comparedValues(spec, features)}`;
}
