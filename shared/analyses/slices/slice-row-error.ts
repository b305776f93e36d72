// A row's error as STATS.md's weak-slice search counts it: 0/1 misclassification for binary and
// multiclass logs, squared error for regression; NULL for a row that cannot be judged (no label,
// no prediction), which the search leaves out.
import { ident, sql, type Sql } from '../../sql/sql.ts';
import { outcomeSql } from '../binary-outcome.ts';
import { classValueSql, type RowOutcome } from '../row-outcome.ts';
import { finiteNumberSql } from '../valid-value.ts';

/** DOUBLE SQL over the table's columns: the row's error, or NULL when it cannot be judged. */
export function rowErrorSql(outcome: RowOutcome): Sql {
  if (outcome.task === 'binary') {
    const o = outcomeSql(outcome.binary);
    return sql`CASE WHEN ${o.counted} THEN (${o.error})::DOUBLE END`;
  }
  const { label, prediction } = outcome.side;
  if (outcome.task === 'regression') {
    return sql`(${finiteNumberSql(prediction)} - ${finiteNumberSql(label)}) ^ 2`;
  }
  const as = (c: string) => classValueSql(outcome.side, c);
  return sql`CASE WHEN ${ident(label)} IS NOT NULL AND ${ident(prediction)} IS NOT NULL
    THEN (${as(label)} <> ${as(prediction)})::DOUBLE END`;
}

/** `misclassification` for classification, `squared_error` for regression. */
export const errorMeasure = (outcome: RowOutcome): 'misclassification' | 'squared_error' =>
  outcome.task === 'regression' ? 'squared_error' : 'misclassification';
