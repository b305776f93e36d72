import type { ViewDefinition } from '../registry.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { SlicesView } from './SlicesView.tsx';

/**
 * The Slices view: once a log (or a current dataset) is open. A log without a label, a
 * prediction or features opens it too, to say what is missing.
 */
export const slicesView: ViewDefinition = {
  id: 'slices',
  title: 'Slices',
  View: SlicesView,
  isAvailable: (state) => performanceSides(state.datasets) !== null,
};
