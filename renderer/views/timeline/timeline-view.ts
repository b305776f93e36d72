import type { ViewDefinition } from '../registry.ts';
import { performanceSides } from '../performance/performance-sides.ts';
import { TimelineView } from './TimelineView.tsx';

/** The Timeline view: once the log (or current dataset) has a time column. */
export const timelineView: ViewDefinition = {
  id: 'timeline',
  title: 'Timeline',
  View: TimelineView,
  isAvailable: (state) =>
    performanceSides(state.datasets)?.log.schema.columns.some((c) => c.role === 'time') ?? false,
};
