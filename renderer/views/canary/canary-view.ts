import type { ViewDefinition } from '../registry.ts';
import { CanaryView } from './CanaryView.tsx';

/**
 * The Canary view: once any dataset is open. Without two model versions in one log, or a
 * reference and a current dataset, it says what to open.
 */
export const canaryView: ViewDefinition = {
  id: 'canary',
  title: 'Canary',
  View: CanaryView,
  isAvailable: (state) => Object.keys(state.datasets).length > 0,
};
