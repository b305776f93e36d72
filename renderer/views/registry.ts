import type { ComponentType } from 'react';
import type { AppState } from '../store/store.ts';
import { datasetView } from './dataset/dataset-view.ts';
import { findingsView } from './findings/findings-view.ts';
import { driftView } from './drift/drift-view.ts';
import { cohortsView } from './cohorts/cohorts-view.ts';
import { timelineView } from './timeline/timeline-view.ts';
import { calibrationView } from './calibration/calibration-view.ts';
import { errorsView } from './errors/errors-view.ts';
import { slicesView } from './slices/slices-view.ts';
import { canaryView } from './canary/canary-view.ts';

/** One view of the app: a tab, and what it needs to be shown. */
export interface ViewDefinition {
  /** Stable id, kept in the store as `activeView`. */
  id: string;
  title: string;
  View: ComponentType;
  /** Whether the view has what it needs (e.g. a dataset, or a reference and a current). */
  isAvailable(state: AppState): boolean;
}

/**
 * Every view, in tab order (Ctrl/Cmd+1 is the first); adding a view is one entry here. Findings
 * comes first: once a log is open it is where the app lands.
 */
export const views: readonly ViewDefinition[] = [
  findingsView,
  datasetView,
  driftView,
  cohortsView,
  timelineView,
  calibrationView,
  errorsView,
  slicesView,
  canaryView,
];

/** The view to show: the chosen one while available, else the first available, else null. */
export function shownViewId(state: AppState): string | null {
  const chosen = views.find((v) => v.id === state.activeView);
  if (chosen?.isAvailable(state)) return chosen.id;
  return views.find((v) => v.isAvailable(state))?.id ?? null;
}
