// What one investigation of a production log holds: every analysis's own result, run with the
// same inputs, so the Findings view, the report and `faultline report --json` share one object.
import type { CalibrationResult } from '../analyses/calibration/calibration-result.ts';
import type { CanaryGuardrails } from '../analyses/canary/canary-guardrails.ts';
import type { CanaryResult } from '../analyses/canary/canary-result.ts';
import type { DriftResult } from '../analyses/drift/drift-result.ts';
import type { ErrorsPage } from '../analyses/errors/errors-result.ts';
import type {
  PerformanceCohort,
  PerformanceResult,
} from '../analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../analyses/performance/performance-task-result.ts';
import type { SlicesResult } from '../analyses/slices/slices-result.ts';
import type { WindowUnit } from '../analyses/windows.ts';
import type { DatasetSchema } from '../schema/dataset-schema.ts';
import type { Predicate } from '../sql/predicate.ts';

/** A slice or cohort the analyst pinned (plain data: saved in the workspace). */
export interface Pin {
  kind: 'slice' | 'cohort';
  /** As the analyst sees it: "region = APAC AND device = android". */
  name: string;
  predicates: Predicate[];
}

/** The two models to compare, when the investigation has a canary. */
export type InvestigationCanary =
  | { kind: 'files'; baseline: DatasetSchema; canary: DatasetSchema }
  | {
      kind: 'model_column';
      log: DatasetSchema;
      /** The model-version column; default the log's model role. */
      column?: string;
      /** Default: the two versions in the log, the earlier-named as the baseline. */
      baseline?: string;
      canary?: string;
    };

/** What to investigate: engine tables and options, never a user's paths. */
export interface InvestigationSpec {
  /** The data the model was trained or validated on (the drift and performance baseline). */
  reference: DatasetSchema | null;
  /** The production log under investigation. */
  current: DatasetSchema;
  canary?: InvestigationCanary;
  /** The active cohort filter, on every side. */
  where?: Predicate[];
  threshold?: number;
  /** Default 'auto'. */
  window?: WindowUnit | 'auto';
  guardrails?: CanaryGuardrails;
  pinned?: Pin[];
  /** How many of the most confident errors illustrate the report (default 20). */
  errorRows?: number;
  /**
   * Only these analyses (default: all): a quick gate on every deploy may want drift and
   * performance alone. The others are listed as skipped, not asked for.
   */
  sections?: readonly InvestigationSection[];
}

/** A pinned slice or cohort with its own performance (against the same rows of the reference). */
export interface PinnedResult {
  pin: Pin;
  performance: PerformanceResult | null;
  /** Why performance is null. */
  skipped: string | null;
}

/** An analysis the investigation could not run, and why in words. */
export interface SkippedSection {
  section: InvestigationSection;
  reason: string;
}

/** The analyses of an investigation, in the order it runs them. */
export const INVESTIGATION_SECTIONS = [
  'drift',
  'performance',
  'cohorts',
  'calibration',
  'slices',
  'errors',
  'canary',
] as const;
export type InvestigationSection = (typeof INVESTIGATION_SECTIONS)[number];

/** The reason a section left out by InvestigationSpec.sections is skipped. */
export const NOT_ASKED = 'not asked for';

/** Every analysis's result for one spec; null where skipped (the reason is in `skipped`). */
export interface Investigation {
  current: { rows: number };
  reference: { rows: number } | null;
  /** Every input column, the label, score and prediction too (label shift = the label's drift). */
  drift: DriftResult | null;
  /** Overall, with a timeline and since when the primary metric stays worse. */
  performance: AnyPerformanceResult | null;
  /**
   * The worst cohorts over every categorical feature with 2 to 20 values, each from
   * `faultline performance --by COLUMN --window` (its timeline and `since`), and over pairs of the
   * columns whose cohorts dropped (`--by A,B`), most degraded first, at most 10.
   */
  cohorts: PerformanceCohort[];
  pinned: PinnedResult[];
  /** The current log's reliability curve, with the reference's beside it. */
  calibration: CalibrationResult | null;
  /** Weak slices of the current log, each against the same slice of the reference. */
  slices: SlicesResult | null;
  /** The most confident errors (first page, confidence descending). */
  errors: ErrorsPage | null;
  canary: CanaryResult | null;
  skipped: SkippedSection[];
}
