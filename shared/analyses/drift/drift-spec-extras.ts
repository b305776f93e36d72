import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { outcomeFromSchema } from '../binary-outcome.ts';
import { timeColumn } from '../windows.ts';
import type { DriftSpec, DriftSpecOptions } from './drift-spec.ts';

/** The spec's timeline and impact options from the current schema (driftSpecFromSchemas). */
export function withExtras(
  spec: DriftSpec,
  current: DatasetSchema,
  options: DriftSpecOptions,
): DriftSpec {
  const out: DriftSpec = { ...spec };
  const skipped: NonNullable<DriftSpec['skipped']> = {};
  if (options.window !== undefined || options.time !== undefined) {
    const time = timeColumn(current, options.time, 'the current data');
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
