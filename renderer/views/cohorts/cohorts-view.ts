import type { ViewDefinition } from '../registry.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { CohortsView } from './CohortsView.tsx';

/**
 * The Cohorts view: once a log (or a current dataset) is open. A log without a label or a
 * prediction opens it too, to say which role is missing.
 */
export const cohortsView: ViewDefinition = {
  id: 'cohorts',
  title: 'Cohorts',
  View: CohortsView,
  isAvailable: (state) => performanceSides(state.datasets) !== null,
};
