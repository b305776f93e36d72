import type { ViewDefinition } from '../registry.ts';
import { FindingsView } from './FindingsView.tsx';

/** The Findings view, where the app lands once a current log is open: the answer, ranked, with evidence. */
export const findingsView: ViewDefinition = {
  id: 'findings',
  title: 'Findings',
  View: FindingsView,
  // A reference alone is not yet an investigation: the Dataset view shows it first.
  isAvailable: (state) => state.datasets.current !== undefined || state.datasets.log !== undefined,
};
