// Where each side's rows and values come from, for every drift query: the one place the cohort
// filter is applied and the one definition of an invalid value.
import { isFloatType } from '../../schema/duck-types.ts';
import { predicateSql } from '../../sql/predicate.ts';
import { ident, sql, table, type Sql } from '../../sql/sql.ts';
import type { DriftColumn, DriftSpec } from './drift-spec.ts';

export type DriftSide = 'reference' | 'current';

export const driftSides: readonly DriftSide[] = ['reference', 'current'];

/**
 * A side's rows as a FROM item: its table, or only the rows the spec's `where` keeps. Every drift
 * query reads a side through this, so the cohort filter holds for both sides alike.
 */
export function sideSource(spec: DriftSpec, side: DriftSide): Sql {
  const from = table(side === 'reference' ? spec.referenceTable : spec.currentTable);
  const where = spec.where ?? [];
  return where.length === 0 ? from : sql`(SELECT * FROM ${from} WHERE ${predicateSql(where)})`;
}

const sideType = (column: DriftColumn, side: DriftSide) =>
  side === 'reference' ? column.referenceType : column.currentType;

/**
 * True for a non-null value that is not a value (STATS.md: NaN and ±Infinity of a float column);
 * null for column types that cannot hold one.
 */
export function invalidSql(column: DriftColumn, side: DriftSide): Sql | null {
  return isFloatType(sideType(column, side)) ? sql`NOT isfinite(${ident(column.name)})` : null;
}

/** The column's valid value in its own type: NULL when null or invalid. */
export function validValue(column: DriftColumn, side: DriftSide): Sql {
  const c = ident(column.name);
  const invalid = invalidSql(column, side);
  return invalid ? sql`CASE WHEN NOT (${invalid}) THEN ${c} END` : c;
}

/** The column's valid value as DOUBLE. */
export function validNumber(column: DriftColumn, side: DriftSide): Sql {
  return sql`${validValue(column, side)}::DOUBLE`;
}
