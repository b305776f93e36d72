import type { AppStore } from './store.ts';
import { withoutKey } from './plain-record.ts';
import type { ViewsSlice } from './views-slice.ts';

/**
 * Removes a dataset and everything that depends on it, in one state change: its role overrides,
 * every cached view result computed from it, and cohort predicates on columns no remaining
 * dataset has. One setState so subscribers never see results for a dataset that is gone.
 */
export function removeDatasetEverywhere(store: AppStore, id: string): void {
  const s = store.getState();
  if (!Object.hasOwn(s.datasets, id) && !Object.hasOwn(s.overrides, id)) return;
  const datasets = withoutKey(s.datasets, id);
  const remainingColumns = new Set(
    Object.values(datasets).flatMap((d) => d.loaded.columns.map((c) => c.name)),
  );
  store.setState({
    datasets,
    overrides: withoutKey(s.overrides, id),
    viewResults: dropResultsOf(s.viewResults, id),
    cohort: s.cohort.filter((p) => remainingColumns.has(p.column)),
  });
}

function dropResultsOf(
  viewResults: ViewsSlice['viewResults'],
  datasetId: string,
): ViewsSlice['viewResults'] {
  const kept: ViewsSlice['viewResults'] = {};
  for (const [viewId, byKey] of Object.entries(viewResults)) {
    const entries = Object.entries(byKey).filter(([, e]) => !e.datasetIds.includes(datasetId));
    // A view left with no results is dropped too, so "has results" stays a simple key check.
    if (entries.length > 0) kept[viewId] = Object.fromEntries(entries);
  }
  return kept;
}
