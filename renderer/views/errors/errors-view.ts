import type { ViewDefinition } from '../registry.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { ErrorsView } from './ErrorsView.tsx';

/**
 * The Errors view: once a log (or a current dataset) is open. A log without a label, or without
 * a prediction or score, opens it too, to say which role is missing.
 */
export const errorsView: ViewDefinition = {
  id: 'errors',
  title: 'Errors',
  View: ErrorsView,
  isAvailable: (state) => performanceSides(state.datasets) !== null,
};
