// The postmortem report as plain data: one object per report, built from an Investigation and its
// findings without computing anything new. Every number is the analyses' own, under CLI.md's keys,
// so `faultline report --out r.json` is JSON.stringify of this object and its numbers equal those
// of `faultline drift/performance/calibration/slices/canary --json` for the same inputs. The HTML
// and Markdown renderers read only this object.
import type {
  CalibrationBin,
  CalibrationCurve,
} from '../analyses/calibration/calibration-result.ts';
import type { CalibrationStrategy } from '../analyses/calibration/calibration-spec.ts';
import type {
  CanaryBeside,
  CanaryCheck,
  CanaryDesign,
  CanaryJudgement,
  CanarySourceInfo,
} from '../analyses/canary/canary-result.ts';
import type {
  DriftColumnImpact,
  DriftColumnResult,
  DriftWindowInfo,
} from '../analyses/drift/drift-result.ts';
import type { Cell, ErrorsPage } from '../analyses/errors/errors-result.ts';
import type {
  PerformanceCohort,
  PerformanceOverall,
  PerformanceSince,
} from '../analyses/performance/performance-result.ts';
import type { AnyPerformanceResult } from '../analyses/performance/performance-task-result.ts';
import type { SlicesResult } from '../analyses/slices/slices-result.ts';
import type { WindowUnit } from '../analyses/windows.ts';
import type { Finding, FindingsSummary, Severity } from '../investigation/finding.ts';
import type { Investigation, Pin, SkippedSection } from '../investigation/investigation.ts';
import type { PsiBand } from '../stats/psi.ts';
import {
  calibrationSection,
  canarySection,
  cohortsSection,
  driftSection,
  examplesSection,
  pinnedSections,
  slicesSection,
} from './report-model-sections.ts';
import { performanceSection, timelineSection } from './report-model-timeline.ts';

/** Any JSON value: what a report parameter may hold. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One input file of the investigation, so the report can be reproduced. */
export interface ReportInput {
  /** What the file was: reference, current, baseline, canary, log (canary by model), notes, …. */
  role: string;
  /** The file's name as people read it. */
  name: string;
  /** As given on the command line; null where a path is not known (the browser). */
  path: string | null;
  sha256: string | null;
  /** Rows read from this file; null for files that hold no rows (notes, guardrails). */
  rows: number | null;
  format: string | null;
}

/** What the caller knows and the core cannot: time, paths, hashes, flags, the analyst's words. */
export interface ReportContext {
  title?: string;
  /** ISO time the report was made (the core has no clock). */
  generated_at: string;
  inputs: ReportInput[];
  /** The options the investigation ran with (where, threshold, window, guardrails, …). */
  parameters: Record<string, JsonValue>;
  notes: string;
  pinned: Pin[];
  /** Faultline's version, when the caller knows it. */
  version?: string;
}

/** A section the report shows, or why it cannot (`reason`, in words). */
export type ReportSection<T> = ({ shown: true } & T) | { shown: false; reason: string };

/** The overall performance: CLI.md `faultline performance` keys (`overall: {n, metrics}`). */
export interface ReportPerformance {
  task: AnyPerformanceResult['task'];
  primary_metric: string;
  outcome: AnyPerformanceResult['outcome'];
  log: { rows: number };
  reference: { rows: number } | null;
  overall: AnyPerformanceResult['overall'];
  since: PerformanceSince | null;
}

/** The primary metric in one window against the reference (STATS.md "Onset"). */
export interface ReportTimelineWindow {
  window: string;
  n: number;
  value: number | null;
  baseline: number | null;
  delta: number | null;
  relative_delta: number | null;
  p: number | null;
  /** Worse than the reference (p < 0.05, a relative drop beyond 3%); null when not judged. */
  worse: boolean | null;
}

/** A finding's onset, marked on the timeline. */
export interface ReportOnset {
  finding: string;
  kind: Finding['kind'];
  severity: Severity;
  title: string;
  since: string;
}

export interface ReportTimeline {
  metric: string;
  column: string;
  unit: WindowUnit;
  /** The reference's value of the metric (the line the windows are compared with). */
  reference: number | null;
  windows: ReportTimelineWindow[];
  /** The first window from which the metric stays worse, or null. */
  since: string | null;
  onsets: ReportOnset[];
}

/** A drift row that matters: CLI.md `faultline drift` keys, less the bins and the test list. */
export type ReportDriftColumn = Omit<DriftColumnResult, 'bins' | 'tests' | 'impact'> & {
  /** The bin where the current errors concentrate most (its lift), without every bin. */
  impact: Pick<DriftColumnImpact, 'lift' | 'bin'> | null;
  /** New categories before the list was cut to the largest ones. */
  new_categories_total: number;
};

export interface ReportDrift {
  reference: { rows: number };
  current: { rows: number };
  window: DriftWindowInfo | null;
  /** Drifted, moderately shifted, missing-rate shifted, new categories, or named by a finding. */
  columns: ReportDriftColumn[];
  /** The rest, checked and unremarkable. */
  other_columns: {
    name: string;
    kind: string;
    role: string;
    psi: number | null;
    band: PsiBand | null;
  }[];
}

