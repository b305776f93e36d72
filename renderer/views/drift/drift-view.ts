import type { ViewDefinition } from '../registry.ts';
import { DriftView } from './DriftView.tsx';

/** The Drift view: the current data against the reference, once both are open. */
export const driftView: ViewDefinition = {
  id: 'drift',
  title: 'Drift',
  View: DriftView,
  isAvailable: (state) =>
    state.datasets.reference !== undefined && state.datasets.current !== undefined,
};
