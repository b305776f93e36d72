import type { StateCreator } from 'zustand/vanilla';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import type { OpenPurpose } from '../../shared/ipc/contract.ts';
import type { ColumnShape } from '../../shared/schema/column-shape.ts';
import type { DatasetSchema } from '../../shared/schema/dataset-schema.ts';
import { withoutKey } from './plain-record.ts';
import type { AppState } from './store.ts';

/** Which side of a comparison a dataset was opened as; the same words as the open dialogs. */
export type DatasetSide = OpenPurpose;

/** One file of a dataset as it was opened: what a saved workspace checks it against later. */
export interface DatasetSource {
  name: string;
  size: number;
  /** SHA-256 of the file's bytes (lowercase hex), computed when it was opened. */
  sha256: string;
  /** The desktop's grant id (main writes the file's path into a workspace); null: a browser File. */
  fileId: string | null;
}

/** An opened dataset: the engine table's description and its inferred schema, plain data. */
export interface OpenDataset {
  id: string;
  name: string;
  side: DatasetSide;
  loaded: LoadedDataset;
  schema: DatasetSchema;
  /** Sparkline bins of numeric and time columns, by column name. */
  shapes: Record<string, ColumnShape>;
  /** Its files in the order opened (the same order as `loaded.files`). */
  sources: DatasetSource[];
}

/** The opened datasets keyed by id, and the actions that change them. */
export interface DatasetsSlice {
  datasets: Record<string, OpenDataset>;
  /** Adds a dataset, or replaces the one with the same id (a reload keeps its place). */
  addDataset(dataset: OpenDataset): void;
  /** Forgets one dataset; use removeDatasetEverywhere (actions.ts) to drop what depends on it. */
  removeDataset(id: string): void;
}

/** The datasets slice; writes only `datasets`. */
export const createDatasetsSlice: StateCreator<AppState, [], [], DatasetsSlice> = (set) => ({
  datasets: {},
  addDataset: (dataset) =>
    set((s) => ({ datasets: { ...s.datasets, [dataset.id]: { ...dataset } } })),
  removeDataset: (id) => set((s) => ({ datasets: withoutKey(s.datasets, id) })),
});
