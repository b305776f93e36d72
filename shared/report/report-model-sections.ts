// The report's evidence sections, each cut from one analysis's result without new arithmetic:
// the rows that matter are chosen, and long lists shortened, but every number is copied as is.
import type { CalibrationCurve } from '../analyses/calibration/calibration-result.ts';
import type { DriftColumnResult } from '../analyses/drift/drift-result.ts';
import type { Finding } from '../investigation/finding.ts';
import type { Investigation, Pin } from '../investigation/investigation.ts';
import type { Predicate } from '../sql/predicate.ts';
import type {
  ReportCalibration,
  ReportCalibrationCurve,
  ReportCanary,
  ReportCohorts,
  ReportDrift,
  ReportDriftColumn,
  ReportExamples,
  ReportPinned,
  ReportSection,
  ReportSlices,
} from './report-model.ts';
import { pinName, cohortLabel } from './report-names.ts';
import { skippedReason } from './report-model-timeline.ts';

/** How many new categories of a column, worst cohorts and key features a report lists. */
const MAX_NEW_CATEGORIES = 10;
const MAX_COHORTS = 10;
const MAX_KEY_FEATURES = 6;

/** What a finding says about one column's data (not the rows it concerns). */
const COLUMN_KINDS: ReadonlySet<Finding['kind']> = new Set([
  'drift',
  'missing',
  'new_category',
  'label_shift',
]);

/** Columns the findings are about, in the findings' order. */
function findingColumns(findings: readonly Finding[]): string[] {
  const names = findings.flatMap((f) =>
    COLUMN_KINDS.has(f.kind) && f.evidence.column !== undefined ? [f.evidence.column] : [],
  );
  return [...new Set(names)];
}

/** Columns the findings name, about their data or the rows they concern, in their order. */
function namedColumns(findings: readonly Finding[]): string[] {
  const names = findings.flatMap((f) => [
    ...(f.evidence.column !== undefined ? [f.evidence.column] : []),
    ...(f.who ?? []).map((p) => p.column),
  ]);
  return [...new Set(names)];
}

/**
 * A drift row the report shows: drifted or moderately shifted, its missing rate shifted, or a
 * finding about it (new categories count when a finding names them: a handful of unseen values in
 * a large column is no news).
 */
function matters(c: DriftColumnResult, named: ReadonlySet<string>): boolean {
  return named.has(c.name) || c.drifted || c.band === 'moderate' || c.missing.shifted;
}

function driftColumn({
  bins: _bins,
  tests: _tests,
  impact,
  new_categories,
  ...rest
}: DriftColumnResult): ReportDriftColumn {
  return {
    ...rest,
    new_categories: new_categories.slice(0, MAX_NEW_CATEGORIES),
    new_categories_total: new_categories.length,
    impact: impact ? { lift: impact.lift, bin: impact.bin } : null,
  };
}

export function driftSection(
  inv: Investigation,
  findings: readonly Finding[],
): ReportSection<ReportDrift> {
  const d = inv.drift;
  if (d === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'drift', 'Drift needs reference data to compare with.'),
    };
  }
  const order = findingColumns(findings);
  const named = new Set(order);
  const rank = (c: DriftColumnResult) => {
    const i = order.indexOf(c.name);
    return i < 0 ? order.length : i;
  };
  const shown = d.columns
    .filter((c) => matters(c, named))
    .sort((a, b) => rank(a) - rank(b) || (b.psi ?? -1) - (a.psi ?? -1));
  return {
    shown: true,
    reference: d.reference,
    current: d.current,
    window: d.window ?? null,
    columns: shown.map(driftColumn),
    other_columns: d.columns
      .filter((c) => !matters(c, named))
      .map((c) => ({ name: c.name, kind: c.kind, role: c.role, psi: c.psi, band: c.band })),
  };
}

export function cohortsSection(inv: Investigation): ReportSection<ReportCohorts> {
  if (inv.performance === null) {
    return { shown: false, reason: skippedReason(inv, 'cohorts', 'Performance was not measured.') };
  }
  const reason = inv.skipped.find((s) => s.section === 'cohorts')?.reason;
  if (reason !== undefined && inv.cohorts.length === 0) return { shown: false, reason: reason };
  return {
    shown: true,
    primary_metric: inv.performance.primary_metric,
    cohorts: inv.cohorts.slice(0, MAX_COHORTS).map((c) => ({
      name: cohortLabel(c.cohort, c.predicates),
      cohort: c.cohort,
      predicates: c.predicates,
      rows: c.rows,
      n: c.n,
      too_small: c.too_small,
      metrics: c.metrics,
      delta: c.delta,
      since: c.since ?? null,
    })),
  };
}

