import type { CanaryGuardrails } from '../../shared/analyses/canary/canary-guardrails.ts';
import type { CanaryDesign, CanaryResult } from '../../shared/analyses/canary/canary-result.ts';
import type { CalibrationResult } from '../../shared/analyses/calibration/calibration-result.ts';
import type { CalibrationStrategy } from '../../shared/analyses/calibration/calibration-spec.ts';
import type { DriftResult } from '../../shared/analyses/drift/drift-result.ts';
import type { DriftWindowUnit } from '../../shared/analyses/drift/drift-spec.ts';
import type { ErrorDetail, ErrorsPage } from '../../shared/analyses/errors/errors-result.ts';
import type { ErrorsSort } from '../../shared/analyses/errors/errors-spec.ts';
import type { PrimaryMetric } from '../../shared/analyses/performance/performance-spec.ts';
import type { AnyPerformanceResult } from '../../shared/analyses/performance/performance-task-result.ts';
import type { SlicesResult } from '../../shared/analyses/slices/slices-result.ts';
import type { WindowUnit } from '../../shared/analyses/windows.ts';
import type { Progress } from '../../shared/engine/engine.ts';
import type { LoadedDataset } from '../../shared/engine/load-dataset.ts';
import type { QueryCacheStats } from '../../shared/engine/query-cache.ts';
import type { FaultlineErrorData } from '../../shared/errors.ts';
import type { FixtureSelection } from '../../shared/fixtures/extract.ts';
import type { FixtureManifest } from '../../shared/fixtures/manifest.ts';
import type { Finding, FindingsSummary } from '../../shared/investigation/finding.ts';
import type { Investigation, Pin } from '../../shared/investigation/investigation.ts';
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

/** What the Cohorts and Timeline views ask for; its JSON is their shared cache key. */
export interface PerformanceRequest {
  /** The log whose predictions are judged. */
  log: TableView;
  /** Each cohort is compared with the same cohort here; null: with the rest of the log. */
  reference: TableView | null;
  /** Zero to two cohort columns (numeric ones are cut into the reference's deciles). */
  by: string[];
  /** Metrics per window of the log's time column; none without a time column. */
  window: WindowUnit | 'auto';
  /** The active cohort filter, applied to both sides. */
  where: Predicate[];
  /** Binary logs: the metric whose onset (`since`) is found and cohorts ranked by. */
  primary?: PrimaryMetric;
}

/** What the Calibration view asks for; its JSON is the view's cache key. */
export interface CalibrationRequest {
  /** The log whose scores are judged. */
  log: TableView;
  /** Its own reliability curve beside the log's; null: the log alone. */
  reference: TableView | null;
  /** B, the number of score bins. */
  bins: number;
  strategy: CalibrationStrategy;
  /** Zero or one cohort column: a curve per cohort (numeric ones in 10 equal-mass bins). */
  by: string[];
  /** The active cohort filter, applied to both sides. */
  where: Predicate[];
}

/** One time window of the log's time column: from `start` (inclusive) to `end` (exclusive). */
export interface SlicesWindow {
  unit: WindowUnit;
  /** ISO dates, as windows are named: `2026-09-21`. */
  start: string;
  end: string;
}

/** What the Slices view asks for; its JSON is the view's cache key. */
export interface SlicesRequest {
  /** The log searched for weak slices. */
  log: TableView;
  /** Each top slice's error there too ("always hard" or "broke"); null: the log alone. */
  reference: TableView | null;
  /** The weight of a slice's error against its size, in (0, 1]. */
  alpha: number;
  /** How many slices, best first. */
  k: number;
  /** The most columns in one slice. */
  maxLevel: number;
  /** The fewest rows in a slice; null: STATS.md's default for the rows searched. */
  minSupport: number | null;
  /** Only the log's rows in this window of its time column (the reference whole); null: every row. */
  window: SlicesWindow | null;
  /** The active cohort filter, applied to both sides. */
  where: Predicate[];
}

/** Where the Canary view's two sides are: two open tables, or one log split by its model column. */
export type CanarySource =
  | { kind: 'files'; baseline: TableView; canary: TableView }
  | {
      kind: 'model_column';
      log: TableView;
      /** The model-version column. */
      column: string;
      /** The versions compared, as the column holds them. */
      baseline: string;
      canary: string;
    };

