// The one definition of an invalid value (STATS.md "Column kinds": NaN and ±Infinity of a numeric
// column are invalid, counted apart and kept out of every statistic).
import { isFloatType } from '../schema/duck-types.ts';
import { ident, sql, type Sql } from '../sql/sql.ts';

/**
 * True for a non-null value that is not a value (NaN, ±Infinity of a float column); null for
 * column types that cannot hold one.
 */
export function invalidValueSql(column: string, type: string): Sql | null {
  return isFloatType(type) ? sql`NOT isfinite(${ident(column)})` : null;
}

/** The column's valid value in its own type: NULL when null or invalid. */
export function validValueSql(column: string, type: string): Sql {
  const invalid = invalidValueSql(column, type);
  return invalid ? sql`CASE WHEN NOT (${invalid}) THEN ${ident(column)} END` : ident(column);
}

/** The column's valid value as DOUBLE. */
export function validNumberSql(column: string, type: string): Sql {
  return sql`${validValueSql(column, type)}::DOUBLE`;
}

/** Any numeric column's value as DOUBLE when finite; NULL for null, NaN and ±Infinity. */
export function finiteNumberSql(column: string): Sql {
  const x = sql`${ident(column)}::DOUBLE`;
  return sql`CASE WHEN isfinite(${x}) THEN ${x} END`;
}
