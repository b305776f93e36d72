import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import { performanceTask } from './performance-metrics.ts';
import { sideWords, type PerformanceSides } from './performance-sides.ts';

const hasRole = (schema: DatasetSchema, role: string) =>
  schema.columns.some((c) => c.role === role && (role !== 'score' || c.scoresClass === null));

/** What one side lacks for its task's metrics, in words; null when nothing. */
function sideGap(schema: DatasetSchema, side: string): string | null {
  if (!hasRole(schema, 'label')) {
    return `${side} has no label column: the metrics compare the true label with the prediction. Set a column's role to label in the Dataset view.`;
  }
  const task = performanceTask(schema.task);
  if (task !== 'binary') {
    return hasRole(schema, 'prediction')
      ? null
      : `${side} has no prediction column: ${task} metrics compare the label with the logged prediction. Set a column's role to prediction in the Dataset view.`;
  }
  if (schema.task !== 'binary' || schema.label === null) {
    return `${side} has a label that is not binary (task: ${schema.task ?? 'unknown'}). Set the task or the positive label in the Dataset view.`;
  }
  if (!hasRole(schema, 'prediction') && !hasRole(schema, 'score')) {
    return `${side} has no prediction or score column: there is nothing to judge the label against. Set a column's role to prediction or score in the Dataset view.`;
  }
  return null;
}

/**
 * Why the performance views cannot run yet, one sentence per side that lacks a role; empty when
 * the log (and the reference, if any) have what their task needs.
 */
export function performanceGaps(sides: PerformanceSides): string[] {
  const gaps = [sideGap(sides.log.schema, sideWords(sides.log, 'log'))];
  if (sides.reference !== null) {
    gaps.push(sideGap(sides.reference.schema, sideWords(sides.reference, 'reference')));
  }
  return gaps
    .filter((g): g is string => g !== null)
    .map((g) => `${g.charAt(0).toUpperCase()}${g.slice(1)}`);
}
