import type { ViewDefinition } from '../registry.ts';
import { DatasetView } from './DatasetView.tsx';

/** The Dataset view: what each open dataset holds, as soon as one is open. */
export const datasetView: ViewDefinition = {
  id: 'dataset',
  title: 'Dataset',
  View: DatasetView,
  isAvailable: (state) => Object.keys(state.datasets).length > 0,
};
