// A row's outcome as SQL over the log's columns, per task (STATS.md "Classification metrics
// (binary)", the multiclass/regression paragraph): whether it is a misprediction, and the label,
// prediction, confidence and error a row of the errors view shows.
import { FaultlineError } from '../../errors.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { ident, raw, sql, type Sql } from '../../sql/sql.ts';
import { outcomeSql } from '../binary-outcome.ts';
import { classValueSql } from '../row-outcome.ts';
import { finiteNumberSql, validValueSql } from '../valid-value.ts';
import { cellSql } from './errors-cells.ts';
import type { Cell } from './errors-result.ts';
import type { ErrorsSpec } from './errors-spec.ts';

/** SQL for one row's outcome. */
export interface RowOutcomeSql {
  /** True for a misprediction (regression: a row whose error is known). */
  wrong: Sql;
  label: Sql;
  /** The prediction's cell; a boolean when `score >= threshold` predicts (see predictedCell). */
  predicted: Sql;
  confidence: Sql;
  error: Sql;
}

const NO_NUMBER = raw('NULL::DOUBLE');

/** A column's DuckDB type, from the spec's list of the log's columns. */
export function columnType(spec: ErrorsSpec, name: string): string {
  const column = spec.log.columns.find((c) => c.name === name);
  if (column === undefined) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: name,
      message: `errors: no column named "${name}" in the log`,
    });
  }
  return column.type;
}

function binarySql(spec: ErrorsSpec & { outcome: { task: 'binary' } }): RowOutcomeSql {
  const { binary } = spec.outcome;
  const o = outcomeSql(binary);
  const cell = (name: string) => cellSql(name, columnType(spec, name));
  const known = sql`(${o.counted})`;
  const p = binary.score === null ? null : finiteNumberSql(binary.score);
  return {
    wrong: sql`${known} AND (${o.error})`,
    label: cell(binary.label),
    predicted:
      binary.prediction !== null
        ? cell(binary.prediction)
        : sql`CASE WHEN ${known} THEN ${o.predicted} END`,
    // STATS.md: the confidence of a prediction is the probability of the class it predicts.
    confidence:
      p === null
        ? NO_NUMBER
        : sql`CASE WHEN ${known} THEN CASE WHEN ${o.predicted} THEN ${p} ELSE 1 - ${p} END END`,
    error:
      p === null
        ? NO_NUMBER
        : sql`CASE WHEN ${ident(binary.label)} IS NOT NULL THEN abs(${o.actual}::INTEGER - ${p}) END`,
  };
}

/** SQL for a row's outcome, per task. */
export function rowOutcomeSql(spec: ErrorsSpec): RowOutcomeSql {
  const { outcome } = spec;
  if (outcome.task === 'binary') return binarySql({ ...spec, outcome });
  const { label, prediction } = outcome.side;
  const cell = (name: string) => cellSql(name, columnType(spec, name));
  if (outcome.task === 'multiclass') {
    const as = (c: string) => classValueSql(outcome.side, c);
    return {
      wrong: sql`${ident(label)} IS NOT NULL AND ${ident(prediction)} IS NOT NULL AND ${as(label)} <> ${as(prediction)}`,
      label: cell(label),
      predicted: cell(prediction),
      confidence: outcome.score === null ? NO_NUMBER : finiteNumberSql(outcome.score),
      error: NO_NUMBER,
    };
  }
  // STATS.md: the "error" of a regression row is its absolute error.
  const error = sql`abs(${finiteNumberSql(prediction)} - ${finiteNumberSql(label)})`;
  return {
    wrong: sql`${error} IS NOT NULL`,
    label: cell(label),
    predicted: cell(prediction),
    confidence: NO_NUMBER,
    error,
  };
}

/** The value rows are ordered by (nulls last; NaN counts as null). */
export function sortValueSql(spec: ErrorsSpec, row: RowOutcomeSql): Sql {
  const { sort } = spec;
  if (sort.key !== 'column') return sort.key === 'confidence' ? row.confidence : row.error;
  return validValueSql(sort.column, sort.type);
}

/** A label value (compared as text) in the label column's own form: a number, a boolean or text. */
function labelValue(text: string, labelType: string): Cell {
  if (isNumericType(labelType) && text.trim() !== '' && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (labelType === 'BOOLEAN') return text.toLowerCase() === 'true';
  return text;
}

/**
 * The predicted cell of a row: as read, or, when the score against the threshold predicts, the
 * label value that prediction stands for (the positive or the negative value).
 */
export function predictedCell(spec: ErrorsSpec, value: Cell): Cell {
  const { outcome } = spec;
  if (outcome.task !== 'binary' || outcome.binary.prediction !== null) return value;
  if (typeof value !== 'boolean') return null;
  const labelType = columnType(spec, outcome.binary.label);
  return labelValue(value ? outcome.binary.positive : outcome.negative, labelType);
}
