import { isDefaultSegmentColumn } from '../../../shared/analyses/canary/canary-spec.ts';
import type { CanaryRequest, TableView } from '../../engine/worker-protocol.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import type { AppState } from '../../store/store.ts';
import { searchedWithin } from '../slices/slice-cohort.ts';
import { baselineDataset, canarySides, chosenVersions, type CanarySides } from './canary-sides.ts';

/**
 * The segment columns the view offers, which are the core's default: the baseline's categorical
 * features with 2 to 20 values (never the model column, whose role is `model`).
 */
export function segmentCandidates(sides: CanarySides): string[] {
  return baselineDataset(sides)
    .schema.columns.filter(isDefaultSegmentColumn)
    .map((c) => c.name);
}

/** Whether the baseline has a time column, over which the checks are also made per window. */
export function hasTimeColumn(sides: CanarySides): boolean {
  return baselineDataset(sides).schema.columns.some(
    (c) => c.role === 'time' && c.kind === 'datetime',
  );
}

/**
 * The Canary view's comparison for the open datasets and its choices, or null when nothing open
 * makes one: its sides (canarySides) with the chosen versions, segments, design, window and
 * guardrails, within the active cohort (or the one a picked segment came from).
 */
export function canaryRequestOf(
  state: Pick<AppState, 'datasets' | 'overrides' | 'cohort' | 'canaryChoices'>,
): CanaryRequest | null {
  const sides = canarySides(state.datasets);
  if (sides === null) return null;
  const choices = state.canaryChoices;
  const view = (d: OpenDataset): TableView => ({
    table: d.loaded.table,
    overrides: state.overrides[d.id] ?? {},
  });
  return {
    source:
      sides.kind === 'model_column'
        ? {
            kind: 'model_column',
            log: view(sides.log),
            column: sides.column,
            ...chosenVersions(sides.versions, choices),
          }
        : { kind: 'files', baseline: view(sides.baseline), canary: view(sides.canary) },
    // Chosen segments the data no longer has (another file opened since) are dropped.
    by: choices.by?.filter((c) => segmentCandidates(sides).includes(c)) ?? null,
    design: choices.design,
    window: choices.window,
    guardrails: choices.guardrails,
    where: searchedWithin(state.cohort, choices.picked),
  };
}
