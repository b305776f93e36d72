// A log's binary outcome — its label, and the prediction it is judged against — as drift's impact
// and the performance metrics read it (STATS.md "Classification metrics (binary)").
import type { DatasetSchema } from '../schema/dataset-schema.ts';
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
  return { label, positive: schema.label.positive, prediction, score, threshold };
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
  const actual = sql`(${label}::VARCHAR = ${outcome.positive})`;
  if (outcome.prediction !== null) {
    const p = ident(outcome.prediction);
    const predicted = sql`(${p}::VARCHAR = ${outcome.positive} OR coalesce(TRY_CAST(${p} AS DOUBLE) = TRY_CAST(${outcome.positive}::VARCHAR AS DOUBLE), false))`;
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
