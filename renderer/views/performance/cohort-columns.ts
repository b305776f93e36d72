import type { DatasetSchema, SchemaColumn } from '../../../shared/schema/dataset-schema.ts';
import { isNumericType } from '../../../shared/schema/duck-types.ts';

/** At most this many values for a column to be the default cohort column. */
export const DEFAULT_COHORT_MAX_VALUES = 12;

/** Roles whose columns cannot be cohorts: their own metrics, or one value per row. */
const notCohorts = new Set(['label', 'score', 'prediction', 'time', 'id']);

/**
 * The columns a cohort can be cut by: numeric (binned by the analysis) or categorical, in the
 * log and in the reference too when there is one, whose kind then decides (as the analysis
 * reads it); features first, in file order.
 */
export function cohortColumnChoices(
  log: DatasetSchema,
  reference: DatasetSchema | null,
): SchemaColumn[] {
  const usable = log.columns.filter((c) => {
    const onReference = reference?.columns.find((r) => r.name === c.name);
    if (reference !== null && onReference === undefined) return false;
    const kind = (onReference ?? c).kind;
    return (kind === 'numeric' || kind === 'categorical') && !notCohorts.has(c.role);
  });
  return [
    ...usable.filter((c) => c.role === 'feature'),
    ...usable.filter((c) => c.role !== 'feature'),
  ];
}

/**
 * The cohort column to start with: the first categorical feature with a few values (2 to 12),
 * text before numbers coded as categories; null when there is none.
 */
export function defaultCohortColumn(
  log: DatasetSchema,
  reference: DatasetSchema | null,
): string | null {
  const few = cohortColumnChoices(log, reference).filter(
    (c) =>
      c.role === 'feature' &&
      c.kind === 'categorical' &&
      c.distinct >= 2 &&
      c.distinct <= DEFAULT_COHORT_MAX_VALUES,
  );
  return (few.find((c) => !isNumericType(c.type)) ?? few[0])?.name ?? null;
}

/**
 * The cohort columns to ask for: the chosen ones that can still be cohorts (a dataset may have
 * changed since), or the default column when nothing was chosen.
 */
export function resolvedCohortColumns(
  chosen: readonly string[] | null,
  log: DatasetSchema,
  reference: DatasetSchema | null,
): string[] {
  if (chosen === null) {
    const column = defaultCohortColumn(log, reference);
    return column === null ? [] : [column];
  }
  const names = new Set(cohortColumnChoices(log, reference).map((c) => c.name));
  return chosen.filter((name, i) => names.has(name) && chosen.indexOf(name) === i).slice(0, 2);
}
