import type { ViewDefinition } from '../registry.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { CalibrationView } from './CalibrationView.tsx';

/**
 * The Calibration view: once a log (or a current dataset) is open. A log without a binary label
 * or a score opens it too, to say which role is missing.
 */
export const calibrationView: ViewDefinition = {
  id: 'calibration',
  title: 'Calibration',
  View: CalibrationView,
  isAvailable: (state) => performanceSides(state.datasets) !== null,
};
