import type { DriftResult } from '../../shared/analyses/drift/drift-result.ts';
import type { DriftWindowUnit } from '../../shared/analyses/drift/drift-spec.ts';
import type { Progress } from '../../shared/engine/engine.ts';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import type { FaultlineErrorData } from '../../shared/errors.ts';
import type { ColumnShape } from '../../shared/schema/column-shape.ts';
import type { DatasetSchema, SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import type { Predicate } from '../../shared/sql/predicate.ts';

/** A file handed to the worker: a File or Blob, read there in place, and the name errors use. */
export interface WorkerFile {
  name: string;
  blob: Blob;
}

/** A dataset's schema and sparkline bins: what the Dataset view shows. */
export interface DescribedDataset {
  schema: DatasetSchema;
  shapes: Record<string, ColumnShape>;
}

/** A loaded table as the user sees it: with their role and kind corrections. */
export interface TableView {
  table: string;
  overrides: SchemaOverrides;
}

/** What the Drift view asks for; its JSON is the view's cache key. */
export interface DriftRequest {
  reference: TableView;
  current: TableView;
  /** The timeline's window on the current data's time column. */
  window: DriftWindowUnit | 'auto';
  /** The active cohort filter, applied to both sides. */
  where: Predicate[];
}

/** Every method the analysis worker runs: arguments and result, all structured-clone safe. */
export interface WorkerMethods {
  /** Loads files as one new table (named by the worker, in `loaded.table`) and describes it. */
  open(args: { files: WorkerFile[]; overrides: SchemaOverrides }): DescribedDataset & {
    loaded: LoadedDataset;
  };
  /** Redoes a loaded table's schema with the user's corrections. */
  describe(args: { table: string; overrides: SchemaOverrides }): DescribedDataset;
  /** Drift of every compared column, with timeline and impact where the data allows. */
  drift(args: DriftRequest): DriftResult;
  /** Drops a table and forgets it. */
  drop(args: { table: string }): null;
}

export type MethodName = keyof WorkerMethods;
export type ArgsOf<M extends MethodName> = Parameters<WorkerMethods[M]>[0];
export type ResultOf<M extends MethodName> = ReturnType<WorkerMethods[M]>;

/** UI thread → worker. */
export type WorkerRequest =
  { type: 'call'; id: number; method: MethodName; args: unknown } | { type: 'cancel'; id: number };

/** Worker → UI thread. */
export type WorkerResponse =
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; error: FaultlineErrorData };
