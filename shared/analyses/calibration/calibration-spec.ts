// What a calibration analysis measures (STATS.md "Calibration (binary)"): the log's label and
// score (and the reference's), the bins, and the cohorts, cut exactly as performance cuts them.
import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import {
  DEFAULT_CALIBRATION_BINS,
  MAX_CALIBRATION_BINS,
  MIN_CALIBRATION_BINS,
} from '../../stats/calibration-bins.ts';
import { outcomeFromSchema } from '../binary-outcome.ts';
import { cohortSpecFromSchemas, type CohortSpec } from '../performance/performance-spec.ts';

/** Equal-width bins (`uniform`, the default) or equal-mass (`quantile`), as sklearn names them. */
export type CalibrationStrategy = 'uniform' | 'quantile';

export const calibrationStrategies: readonly CalibrationStrategy[] = ['uniform', 'quantile'];

/** A table with the columns calibration reads: the label, its positive value, and the score. */
export interface CalibrationSide {
  table: string;
  label: string;
  /** The label value that counts as 1, compared as text. */
  positive: string;
  /** The predicted probability of the positive class. */
  score: string;
  /** The score's DuckDB type (NaN and ±Infinity of a float score are invalid values). */
  scoreType: string;
}

/** A calibration analysis: plain data. Cohorts are the log's; the reference gives one curve. */
export interface CalibrationSpec extends CohortSpec {
  log: CalibrationSide;
  /** Its overall curve, beside the log's (training vs production). */
  reference?: CalibrationSide;
  /** B, 2 to 1000. */
  bins: number;
  strategy: CalibrationStrategy;
}

export interface CalibrationSpecOptions {
  /** B (CLI `--bins`), default 10. */
  bins?: number;
  /** Default `uniform`. */
  strategy?: CalibrationStrategy;
  /** At most one cohort column (CLI `--by`): numeric ones in 10 equal-mass bins, as performance. */
  by?: readonly string[];
  /** The cohort filter (CLI `--where`), on both sides. */
  where?: readonly Predicate[];
}

/** B checked: a whole number from 2 to 1000; `given` is how the user wrote it, for the message. */
export function checkedBinCount(bins: number, given: string = String(bins)): number {
  if (!Number.isInteger(bins) || bins < MIN_CALIBRATION_BINS || bins > MAX_CALIBRATION_BINS) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--bins must be a whole number from ${MIN_CALIBRATION_BINS} to ${MAX_CALIBRATION_BINS}, not '${given}'`,
    });
  }
  return bins;
}

/** A side's label and score from its roles, or an error naming the side and what is missing. */
function calibrationSide(schema: DatasetSchema, data: string): CalibrationSide {
  const outcome = outcomeFromSchema(schema, undefined, data);
  if (typeof outcome === 'string') {
    throw new FaultlineError({ code: 'bad_role', message: `calibration: ${outcome}` });
  }
  if (outcome.score === null) {
    throw new FaultlineError({
      code: 'bad_role',
      message: `calibration: no score column in ${data} (calibration needs the predicted probability of the positive class, not only '${outcome.prediction ?? ''}'; set --score COL)`,
    });
  }
  const score = outcome.score;
  const scoreType = schema.columns.find((c) => c.name === score)?.type ?? '';
  if (!isNumericType(scoreType)) {
    throw new FaultlineError({
      code: 'bad_role',
      column: score,
      message: `calibration: score '${score}' in ${data} is ${scoreType || 'not a column'}, not a number (set --score COL to the probability of the positive class)`,
    });
  }
  return {
    table: schema.table,
    label: outcome.label,
    positive: outcome.positive,
    score,
    scoreType,
  };
}

/**
 * A CalibrationSpec from the log's schema (and the reference's): the label and score roles (the
 * log's positive label on both sides), B and the strategy, and at most one cohort column with the
 * cohort filter (cohortSpecFromSchemas). Anything named that is missing fails, naming it.
 */
export function calibrationSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: CalibrationSpecOptions = {},
): CalibrationSpec {
  const by = options.by ?? [];
  if (by.length > 1) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--by: calibration takes one cohort column, not ${by.length} (${by.map((b) => `"${b}"`).join(', ')})`,
    });
  }
  const bins = checkedBinCount(options.bins ?? DEFAULT_CALIBRATION_BINS);
  const cohorts = cohortSpecFromSchemas(log, reference, {
    by,
    ...(options.where ? { where: options.where } : {}),
  });
  const logSide = calibrationSide(log, 'the log');
  const spec: CalibrationSpec = {
    log: logSide,
    ...cohorts,
    bins,
    strategy: options.strategy ?? 'uniform',
  };
  if (reference) {
    spec.reference = { ...calibrationSide(reference, 'the reference'), positive: logSide.positive };
  }
  return spec;
}
