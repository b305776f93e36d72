import type { TableView } from '../../engine/worker-protocol.ts';
import type { OpenDataset } from '../../store/datasets-slice.ts';
import type { AppState } from '../../store/store.ts';

/** The datasets the performance views judge: the log, and the reference it is compared with. */
export interface PerformanceSides {
  log: OpenDataset;
  /** Null: each cohort is compared with the rest of the log. */
  reference: OpenDataset | null;
}

/**
 * Which open dataset is the log: the current data, else a log, else the reference alone. The
 * reference is the baseline whenever it is not itself the log.
 */
export function performanceSides(datasets: AppState['datasets']): PerformanceSides | null {
  const log = datasets.current ?? datasets.log ?? datasets.reference;
  if (log === undefined) return null;
  const reference = log.side === 'reference' ? null : (datasets.reference ?? null);
  return { log, reference };
}

/** "the log (production.parquet)", "the reference (training.parquet)": a side in sentences. */
export function sideWords(dataset: OpenDataset, role: 'log' | 'reference'): string {
  return `the ${role} (${dataset.name})`;
}

/** The log and reference as the worker reads them: each one's table with the user's corrections. */
export function sideTables(
  { log, reference }: PerformanceSides,
  overrides: AppState['overrides'],
): { log: TableView; reference: TableView | null } {
  const view = (d: OpenDataset): TableView => ({
    table: d.loaded.table,
    overrides: overrides[d.id] ?? {},
  });
  return { log: view(log), reference: reference === null ? null : view(reference) };
}
