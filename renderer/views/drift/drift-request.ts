import type { DriftWindowUnit } from '../../../shared/analyses/drift/drift-spec.ts';
import type { DriftRequest } from '../../engine/worker-protocol.ts';
import type { AppState } from '../../store/store.ts';

/** The timeline window the user chose; `auto` lets the analysis pick from the span. */
export type DriftWindowChoice = DriftWindowUnit | 'auto';

/** The drift request for the open reference and current datasets, or null without both. */
export function driftRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort'>,
  window: DriftWindowChoice,
): DriftRequest | null {
  const reference = state.datasets.reference;
  const current = state.datasets.current;
  if (reference === undefined || current === undefined) return null;
  return {
    reference: { table: reference.loaded.table, overrides: state.overrides.reference ?? {} },
    current: { table: current.loaded.table, overrides: state.overrides.current ?? {} },
    window,
    where: state.cohort,
  };
}
