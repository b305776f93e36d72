import type { Progress } from '../../shared/engine/engine.ts';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import type { FaultlineErrorData } from '../../shared/errors.ts';
import type { ColumnShape } from '../../shared/schema/column-shape.ts';
import type { DatasetSchema, SchemaOverrides } from '../../shared/schema/dataset-schema.ts';

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

/** Every method the analysis worker runs: arguments and result, all structured-clone safe. */
export interface WorkerMethods {
  /** Loads files as one new table (named by the worker, in `loaded.table`) and describes it. */
  open(args: { files: WorkerFile[]; overrides: SchemaOverrides }): DescribedDataset & {
    loaded: LoadedDataset;
  };
  /** Redoes a loaded table's schema with the user's corrections. */
  describe(args: { table: string; overrides: SchemaOverrides }): DescribedDataset;
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
