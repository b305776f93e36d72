import type { StateCreator } from 'zustand/vanilla';
import { withoutKey } from './plain-record.ts';
import type { AppState } from './store.ts';

/** One cached analysis result and the datasets it was computed from. */
export interface ViewResultEntry {
  /** The analysis's plain result; each view narrows it to its own result type. */
  result: unknown;
  /** Removing any of these datasets drops the entry (see removeDatasetEverywhere). */
  datasetIds: string[];
}

/** The shown view and each view's results keyed by cache key (the spec's JSON). */
export interface ViewsSlice {
  activeView: string | null;
  viewResults: Record<string, Record<string, ViewResultEntry>>;
  /** Shows a view by its registry id. */
  setActiveView(viewId: string): void;
  /** Caches a result; `datasetIds` says which datasets it depends on. */
  setViewResult(viewId: string, key: string, result: unknown, datasetIds: readonly string[]): void;
  /** Drops one view's cached results, or every view's when no id is given. */
  clearViewResults(viewId?: string): void;
}

/** The views slice; writes only `activeView` and `viewResults`. */
export const createViewsSlice: StateCreator<AppState, [], [], ViewsSlice> = (set) => ({
  activeView: null,
  viewResults: {},
  setActiveView: (viewId) => set({ activeView: viewId }),
  setViewResult: (viewId, key, result, datasetIds) =>
    set((s) => ({
      viewResults: {
        ...s.viewResults,
        [viewId]: { ...s.viewResults[viewId], [key]: { result, datasetIds: [...datasetIds] } },
      },
    })),
  clearViewResults: (viewId) =>
    set((s) => ({ viewResults: viewId === undefined ? {} : withoutKey(s.viewResults, viewId) })),
});
