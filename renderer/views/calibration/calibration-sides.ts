import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import { isNumericType } from '../../../shared/schema/duck-types.ts';
import type { AppState } from '../../store/store.ts';
import {
  performanceSides,
  sideWords,
  type PerformanceSides,
} from '../performance/performance-sides.ts';

/** The log and reference the Calibration view judges, and what keeps it from judging them. */
export interface CalibrationSides extends PerformanceSides {
  /** What the log lacks for calibration, in words; the request waits while there is any. */
  gaps: string[];
  /** Why the reference's curve is left out (it lacks a label or score); null when it is drawn. */
  referenceLeftOut: string | null;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** What one side lacks to have a reliability curve, in words; null when nothing. */
export function calibrationGap(schema: DatasetSchema, side: string): string | null {
  const label = schema.columns.find((c) => c.role === 'label');
  if (label === undefined) {
    return `${side} has no label column: calibration compares the observed label with the score. Set a column's role to label in the Dataset view.`;
  }
  if (schema.task !== 'binary' || schema.label === null) {
    return `${side} has a label that is not binary (task: ${schema.task ?? 'unknown'}): calibration judges the probability of one class. Set the task or the positive label in the Dataset view.`;
  }
  const score = schema.columns.find((c) => c.role === 'score' && c.scoresClass === null);
  if (score === undefined) {
    return `${side} has no score column: calibration needs the predicted probability of the positive class, not only a predicted label. Set a column's role to score in the Dataset view.`;
  }
  if (!isNumericType(score.type)) {
    return `${side} has a score '${score.name}' of type ${score.type}, not a number: calibration needs the predicted probability of the positive class. Set the score role on a numeric column in the Dataset view.`;
  }
  return null;
}

/**
 * The performance views' log and reference (performanceSides), checked for a binary label and a
 * numeric score: the log must have both; a reference without them is left out, saying why.
 */
export function calibrationSides(datasets: AppState['datasets']): CalibrationSides | null {
  const sides = performanceSides(datasets);
  if (sides === null) return null;
  const logGap = calibrationGap(sides.log.schema, sideWords(sides.log, 'log'));
  const referenceGap =
    sides.reference === null
      ? null
      : calibrationGap(sides.reference.schema, sideWords(sides.reference, 'reference'));
  return {
    log: sides.log,
    reference: referenceGap === null ? sides.reference : null,
    gaps: logGap === null ? [] : [capitalised(logGap)],
    referenceLeftOut:
      referenceGap === null ? null : `${capitalised(referenceGap)} Its curve is left out.`,
  };
}
