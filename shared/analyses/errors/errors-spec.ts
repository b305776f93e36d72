// What the errors view asks of a log: its mispredictions (STATS.md "Classification metrics
// (binary)" and the multiclass/regression paragraph), filtered, sorted and paged in DuckDB, and a
// row's features against the reference. Plain data, built from the schemas.
import { FaultlineError } from '../../errors.ts';
import type { ColumnKind } from '../../schema/column-kind.ts';
import type { ColumnRole } from '../../schema/column-role.ts';
import type { DatasetSchema, SchemaColumn } from '../../schema/dataset-schema.ts';
import { isNumericType, isTemporalType } from '../../schema/duck-types.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { roleColumn } from '../binary-outcome.ts';
import { checkedCohortFilter } from '../cohort-source.ts';
import { rowOutcomeFromSchema, type RowOutcome, type RowTask } from '../row-outcome.ts';

export type ErrorsTask = RowTask;

/**
 * How rows are ordered: `confidence` and `error` are the computed values of ErrorRow, `score` and
 * `time` the log's score and time columns; any other name is a column of the log. Nulls always
 * come last, and ties go by row, ascending.
 */
export type ErrorsSort = {
  by: 'confidence' | 'error' | 'score' | 'time' | string;
  direction: 'asc' | 'desc';
};

/** A log column as the spec carries it: its DuckDB type decides how its cells are read. */
export interface ErrorsColumn {
  name: string;
  kind: ColumnKind;
  role: ColumnRole;
  type: string;
}

/** A resolved sort: a computed value, or a column of the log (with its type). */
export type ErrorsSortKey =
  | { key: 'confidence' | 'error'; direction: 'asc' | 'desc' }
  | { key: 'column'; column: string; type: string; direction: 'asc' | 'desc' };

/**
 * How a feature is compared with the reference: `number` and `time` by rank (percentile, range),
 * `value` by the share of rows holding the same value.
 */
export type FeatureComparison = 'number' | 'time' | 'value';

/** A feature column of the log and its counterpart on the compared side. */
export interface ErrorsFeature {
  name: string;
  /** The kind on the compared side (the reference's, as STATS.md decides kinds there). */
  kind: ColumnKind;
  comparison: FeatureComparison;
  logType: string;
  /** Null when the reference has no such column: the feature is compared with nothing. */
  referenceType: string | null;
}

export interface ErrorsSpec {
  outcome: RowOutcome;
  /** The log and every one of its columns. */
  log: { table: string; columns: ErrorsColumn[] };
  /** The features are compared with it; without one, with the log itself. */
  reference?: { table: string };
  /** The cohort filter: which rows of the log are listed. */
  where?: Predicate[];
  sort: ErrorsSortKey;
  /** The columns each row's `values` hold, in display order. */
  columns: string[];
  features: ErrorsFeature[];
}

export interface ErrorsSpecOptions {
  /** The cohort filter (CLI `--where`, the app's cohort filter). */
  where?: readonly Predicate[];
  /** Binary only: predict positive when score >= threshold instead of the logged prediction. */
  threshold?: number;
  /** Default: confidence, descending (confident errors first); regression: error, descending. */
  sort?: ErrorsSort;
  /** The columns of each row's values; default id, time, label, prediction, score, features. */
  columns?: readonly string[];
}

/** DuckDB's row number of a table: the stable identity of a row, hidden by a column of that name. */
const ROWID = 'rowid';

function bad(message: string, column?: string): FaultlineError {
  return new FaultlineError({
    code: 'bad_argument',
    message: `errors: ${message}`,
    ...(column !== undefined ? { column } : {}),
  });
}

function unknownColumn(name: string, what: string): FaultlineError {
  return new FaultlineError({
    code: 'unknown_column',
    column: name,
    message: `errors: ${what}: no column named "${name}" in the log`,
  });
}

