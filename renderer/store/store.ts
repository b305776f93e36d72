import { createStore } from 'zustand/vanilla';
import { createCanaryChoicesSlice, type CanaryChoicesSlice } from './canary-choices-slice.ts';
import {
  createCalibrationChoicesSlice,
  type CalibrationChoicesSlice,
} from './calibration-choices-slice.ts';
import { createCohortSlice, type CohortSlice } from './cohort-slice.ts';
import { createDatasetsSlice, type DatasetsSlice } from './datasets-slice.ts';
import { createInvestigationSlice, type InvestigationSlice } from './investigation-slice.ts';
import { createJobsSlice, jobIdCounter, type JobsSlice } from './jobs-slice.ts';
import {
  createPerformanceChoicesSlice,
  type PerformanceChoicesSlice,
} from './performance-choices-slice.ts';
import { createRolesSlice, type RolesSlice } from './roles-slice.ts';
import { createSlicesChoicesSlice, type SlicesChoicesSlice } from './slices-choices-slice.ts';
import { createViewsSlice, type ViewsSlice } from './views-slice.ts';

/** The whole renderer state: every slice's data (plain, serializable) and actions. */
export type AppState = DatasetsSlice &
  RolesSlice &
  CohortSlice &
  ViewsSlice &
  JobsSlice &
  PerformanceChoicesSlice &
  CalibrationChoicesSlice &
  SlicesChoicesSlice &
  CanaryChoicesSlice &
  InvestigationSlice;

/** What createAppStore can be given; tests and the app differ only here. */
export interface AppStoreOptions {
  /** Job id source; defaults to a fresh counter per store (`job-1`, `job-2`, …). */
  nextJobId?: () => string;
}

/** A new store combining all slices; middleware, when added, goes here and only here. */
export function createAppStore(options: AppStoreOptions = {}) {
  const createJobs = createJobsSlice(options.nextJobId ?? jobIdCounter());
  return createStore<AppState>()((...a) => ({
    ...createDatasetsSlice(...a),
    ...createRolesSlice(...a),
    ...createCohortSlice(...a),
    ...createViewsSlice(...a),
    ...createJobs(...a),
    ...createPerformanceChoicesSlice(...a),
    ...createCalibrationChoicesSlice(...a),
    ...createSlicesChoicesSlice(...a),
    ...createCanaryChoicesSlice(...a),
    ...createInvestigationSlice(...a),
  }));
}

/** The store createAppStore returns. */
export type AppStore = ReturnType<typeof createAppStore>;
