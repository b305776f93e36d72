import type { CalibrationRequest } from '../../engine/worker-protocol.ts';
import type { AppState } from '../../store/store.ts';
import { resolvedCohortColumns } from '../performance/cohort-columns.ts';
import { sideTables } from '../performance/performance-sides.ts';
import { calibrationSides } from './calibration-sides.ts';

/**
 * The calibration request for the open datasets and the view's choices, or null while the log
 * lacks a label or score: the log and its reference (calibrationSides), the bins and strategy,
 * the chosen cohort column while it can still be one, and the active cohort.
 */
export function calibrationRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort' | 'calibrationChoices'>,
): CalibrationRequest | null {
  const sides = calibrationSides(state.datasets);
  if (sides === null || sides.gaps.length > 0) return null;
  const { log, reference } = sides;
  const choices = state.calibrationChoices;
  const chosen = choices.by === null ? [] : [choices.by];
  return {
    ...sideTables(sides, state.overrides),
    bins: choices.bins,
    strategy: choices.strategy,
    by: resolvedCohortColumns(chosen, log.schema, reference?.schema ?? null).slice(0, 1),
    where: state.cohort,
  };
}
