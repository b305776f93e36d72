import type { QueryCacheStats } from '../../shared/engine/query-cache.ts';
import type { FileRef } from '../../shared/ipc/contract.ts';
import type { ColumnRole } from '../../shared/schema/column-role.ts';
import type { SchemaOverrides } from '../../shared/schema/dataset-schema.ts';
import type { DatasetSide } from '../store/datasets-slice.ts';
import type { ErrorsSession } from './errors-session.ts';
import type { CachedMethod } from './session.ts';
import type {
  ArgsOf,
  CalibrationRequest,
  CanaryRequest,
  DriftRequest,
  FixtureReply,
  FixtureRequest,
  InvestigateRequest,
  PerformanceRequest,
  SlicesRequest,
} from './worker-protocol.ts';

/** A file the user gave the app: a browser File (picker, drop, fetched sample) or a desktop grant. */
export type PickedFile = { kind: 'file'; file: File } | { kind: 'granted'; ref: FileRef };

/**
 * What the UI asks of the analysis side. Each call runs as a job in the store (progress, cancel
 * through store.cancelJob, a failure kept as the job's error); the promise settles when it ends
 * and never rejects — the outcome is in the store. The Errors view's pages and details are
 * answered, not stored (ErrorsSession): a grid of millions of rows keeps a few pages at a time.
 */
export interface Session extends ErrorsSession {
  /**
   * Opens files as one dataset on `side`, replacing what was there only once it loaded, each
   * file hashed (the dataset's `sources`). `overrides` (a reopened workspace's role and kind
   * corrections) apply at load and are kept as the side's overrides; by default none.
   */
  open(side: DatasetSide, files: readonly PickedFile[], overrides?: SchemaOverrides): Promise<void>;
  /** Opens the bundled sample (training as reference, production as current, canary as log). */
  openSample(): Promise<void>;
  /** Sets a column's role and redoes the dataset's schema with the user's corrections. */
  setRole(datasetId: string, column: string, role: ColumnRole): Promise<void>;
  /**
   * Computes drift for the request and caches it under the Drift view by the request's JSON;
   * nothing when cached or already running; cancels an older drift request still running.
   */
  drift(request: DriftRequest): Promise<void>;
  /**
   * Computes the log's performance for the request and caches it under PERFORMANCE_VIEW by the
   * request's JSON; nothing when cached or already running; cancels an older one still running.
   */
  performance(request: PerformanceRequest): Promise<void>;
  /**
   * Computes the log's calibration for the request and caches it under CALIBRATION_VIEW by the
   * request's JSON; nothing when cached or already running; cancels an older one still running.
   */
  calibration(request: CalibrationRequest): Promise<void>;
  /**
   * Searches the log for its weakest slices for the request and caches them under SLICES_VIEW by
   * the request's JSON; nothing when cached or already running; cancels an older one still running.
   */
  slices(request: SlicesRequest): Promise<void>;
  /**
   * Compares the canary with the baseline for the request and caches the verdict under
   * CANARY_VIEW by the request's JSON; nothing when cached or already running; cancels an older
   * one still running.
   */
  canary(request: CanaryRequest): Promise<void>;
  /**
   * Runs every analysis for the Findings view and the report, and caches the findings under
   * FINDINGS_VIEW by the request's JSON; cancels an older investigation still running.
   */
  investigate(request: InvestigateRequest): Promise<void>;
  /**
   * Extracts a regression fixture's files as a job; null when it failed (the error is the job's)
   * or was cancelled.
   */
  fixture(request: FixtureRequest): Promise<FixtureReply | null>;
  /** Closes a dataset and drops its table. */
  close(datasetId: string): Promise<void>;
  /**
   * Marks a cached analysis's request as one a shown view waits for, until the returned release
   * is called. When the cohort filter changes, every running request no shown view waits for
   * (one computed for the old filter, for a view no longer shown) is cancelled: it is obsolete.
   */
  want<M extends CachedMethod>(method: M, request: ArgsOf<M>): () => void;
  /** What the worker's query cache has done so far (no job); null when it has none. */
  queryCacheStats(): Promise<QueryCacheStats | null>;
}
