import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import type { DriftOutcome, DriftSpec, DriftSpecOptions } from './drift-spec.ts';

/** STATS.md "Classification metrics": predicted label = 1 if p >= t, t = 0.5 by default. */
export const DEFAULT_THRESHOLD = 0.5;

const roleColumn = (schema: DatasetSchema, role: string): string | null =>
  schema.columns.find((c) => c.role === role && (role !== 'score' || c.scoresClass === null))
    ?.name ?? null;

function timeColumn(current: DatasetSchema, named: string | undefined): string | null {
  if (named === undefined) return roleColumn(current, 'time');
  const column = current.columns.find((c) => c.name === named);
  if (!column) {
    throw new FaultlineError({
      code: 'unknown_column',
      column: named,
      message: `no time column named "${named}" in the current data`,
    });
  }
  if (column.kind !== 'datetime') {
    throw new FaultlineError({
      code: 'bad_argument',
      column: named,
      message: `'${named}' is ${column.kind}: a timeline needs a date or timestamp column`,
    });
  }
  return named;
}

/** The current data's binary outcome from its roles, or why impact cannot be computed. */
export function outcomeFromSchema(
  current: DatasetSchema,
  threshold = DEFAULT_THRESHOLD,
): DriftOutcome | string {
  const label = roleColumn(current, 'label');
  if (label === null) return 'no label column in the current data';
  if (current.task !== 'binary' || current.label === null) {
    return `impact needs a binary label; '${label}' is ${current.task ?? 'of no known task'}`;
  }
  const prediction = roleColumn(current, 'prediction');
  const score = roleColumn(current, 'score');
  if (prediction === null && score === null) return 'no prediction or score column';
  return { label, positive: current.label.positive, prediction, score, threshold };
}

/** The spec's timeline and impact options from the current schema (driftSpecFromSchemas). */
export function withExtras(
  spec: DriftSpec,
  current: DatasetSchema,
  options: DriftSpecOptions,
): DriftSpec {
  const out: DriftSpec = { ...spec };
  const skipped: NonNullable<DriftSpec['skipped']> = {};
  if (options.window !== undefined || options.time !== undefined) {
    const time = timeColumn(current, options.time);
    if (time === null) skipped.timeline = 'no time column in the current data';
    else {
      out.time = time;
      out.window = options.window ?? 'auto';
    }
  }
  if (options.impact === true) {
    const outcome = outcomeFromSchema(current, options.threshold);
    if (typeof outcome === 'string') skipped.impact = outcome;
    else out.outcome = outcome;
  }
  if (skipped.timeline !== undefined || skipped.impact !== undefined) out.skipped = skipped;
  return out;
}
