// A log's binary outcome — its label, and the prediction it is judged against — as drift's impact
// and the performance metrics read it (STATS.md "Classification metrics (binary)").
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import { isIntegerType, isNumericType, isTextType } from '../schema/duck-types.ts';
import { sql, ident, type Sql } from '../sql/sql.ts';

/** STATS.md "Classification metrics": predicted label = 1 if p >= t, t = 0.5 by default. */
export const DEFAULT_THRESHOLD = 0.5;

/** A table's binary outcome columns. */
export interface BinaryOutcome {
  label: string;
  /** The label value that counts as 1, compared as text. */
  positive: string;
  /** The predicted-label column; when null, `score >= threshold` predicts 1. */
  prediction: string | null;
  score: string | null;
  threshold: number;
  /**
   * DuckDB types of the label and prediction columns, when known: they let a row's outcome be
   * compared in the column's own type (outcomeSql), the same answer without casting every row.
   */
  labelType?: string;
  predictionType?: string;
}

/** The column holding a role; a score is the positive class's, never a per-class probability. */
export const roleColumn = (schema: DatasetSchema, role: string): string | null =>
  schema.columns.find((c) => c.role === role && (role !== 'score' || c.scoresClass === null))
    ?.name ?? null;

/**
 * A table's binary outcome from its roles, or why there is none, in words naming `data` (e.g.
 * 'the current data'). The log's own predicted-label column wins over the threshold when mapped.
 */
export function outcomeFromSchema(
  schema: DatasetSchema,
  threshold = DEFAULT_THRESHOLD,
  data = 'the current data',
): BinaryOutcome | string {
  const label = roleColumn(schema, 'label');
  if (label === null) return `no label column in ${data}`;
  if (schema.task !== 'binary' || schema.label === null) {
    return `'${label}' is not a binary label (task: ${schema.task ?? 'unknown'})`;
  }
  const prediction = roleColumn(schema, 'prediction');
  const score = roleColumn(schema, 'score');
  if (prediction === null && score === null) return `no prediction or score column in ${data}`;
  const typeOf = (name: string | null) => schema.columns.find((c) => c.name === name)?.type;
  const types = { labelType: typeOf(label), predictionType: typeOf(prediction) };
  return { label, positive: schema.label.positive, prediction, score, threshold, ...types };
}

/** Text an integer column prints exactly: `7`, `-3`, never `07`, `+7`, `7.0`. */
const INTEGER_TEXT = /^(0|-?[1-9][0-9]{0,17})$/;
/** Text a numeric column's value equals numerically exactly when DuckDB's TRY_CAST says so. */
const DECIMAL_TEXT = /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/;
/** Text TRY_CAST(… AS DOUBLE) reads as no number: starts with a letter, not inf/nan. */
const NOT_A_NUMBER = /^(?![+-]?(inf|infinity|nan)$)[A-Za-z_]/i;

/**
 * `column::VARCHAR = positive` (the label's test) in the column's own type where the answers are
 * the same: casting every row to text cost ~120 ms a 1M-row scan, the typed test ~15 ms.
 */
function isPositiveLabel(column: Sql, type: string | undefined, positive: string): Sql {
  if (type !== undefined && isIntegerType(type) && INTEGER_TEXT.test(positive)) {
    return sql`(${column} = ${positive}::BIGINT)`;
  }
  if (type !== undefined && isTextType(type)) return sql`(${column} = ${positive})`;
  if (type === 'BOOLEAN' && (positive === 'true' || positive === 'false')) {
    return sql`(${column} = ${positive}::BOOLEAN)`;
  }
  return sql`(${column}::VARCHAR = ${positive})`;
}

/**
 * A predicted label equal to the positive value as text or as a number (a DOUBLE 1.0 prediction
 * matches a positive '1'), in the column's own type where that gives the same answer.
 */
function isPositivePrediction(column: Sql, type: string | undefined, positive: string): Sql {
  if (type !== undefined && isIntegerType(type) && INTEGER_TEXT.test(positive)) {
    return sql`(${column} = ${positive}::BIGINT)`;
  }
  if (type !== undefined && isNumericType(type)) {
    if (DECIMAL_TEXT.test(positive)) return sql`(${column}::DOUBLE = ${positive}::DOUBLE)`;
    // A number never prints as a word, and a word is no number (null stays null).
    if (NOT_A_NUMBER.test(positive)) return sql`(CASE WHEN ${column} IS NOT NULL THEN false END)`;
  }
  if (type !== undefined && isTextType(type) && NOT_A_NUMBER.test(positive)) {
    return sql`(${column} = ${positive})`;
  }
  return sql`(${column}::VARCHAR = ${positive} OR coalesce(TRY_CAST(${column} AS DOUBLE) = TRY_CAST(${positive}::VARCHAR AS DOUBLE), false))`;
}

/** A row's outcome as SQL booleans, over the table's columns. */
export interface OutcomeSql {
  /** Label and prediction known (a score that predicts must be finite). */
  counted: Sql;
  /** The label is the positive value. */
  actual: Sql;
  /** The prediction is positive. */
  predicted: Sql;
  /** predicted 1 ≠ actual 1. */
  error: Sql;
}

/**
 * SQL for a row's outcome. Labels compare as text with the positive value; a predicted label also
 * numerically, so a DOUBLE 1.0 prediction matches a label whose positive value is '1'.
 */
export function outcomeSql(outcome: BinaryOutcome): OutcomeSql {
  const label = ident(outcome.label);
  const actual = isPositiveLabel(label, outcome.labelType, outcome.positive);
  if (outcome.prediction !== null) {
    const p = ident(outcome.prediction);
    const predicted = isPositivePrediction(p, outcome.predictionType, outcome.positive);
    return {
      counted: sql`${label} IS NOT NULL AND ${p} IS NOT NULL`,
      actual,
      predicted,
      error: sql`${actual} <> ${predicted}`,
    };
  }
  if (outcome.score === null) throw new RangeError('outcomeSql: no prediction and no score');
  const s = sql`${ident(outcome.score)}::DOUBLE`;
  const predicted = sql`(${s} >= ${outcome.threshold})`;
  return {
    counted: sql`${label} IS NOT NULL AND isfinite(${s})`,
    actual,
    predicted,
    error: sql`${actual} <> ${predicted}`,
  };
}
