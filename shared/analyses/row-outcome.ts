// A log's row outcome for the analyses that judge rows one by one (errors, slices): which columns
// say whether a row is a misprediction, per task, read from the roles as performance reads them.
import { FaultlineError } from '../errors.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import type { Predicate } from '../sql/predicate.ts';
import { ident, sql, type Sql } from '../sql/sql.ts';
import { roleColumn, type BinaryOutcome } from './binary-outcome.ts';
import { performanceSpecFromSchemas } from './performance/performance-spec.ts';
import {
  multiclassSpecFromSchemas,
  regressionSpecFromSchemas,
  type LabelledSide,
} from './performance/performance-task-spec.ts';

export type RowTask = 'binary' | 'multiclass' | 'regression';

/** A row's outcome: which columns make it, per task. */
export type RowOutcome =
  | {
      task: 'binary';
      binary: BinaryOutcome;
      /** The label value that counts as 0, for the prediction `score >= threshold` makes. */
      negative: string;
    }
  | { task: 'multiclass'; side: LabelledSide; score: string | null }
  | { task: 'regression'; side: LabelledSide };

/** The performance spec builders' errors, said as `analysis`'s. */
function saidAs<T>(analysis: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (!(e instanceof FaultlineError) || !e.message.startsWith('performance: ')) throw e;
    const data = e.toData();
    throw new FaultlineError({
      ...data,
      message: `${analysis}: ${data.message.slice('performance: '.length)}`,
    });
  }
}

/**
 * The log's row outcome (binary: the logged prediction unless a threshold is given); errors name
 * `analysis` (`errors: no label column …`). The reference is not asked for roles here.
 */
export function rowOutcomeFromSchema(
  log: DatasetSchema,
  where: readonly Predicate[],
  threshold: number | undefined,
  analysis: string,
): RowOutcome {
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${analysis}: threshold ${threshold}: expected a number in [0, 1]`,
    });
  }
  if (log.task === 'binary') {
    const { outcome: binary } = saidAs(
      analysis,
      () =>
        performanceSpecFromSchemas(log, null, {
          where,
          ...(threshold !== undefined ? { threshold } : {}),
        }).log,
    );
    return { task: 'binary', binary, negative: log.label?.negative ?? '' };
  }
  if (threshold !== undefined) {
    throw new FaultlineError({
      code: 'bad_argument',
      message: `${analysis}: a threshold applies to binary logs only (this log is ${log.task ?? 'of no task'})`,
    });
  }
  if (log.task === 'multiclass') {
    const side = saidAs(analysis, () => multiclassSpecFromSchemas(log, null, { where }).log);
    return { task: 'multiclass', side, score: roleColumn(log, 'score') };
  }
  if (log.task === 'regression') {
    const side = saidAs(analysis, () => regressionSpecFromSchemas(log, null, { where }).log);
    return { task: 'regression', side };
  }
  throw new FaultlineError({
    code: 'bad_role',
    message: `${analysis}: the log has no task (${log.taskReason || 'no label column'}); set --label COL`,
  });
}

/** A label or prediction column as compared with the other: as numbers when both hold numbers. */
export const classValueSql = (side: LabelledSide, column: string): Sql =>
  side.numeric ? sql`${ident(column)}::DOUBLE` : sql`${ident(column)}::VARCHAR`;