function sortKey(
  sort: ErrorsSort | undefined,
  outcome: RowOutcome,
  log: DatasetSchema,
): ErrorsSortKey {
  if (sort === undefined) {
    return { key: outcome.task === 'regression' ? 'error' : 'confidence', direction: 'desc' };
  }
  const { by, direction } = sort;
  if (direction !== 'asc' && direction !== 'desc') {
    throw bad(`sort direction is 'asc' or 'desc', not ${JSON.stringify(direction)}`);
  }
  if (by === 'confidence' || by === 'error') return { key: by, direction };
  const score =
    outcome.task === 'binary'
      ? outcome.binary.score
      : outcome.task === 'multiclass'
        ? outcome.score
        : null;
  // A column really named "score" or "time" serves when no column has that role.
  const name = (by === 'score' ? score : by === 'time' ? roleColumn(log, 'time') : null) ?? by;
  const column = log.columns.find((c) => c.name === name);
  if (column === undefined && (by === 'score' || by === 'time')) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: by,
      message: `errors: sort by ${by}: the log has no ${by} column`,
    });
  }
  if (column === undefined) throw unknownColumn(name, 'sort');
  return { key: 'column', column: column.name, type: column.type, direction };
}

const byRole = (log: DatasetSchema, role: ColumnRole): string[] =>
  log.columns.filter((c) => c.role === role).map((c) => c.name);

function displayColumns(
  requested: readonly string[] | undefined,
  outcome: RowOutcome,
  log: DatasetSchema,
): string[] {
  if (requested !== undefined) {
    for (const name of requested) {
      if (!log.columns.some((c) => c.name === name)) throw unknownColumn(name, 'columns');
    }
    return [...new Set(requested)];
  }
  const [label, prediction, score] =
    outcome.task === 'binary'
      ? [outcome.binary.label, outcome.binary.prediction, outcome.binary.score]
      : [
          outcome.side.label,
          outcome.side.prediction,
          outcome.task === 'multiclass' ? outcome.score : null,
        ];
  const named = [roleColumn(log, 'id'), roleColumn(log, 'time'), label, prediction, score];
  const ordered = [...named.filter((n): n is string => n !== null), ...byRole(log, 'feature')];
  return [...new Set(ordered)];
}

/** How a feature compares: by rank when both sides hold numbers (or times) of that kind. */
function comparisonOf(kind: ColumnKind, logType: string, otherType: string): FeatureComparison {
  if (kind === 'numeric' && isNumericType(logType) && isNumericType(otherType)) return 'number';
  if (kind === 'datetime' && isTemporalType(logType) && isTemporalType(otherType)) return 'time';
  return 'value';
}

function feature(column: SchemaColumn, compared: DatasetSchema): ErrorsFeature {
  const other = compared.columns.find((c) => c.name === column.name);
  const kind = other?.kind ?? column.kind;
  return {
    name: column.name,
    kind,
    comparison: comparisonOf(kind, column.type, other?.type ?? column.type),
    logType: column.type,
    referenceType: other?.type ?? null,
  };
}

/**
 * An ErrorsSpec from the log's schema (and the reference's): the task and the row outcome as the
 * performance analysis reads them (binary: the logged prediction unless a threshold is given),
 * the cohort filter (checked on the log: it picks rows there, see runErrorDetail), the sort and
 * the columns shown. Anything named that is missing fails, naming it.
 */
export function errorsSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: ErrorsSpecOptions = {},
): ErrorsSpec {
  const hiding = log.columns.find((c) => c.name.toLowerCase() === ROWID);
  if (hiding) {
    throw bad(
      `the log has a column named "${hiding.name}", which hides DuckDB's row number that identifies each row; rename it`,
      hiding.name,
    );
  }
  const where = checkedCohortFilter(options.where ?? [], [['log', log]]);
  const outcome = rowOutcomeFromSchema(log, where, options.threshold, 'errors');
  const spec: ErrorsSpec = {
    outcome,
    log: {
      table: log.table,
      columns: log.columns.map(({ name, kind, role, type }) => ({ name, kind, role, type })),
    },
    sort: sortKey(options.sort, outcome, log),
    columns: displayColumns(options.columns, outcome, log),
    features: log.columns
      .filter((c) => c.role === 'feature')
      .map((c) => feature(c, reference ?? log)),
  };
  if (reference) spec.reference = { table: reference.table };
  if (where.length > 0) spec.where = where;
  return spec;
}