export function slicesSection(inv: Investigation): ReportSection<ReportSlices> {
  const s = inv.slices;
  if (s === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'slices', 'Weak slices were not searched for.'),
    };
  }
  return {
    shown: true,
    task: s.task,
    error_measure: s.error_measure,
    n: s.n,
    mean_error: s.mean_error,
    reference_mean_error: s.reference_mean_error,
    slices: s.slices,
    empty_reason: s.empty_reason,
  };
}

const samePredicates = (a: readonly Predicate[], b: readonly Predicate[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Every pin: the investigation's results, then pins of the context it did not measure. */
export function pinnedSections(inv: Investigation, pins: readonly Pin[]): ReportPinned[] {
  const measured: ReportPinned[] = inv.pinned.map((r) => ({
    pin: { ...r.pin, name: r.pin.name || pinName(r.pin.predicates) },
    skipped: r.performance === null ? (r.skipped ?? 'Not measured.') : null,
    primary_metric: r.performance?.primary_metric ?? null,
    overall: r.performance?.overall ?? null,
    since: r.performance?.since ?? null,
  }));
  const missing = pins
    .filter((p) => !inv.pinned.some((r) => samePredicates(r.pin.predicates, p.predicates)))
    .map((p) => ({
      pin: { ...p, name: p.name || pinName(p.predicates) },
      skipped: 'Pinned after the investigation ran: not measured in it.',
      primary_metric: null,
      overall: null,
      since: null,
    }));
  return [...measured, ...missing];
}

const curve = ({
  histogram: _histogram,
  edges: _edges,
  ...rest
}: CalibrationCurve): ReportCalibrationCurve => rest;

export function calibrationSection(inv: Investigation): ReportSection<ReportCalibration> {
  const c = inv.calibration;
  if (c === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'calibration', 'Calibration needs a label and a score.'),
    };
  }
  return {
    shown: true,
    ...curve(c),
    strategy: c.strategy,
    bin_count: c.bin_count,
    outcome: c.outcome,
    reference: c.reference ? curve(c.reference) : null,
  };
}

export function canarySection(inv: Investigation): ReportSection<ReportCanary> | null {
  const c = inv.canary;
  if (c === null) {
    const reason = inv.skipped.find((s) => s.section === 'canary')?.reason;
    return reason === undefined ? null : { shown: false, reason };
  }
  return {
    shown: true,
    verdict: c.verdict,
    score: c.score,
    scored: c.scored,
    passed: c.passed,
    failing: c.failing,
    design: c.design,
    design_reason: c.design_reason,
    source: c.source,
    rows: c.rows,
    population: {
      psi: c.population.psi,
      valid: c.population.valid,
      invalid_columns: c.population.invalid_columns,
    },
    checks: c.checks
      .filter((k) => k.passed === false)
      .map(({ counts: _c, paired: _p, wilcoxon: _w, se: _s, ...check }) => check),
    checks_total: c.checks.length,
    too_small: c.checks.filter((k) => k.too_small).length,
    beside: { ece: c.beside.ece, log_loss: c.beside.log_loss, score_psi: c.beside.score_psi },
    skipped: c.skipped,
  };
}

export function examplesSection(
  inv: Investigation,
  findings: readonly Finding[],
): ReportSection<ReportExamples> {
  const e = inv.errors;
  if (e === null) {
    return {
      shown: false,
      reason: skippedReason(inv, 'errors', 'The log has no mispredictions to show.'),
    };
  }
  const features = e.columns.filter((c) => c.role === 'feature').map((c) => c.name);
  const named = namedColumns(findings).filter((n) => features.includes(n));
  const keys = [...new Set([...named, ...features])].slice(0, MAX_KEY_FEATURES);
  const id = e.columns.find((c) => c.role === 'id')?.name;
  const columns = id !== undefined ? [id, ...keys] : keys;
  return {
    shown: true,
    task: e.task,
    total: e.total,
    rows_in_scope: e.rows_in_scope,
    columns,
    rows: e.rows.map((r) => ({
      row: r.row,
      label: r.label,
      predicted: r.predicted,
      confidence: r.confidence,
      error: r.error,
      values: Object.fromEntries(columns.map((name) => [name, r.values[name] ?? null])),
    })),
  };
}
