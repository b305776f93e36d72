import type { InvestigateRequest, TableView } from '../../engine/worker-protocol.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import type { AppState } from '../../store/store.ts';
import { canarySides, chosenVersions } from '../canary/canary-sides.ts';
import { performanceSides } from '../performance/performance-sides.ts';

/**
 * What the Findings view investigates for the open datasets, or null when nothing is open: the
 * log the performance views judge against its reference, within the active cohort, with the
 * pinned slices and cohorts; and, when a log holds two model versions, the Canary view's
 * comparison of them under its guardrails.
 */
export function investigateRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort' | 'canaryChoices' | 'pins'>,
): InvestigateRequest | null {
  const sides = performanceSides(state.datasets);
  if (sides === null) return null;
  const view = (d: OpenDataset): TableView => ({
    table: d.loaded.table,
    overrides: state.overrides[d.id] ?? {},
  });
  const canary = canarySides(state.datasets);
  return {
    reference: sides.reference === null ? null : view(sides.reference),
    current: view(sides.log),
    canary:
      canary?.kind === 'model_column'
        ? {
            source: {
              kind: 'model_column',
              log: view(canary.log),
              column: canary.column,
              ...chosenVersions(canary.versions, state.canaryChoices),
            },
            guardrails: state.canaryChoices.guardrails,
          }
        : null,
    where: state.cohort,
    pinned: state.pins,
  };
}
