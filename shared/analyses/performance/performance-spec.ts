import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema, SchemaColumn } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { outcomeFromSchema, type BinaryOutcome } from '../binary-outcome.ts';
import { checkedCohortFilter } from '../cohort-source.ts';
import { timeColumn, type WindowUnit } from '../windows.ts';

/** The proportions a cohort can be judged on over time (STATS.md "Primary metric", "Onset"). */
export type PrimaryMetric = 'recall' | 'precision' | 'accuracy' | 'fpr';

export const primaryMetrics: readonly PrimaryMetric[] = ['recall', 'precision', 'accuracy', 'fpr'];

/** STATS.md: recall is the primary metric of binary logs unless the user picks another. */
export const DEFAULT_PRIMARY_METRIC: PrimaryMetric = 'recall';

/** At most this many cohort columns: cohorts are their values' combinations. */
export const MAX_BY_COLUMNS = 2;

/** A cohort column: one cohort per value, or per equal-mass bin of a numeric column. */
export interface PerformanceByColumn {
  name: string;
  /** `quantile`: numeric, cut into STATS.md's 10 equal-mass bins; `value`: one cohort per value. */
  mode: 'quantile' | 'value';
  /** DuckDB types on the log and on the reference (null without one). */
  logType: string;
  referenceType: string | null;
}

/** A table with its binary outcome columns. */
export interface PerformanceSide {
  table: string;
  outcome: BinaryOutcome;
}

/** What every task's performance analysis cuts its tables by: plain data, never a callback. */
export interface CohortSpec {
  log: { table: string };
  /** With it, each cohort is compared with the same cohort there; else with the rest of the log. */
  reference?: { table: string };
  /** Zero to two cohort columns; none gives the overall metrics only. */
  by: PerformanceByColumn[];
  /** The cohort filter: only rows matching every predicate, on both sides. */
  where?: Predicate[];
  /** The log's time column: with it, metrics per window and each cohort's `since`. */
  time?: string;
  /** Default `auto` (windows.ts). */
  window?: WindowUnit | 'auto';
  /** Why a timeline that was asked for cannot be computed (no time column). */
  skipped?: { timeline?: string };
}

/** What a binary performance analysis measures. */
export interface PerformanceSpec extends CohortSpec {
  task?: 'binary';
  log: PerformanceSide;
  reference?: PerformanceSide;
  /** Default recall. */
  primary?: PrimaryMetric;
}

export interface PerformanceSpecOptions {
  /** Cohort columns (CLI `--by`), each in both tables. */
  by?: readonly string[];
  /** The cohort filter (CLI `--where`). */
  where?: readonly Predicate[];
  /** Metrics per window (CLI `--window`) of the log's time column. */
  window?: WindowUnit | 'auto';
  /** The time column, instead of the log's time role. */
  time?: string;
  /**
   * Predict positive when score >= threshold (CLI `--threshold`). When given, it wins over the
   * log's predicted-label column; when not, that column is used if mapped, else 0.5.
   */
  threshold?: number;
  primary?: PrimaryMetric;
}

/** A side's outcome from its roles, or an error naming the side and what is missing. */
function sideOutcome(schema: DatasetSchema, data: string, threshold?: number): BinaryOutcome {
  const outcome = outcomeFromSchema(schema, threshold, data);
  if (typeof outcome === 'string') {
    throw new FaultlineError({ code: 'bad_role', message: `performance: ${outcome}` });
  }
  // An explicit threshold means the user wants the score cut there, not the logged prediction.
  return threshold !== undefined && outcome.score !== null
    ? { ...outcome, prediction: null }
    : outcome;
}

function column(schema: DatasetSchema, name: string, data: string): SchemaColumn {
  const found = schema.columns.find((c) => c.name === name);
  if (!found) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: name,
      message: `--by: no column named "${name}" in ${data}`,
    });
  }
  return found;
}

/**
 * A cohort column from both schemas. Numeric (STATS.md kinds are decided on the reference when
 * there is one) and of a numeric type on both sides: quantile bins; categorical: its values.
 */
function byColumn(
  name: string,
  log: DatasetSchema,
  reference: DatasetSchema | null,
): PerformanceByColumn {
  const onLog = column(log, name, 'the log');
  const onReference = reference ? column(reference, name, 'the reference') : null;
  const kind = (onReference ?? onLog).kind;
  if (kind !== 'numeric' && kind !== 'categorical') {
    throw new FaultlineError({
      code: 'bad_argument',
      column: name,
      message: `--by: '${name}' is ${kind}: cohorts need a numeric or categorical column${kind === 'datetime' ? ' (use --window for time)' : ''}`,
    });
  }
  const numericTypes =
    isNumericType(onLog.type) && (onReference === null || isNumericType(onReference.type));
  return {
    name,
    mode: kind === 'numeric' && numericTypes ? 'quantile' : 'value',
    logType: onLog.type,
    referenceType: onReference?.type ?? null,
  };
}

/**
 * The cohort part of every task's spec from the schemas: the cohort columns (one or two, in both
 * tables), the cohort filter (checked on both) and the timeline options.
 */
export function cohortSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: Pick<PerformanceSpecOptions, 'by' | 'where' | 'window' | 'time'>,
): Omit<CohortSpec, 'log' | 'reference'> {
  const by = options.by ?? [];
  if (by.length > MAX_BY_COLUMNS || new Set(by).size !== by.length) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `--by: one or two different columns, not ${by.map((b) => `"${b}"`).join(', ')}`,
    });
  }
  const spec: Omit<CohortSpec, 'log' | 'reference'> = {
    by: by.map((name) => byColumn(name, log, reference)),
  };
  const where = checkedCohortFilter(options.where ?? [], [
    ['log', log],
    ...(reference ? [['reference', reference] as const] : []),
  ]);
  if (where.length > 0) spec.where = where;
  if (options.window !== undefined || options.time !== undefined) {
    const time = timeColumn(log, options.time, 'the log');
    if (time === null) spec.skipped = { timeline: 'no time column in the log' };
    else {
      spec.time = time;
      spec.window = options.window ?? 'auto';
    }
  }
  return spec;
}

/**
 * A binary PerformanceSpec from the log's schema (and the reference's): the outcome from their
 * label, prediction and score roles (the log's positive label on both sides) and the cohort part
 * (cohortSpecFromSchemas). Anything named that is missing fails, naming it.
 */
export function performanceSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: PerformanceSpecOptions = {},
): PerformanceSpec {
  const cohorts = cohortSpecFromSchemas(log, reference, options);
  const logOutcome = sideOutcome(log, 'the log', options.threshold);
  const spec: PerformanceSpec = { log: { table: log.table, outcome: logOutcome }, ...cohorts };
  if (reference) {
    const outcome = sideOutcome(reference, 'the reference', options.threshold);
    spec.reference = {
      table: reference.table,
      outcome: { ...outcome, positive: logOutcome.positive },
    };
  }
  if (options.primary !== undefined) spec.primary = options.primary;
  return spec;
}
