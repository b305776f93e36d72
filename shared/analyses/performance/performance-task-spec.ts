// Specs of the multiclass and regression performance analyses (STATS.md's paragraph after
// "Classification metrics"): the true label and the logged prediction on each side, and the cohort
// part every task shares.
import { FaultlineError } from '../../errors.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isNumericType } from '../../schema/duck-types.ts';
import { roleColumn } from '../binary-outcome.ts';
import {
  cohortSpecFromSchemas,
  type CohortSpec,
  type PerformanceSpecOptions,
} from './performance-spec.ts';

/** A table with its true label and predicted label (or value) columns. */
export interface LabelledSide {
  table: string;
  label: string;
  prediction: string;
  /** Both columns hold numbers: labels compare and sort as numbers. */
  numeric: boolean;
}

export interface MulticlassPerformanceSpec extends CohortSpec {
  task: 'multiclass';
  log: LabelledSide;
  reference?: LabelledSide;
}

export interface RegressionPerformanceSpec extends CohortSpec {
  task: 'regression';
  log: LabelledSide;
  reference?: LabelledSide;
}

/** A side's label and prediction columns from its roles, or an error naming what is missing. */
function labelledSide(schema: DatasetSchema, data: string, task: string): LabelledSide {
  const label = roleColumn(schema, 'label');
  const prediction = roleColumn(schema, 'prediction');
  if (label === null || prediction === null) {
    throw new FaultlineError({
      code: 'bad_role',
      message: `performance: no ${label === null ? 'label' : 'prediction'} column in ${data} (${task} metrics compare the label with the logged prediction; set --${label === null ? 'label' : 'prediction'} COL)`,
    });
  }
  const type = (name: string) => schema.columns.find((c) => c.name === name)?.type ?? '';
  const numeric = isNumericType(type(label)) && isNumericType(type(prediction));
  if (task === 'regression' && !numeric) {
    throw new FaultlineError({
      code: 'bad_role',
      column: numeric ? prediction : label,
      message: `performance: regression needs numeric '${label}' and '${prediction}' in ${data}`,
    });
  }
  return { table: schema.table, label, prediction, numeric };
}

/** The sides and the cohort part of a multiclass or regression spec. */
function taskParts(
  task: 'multiclass' | 'regression',
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: PerformanceSpecOptions,
) {
  return {
    log: labelledSide(log, 'the log', task),
    ...(reference ? { reference: labelledSide(reference, 'the reference', task) } : {}),
    ...cohortSpecFromSchemas(log, reference, options),
  };
}

/** A multiclass spec from the schemas' label and prediction roles. */
export function multiclassSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: PerformanceSpecOptions = {},
): MulticlassPerformanceSpec {
  return { task: 'multiclass', ...taskParts('multiclass', log, reference, options) };
}

/** A regression spec from the schemas' label (the truth) and prediction roles. */
export function regressionSpecFromSchemas(
  log: DatasetSchema,
  reference: DatasetSchema | null,
  options: PerformanceSpecOptions = {},
): RegressionPerformanceSpec {
  return { task: 'regression', ...taskParts('regression', log, reference, options) };
}