/** A cohort against the same cohort of the reference (CLI.md `cohorts`). */
export interface ReportCohort extends Pick<
  PerformanceCohort,
  'cohort' | 'predicates' | 'rows' | 'n' | 'too_small' | 'metrics' | 'delta'
> {
  /** As people read it: `region = 'APAC' AND device = 'android'`. */
  name: string;
  since: PerformanceSince | null;
}

export interface ReportCohorts {
  primary_metric: string;
  cohorts: ReportCohort[];
}

export type ReportSlices = Pick<
  SlicesResult,
  'task' | 'error_measure' | 'n' | 'mean_error' | 'reference_mean_error' | 'slices' | 'empty_reason'
>;

/** A slice or cohort the analyst pinned, with its own overall performance. */
export interface ReportPinned {
  pin: Pin;
  /** Why there is no performance. */
  skipped: string | null;
  primary_metric: string | null;
  overall: PerformanceOverall | null;
  since: PerformanceSince | null;
}

/** A reliability curve less its score histogram (CLI.md `faultline calibration` keys). */
export type ReportCalibrationCurve = Omit<CalibrationCurve, 'histogram' | 'edges'>;

export interface ReportCalibration extends ReportCalibrationCurve {
  strategy: CalibrationStrategy;
  bin_count: number;
  outcome: { label: string; positive: string; score: string };
  bins: CalibrationBin[];
  reference: ReportCalibrationCurve | null;
}

/** A failing canary check (CLI.md `checks` keys), less its raw counts and paired tables. */
export type ReportCanaryCheck = Omit<CanaryCheck, 'counts' | 'paired' | 'wilcoxon' | 'se'>;

/** The canary's verdict and what failed (CLI.md `faultline canary` keys). */
export interface ReportCanary extends CanaryJudgement {
  design: CanaryDesign;
  design_reason: string;
  source: CanarySourceInfo;
  rows: { baseline: number; canary: number; joined: number | null };
  population: { psi: number | null; valid: boolean; invalid_columns: string[] };
  /** The checks that failed, critical ones first. */
  checks: ReportCanaryCheck[];
  checks_total: number;
  too_small: number;
  beside: Pick<CanaryBeside, 'ece' | 'log_loss' | 'score_psi'>;
  skipped: { metric: string; reason: string }[];
}

/** One misprediction with its key feature values. */
export interface ReportExampleRow {
  row: number;
  label: Cell;
  predicted: Cell;
  confidence: number | null;
  error: number | null;
  values: Record<string, Cell>;
}

/** The most confident errors: the rows that illustrate the failure. */
export interface ReportExamples {
  task: ErrorsPage['task'];
  /** Mispredictions in scope, and the rows in scope. */
  total: number;
  rows_in_scope: number;
  /** The key features shown: those the findings name first. */
  columns: string[];
  rows: ReportExampleRow[];
}

/** The postmortem report: what it found, the evidence, and how to reproduce it. */
export interface ReportModel {
  kind: 'faultline_report';
  schema_version: 1;
  title: string;
  generated_at: string;
  faultline_version: string | null;
  summary: FindingsSummary;
  /** Ranked, most severe first. */
  findings: Finding[];
  performance: ReportSection<ReportPerformance>;
  timeline: ReportSection<ReportTimeline>;
  drift: ReportSection<ReportDrift>;
  cohorts: ReportSection<ReportCohorts>;
  slices: ReportSection<ReportSlices>;
  pinned: ReportPinned[];
  calibration: ReportSection<ReportCalibration>;
  /** Null when no canary was asked for. */
  canary: ReportSection<ReportCanary> | null;
  examples: ReportSection<ReportExamples>;
  notes: string;
  inputs: ReportInput[];
  parameters: Record<string, JsonValue>;
  /** The analyses that could not run, and why (the Investigation's list as is). */
  skipped: SkippedSection[];
}

/** The report's plain-data model: the investigation's numbers unchanged, ordered as a postmortem. */
export function buildReport(
  investigation: Investigation,
  findings: readonly Finding[],
  summary: FindingsSummary,
  context: ReportContext,
): ReportModel {
  return {
    kind: 'faultline_report',
    schema_version: 1,
    title: context.title?.trim() || 'Model postmortem',
    generated_at: context.generated_at,
    faultline_version: context.version ?? null,
    summary,
    findings: [...findings],
    performance: performanceSection(investigation),
    timeline: timelineSection(investigation, findings),
    drift: driftSection(investigation, findings),
    cohorts: cohortsSection(investigation),
    slices: slicesSection(investigation),
    pinned: pinnedSections(investigation, context.pinned),
    calibration: calibrationSection(investigation),
    canary: canarySection(investigation),
    examples: examplesSection(investigation, findings),
    notes: context.notes,
    inputs: context.inputs,
    parameters: context.parameters,
    skipped: investigation.skipped,
  };
}
