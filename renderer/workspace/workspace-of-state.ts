import {
  WORKSPACE_VERSION,
  type WorkspaceFile,
  type WorkspaceInput,
} from '../../shared/workspace/workspace-schema.ts';
import { datasetSides } from '../app/dataset-sides.ts';
import type { AppState } from '../store/store.ts';
import { shownViewId } from '../views/registry.ts';

/** The names the other views' choices are saved under in a workspace's `choices`. */
export const CHOICES_KEYS = {
  performance: 'performance',
  calibration: 'calibration',
  slices: 'slices',
} as const;

/** One opened file as a workspace saves it, with its desktop grant id (null in a browser). */
export interface SavedSource {
  file: WorkspaceFile;
  fileId: string | null;
}

/**
 * Every open file, side by side (reference, current, log) and in each side's opening order:
 * name, size and hash from when it was opened, rows and format from the load. A browser knows no
 * paths, so `path` is null; on the desktop main writes it in from `fileId`.
 */
export function savedSources(state: AppState): SavedSource[] {
  return datasetSides.flatMap((side) => {
    const dataset = state.datasets[side];
    if (dataset === undefined) return [];
    return dataset.sources.map((source, i) => {
      const loaded = dataset.loaded.files[i];
      const file: WorkspaceFile = {
        side,
        name: source.name,
        path: null,
        sha256: source.sha256,
        size: source.size,
        rows: loaded?.rows ?? 0,
        format: loaded?.format ?? 'csv',
      };
      return { file, fileId: source.fileId };
    });
  });
}

/**
 * The investigation in the store as a workspace to save (`savedAt`: ISO 8601, the caller's
 * clock): the open files, each side's corrections, the cohort, every view's choices, pins, notes
 * and the view shown. Pure: the same state and time give the same workspace.
 */
export function workspaceOfState(state: AppState, savedAt: string): WorkspaceInput {
  const overrides: WorkspaceInput['overrides'] = {};
  for (const side of datasetSides) {
    const sideOverrides = state.overrides[side];
    if (state.datasets[side] !== undefined && sideOverrides !== undefined) {
      overrides[side] = sideOverrides;
    }
  }
  return {
    version: WORKSPACE_VERSION,
    saved_at: savedAt,
    files: savedSources(state).map((s) => s.file),
    overrides,
    cohort: state.cohort,
    canary: state.canaryChoices,
    choices: {
      [CHOICES_KEYS.performance]: state.performanceChoices,
      [CHOICES_KEYS.calibration]: state.calibrationChoices,
      [CHOICES_KEYS.slices]: state.slicesChoices,
    },
    pins: state.pins,
    notes: state.notes,
    active_view: shownViewId(state),
  };
}
