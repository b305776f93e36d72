// The active cohort (CLI `--where`, the app's cohort filter) applied to a table: every analysis
// reads its tables through here, so the filter holds alike on every side it compares.
import { FaultlineError } from '../errors.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import { predicateSql, type Predicate } from '../sql/predicate.ts';
import { sql, table, type Sql } from '../sql/sql.ts';

/** A table's rows as a FROM item: the table itself, or only the rows every predicate keeps. */
export function cohortSource(tableName: string, where: readonly Predicate[] | undefined): Sql {
  const from = table(tableName);
  return where === undefined || where.length === 0
    ? from
    : sql`(SELECT * FROM ${from} WHERE ${predicateSql(where)})`;
}

/**
 * The cohort filter checked against every side's schema, as a copy: a column a side lacks fails
 * with `unknown_column`, naming the column and the side (e.g. `['reference', schema]`).
 */
export function checkedCohortFilter(
  where: readonly Predicate[],
  sides: readonly (readonly [side: string, schema: DatasetSchema])[],
): Predicate[] {
  for (const { column } of where) {
    for (const [side, schema] of sides) {
      if (!schema.columns.some((c) => c.name === column)) {
        throw new FaultlineError({
          code: 'unknown_column',
          column,
          message: `no column named "${column}" in the ${side} data to filter on`,
        });
      }
    }
  }
  return where.map((p) => ({ ...p, value: Array.isArray(p.value) ? [...p.value] : p.value }));
}