/** What the Canary view asks for; its JSON is the view's cache key. */
export interface CanaryRequest {
  source: CanarySource;
  /** Segment columns; null: the core's default (every categorical feature with 2 to 20 values). */
  by: string[] | null;
  /** `auto`: shadow when both sides hold the same ids, else split. */
  design: CanaryDesign | 'auto';
  /** The checks per window of the time column too (none without a time column). */
  window: WindowUnit | 'auto';
  /** The limits the canary is judged by, as the user set them (checked by guardrailsFrom). */
  guardrails: CanaryGuardrails;
  /** The active cohort filter, applied to both sides. */
  where: Predicate[];
}

/** What the Findings view investigates; its JSON is the view's cache key. */
export interface InvestigateRequest {
  reference: TableView | null;
  /** The production log under investigation. */
  current: TableView;
  /** Two model versions in one log, compared with the Canary view's guardrails; null: none. */
  canary: {
    source: Extract<CanarySource, { kind: 'model_column' }>;
    guardrails: CanaryGuardrails;
  } | null;
  /** The active cohort filter, on every side. */
  where: Predicate[];
  /** The slices and cohorts the analyst pinned, each measured on its own. */
  pinned: Pin[];
}

/** Every analysis of one investigation, and the findings ranked from them. */
export interface InvestigationReply {
  investigation: Investigation;
  findings: Finding[];
  summary: FindingsSummary;
}

/** Regression fixtures to write: some rows of a log with their expected labels and guards. */
export interface FixtureRequest {
  log: TableView;
  /** The guards hold the rows' metrics there; null: the log's overall metrics. */
  reference: TableView | null;
  what: FixtureSelection;
  name: string;
  /** The log's file as the user knows it, for the manifest. */
  source: { name: string; sha256: string | null };
  referenceName: string | null;
}

/** A fixture folder's files (rows.parquet, rows.jsonl, manifest.json) and its manifest. */
export interface FixtureReply {
  manifest: FixtureManifest;
  files: { name: string; data: Uint8Array | string }[];
}

/** What the Errors grid lists: the log's mispredictions within the active cohort, sorted. */
export interface ErrorsRequest {
  /** The log whose wrong predictions are listed. */
  log: TableView;
  /** What a row's features are compared with; null: the log itself. */
  reference: TableView | null;
  /** The active cohort filter: which rows of the log are listed. */
  where: Predicate[];
  sort: ErrorsSort;
}

/** One page of the Errors grid; its JSON is the page's cache key. */
export interface ErrorsPageRequest extends ErrorsRequest {
  offset: number;
  limit: number;
}

/** One row of the log against the reference: neither the filter nor the sort changes it. */
export interface ErrorDetailRequest {
  log: TableView;
  reference: TableView | null;
  /** The row's `row` (DuckDB's rowid in the log's table). */
  row: number;
}

/** Every method the analysis worker runs: arguments and result, all structured-clone safe. */
export interface WorkerMethods {
  /**
   * Loads files as one new table (named by the worker, in `loaded.table`) and describes it under
   * `overrides`; `sources` are the files in the order given, each with its SHA-256 (hex).
   */
  open(args: { files: WorkerFile[]; overrides: SchemaOverrides }): DescribedDataset & {
    loaded: LoadedDataset;
    sources: { name: string; size: number; sha256: string }[];
  };
  /** Redoes a loaded table's schema with the user's corrections. */
  describe(args: { table: string; overrides: SchemaOverrides }): DescribedDataset;
  /** Drift of every compared column, with timeline and impact where the data allows. */
  drift(args: DriftRequest): DriftResult;
  /** The log's metrics overall, per cohort and per window, for its task. */
  performance(args: PerformanceRequest): AnyPerformanceResult;
  /** The log's reliability bins, ECE, MCE and Brier score, per cohort; the reference's beside. */
  calibration(args: CalibrationRequest): CalibrationResult;
  /** The log's weakest slices (SliceLine), each against the same slice in the reference. */
  slices(args: SlicesRequest): SlicesResult;
  /** The canary against the baseline: population check, checks per segment, verdict, latency. */
  canary(args: CanaryRequest): CanaryResult;
  /** Every analysis at once, for the Findings view and the report, with the findings ranked. */
  investigate(args: InvestigateRequest): InvestigationReply;
  /** A regression fixture's files from some rows of a log. */
  fixture(args: FixtureRequest): FixtureReply;
  /** One page of the log's mispredictions, with their count and the rows in scope. */
  errorsPage(args: ErrorsPageRequest): ErrorsPage;
  /** One row's outcome and every feature against the reference, most unusual first. */
  errorDetail(args: ErrorDetailRequest): ErrorDetail;
  /** Drops a table and forgets it. */
  drop(args: { table: string }): null;
  /** What the engine's query cache has done (shared/engine/query-cache.ts); null without one. */
  queryCacheStats(args: null): QueryCacheStats | null;
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
