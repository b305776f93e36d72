// Where each side's rows and values come from, for every drift query: the cohort's rows of each
// side (cohort-source.ts) and their valid values (valid-value.ts).
import type { Sql } from '../../sql/sql.ts';
import { cohortSource } from '../cohort-source.ts';
import { invalidValueSql, validNumberSql, validValueSql } from '../valid-value.ts';
import type { DriftColumn, DriftSpec } from './drift-spec.ts';

export type DriftSide = 'reference' | 'current';

export const driftSides: readonly DriftSide[] = ['reference', 'current'];

/**
 * A side's rows as a FROM item: its table, or only the rows the spec's `where` keeps. Every drift
 * query reads a side through this, so the cohort filter holds for both sides alike.
 */
export function sideSource(spec: DriftSpec, side: DriftSide): Sql {
  return cohortSource(side === 'reference' ? spec.referenceTable : spec.currentTable, spec.where);
}

const sideType = (column: DriftColumn, side: DriftSide) =>
  side === 'reference' ? column.referenceType : column.currentType;

/**
 * True for a non-null value that is not a value (STATS.md: NaN and ±Infinity of a float column);
 * null for column types that cannot hold one.
 */
export function invalidSql(column: DriftColumn, side: DriftSide): Sql | null {
  return invalidValueSql(column.name, sideType(column, side));
}

/** The column's valid value in its own type: NULL when null or invalid. */
export function validValue(column: DriftColumn, side: DriftSide): Sql {
  return validValueSql(column.name, sideType(column, side));
}

/** The column's valid value as DOUBLE. */
export function validNumber(column: DriftColumn, side: DriftSide): Sql {
  return validNumberSql(column.name, sideType(column, side));
}
