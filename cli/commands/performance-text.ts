import type { CohortValue } from '../../shared/analyses/performance/performance-cohorts.ts';
import { isSignificantDrop } from '../../shared/analyses/performance/performance-order.ts';
import type { PerformanceSince } from '../../shared/analyses/performance/performance-result.ts';
import { higherIsBetter } from '../../shared/analyses/performance/performance-metrics.ts';
import { describePredicates } from '../../shared/sql/predicate.ts';
import { MIN_JUDGED_PER_CLASS, MIN_JUDGED_ROWS } from '../../shared/stats/binary-metrics.ts';
import { formatPValue } from '../../shared/text/p-value.ts';
import { plural } from '../../shared/text/plural.ts';
import { renderTable } from '../text-table.ts';
import { cohortName } from './cohort-name.ts';
import {
  cohortColumns,
  count,
  fixed,
  signed,
  timelineColumns,
  type AnyPerformanceResult,
  type TableRow,
} from './performance-columns.ts';

/** Whether a larger primary metric is better (MAE: smaller). */
const higherBetter = (r: AnyPerformanceResult): boolean =>
  r.task === 'binary' ? (higherIsBetter[r.primary_metric] ?? true) : r.task !== 'regression';

const cohortCell = (v: CohortValue | undefined): string =>
  v === null || v === undefined ? '(null)' : String(v);

/** Why a row is not judged, or how it fares: what a reader needs beside the numbers. */
function note(row: TableRow, r: AnyPerformanceResult): string {
  if (row.n === 0) return row.rows > 0 ? 'no labels yet' : 'no rows';
  if (row.too_small) return 'too small';
  if (row.delta === null) return 'not in baseline';
  if (row.delta?.too_small) return 'baseline too small';
  if (isSignificantDrop(row, r.primary_metric, higherBetter(r))) return `${r.primary_metric} DROP`;
  return '';
}

type Row = TableRow & { cohort?: Record<string, CohortValue>; since?: PerformanceSince | null };

function cohortTable(r: AnyPerformanceResult): string {
  const names = r.by.length > 0 ? r.by.map((b) => b.name) : ['cohort'];
  const metrics = cohortColumns(r);
  const withSince = r.timeline !== undefined && r.task !== 'regression';
  const line = (label: string[], row: Row): string[] => [
    ...label,
    ...metrics.map((c) => c.cell(row)),
    ...(withSince ? [row.since === undefined ? '' : (row.since?.window ?? '—')] : []),
    note(row, r),
  ];
  const overall: Row = { ...r.overall };
  // Without a reference the whole log has no baseline, so no onset to show.
  if ('since' in r && r.since !== undefined && r.reference) overall.since = r.since;
  const cohorts: Row[] = r.cohorts;
  return renderTable(
    [...names, ...metrics.map((c) => c.header), ...(withSince ? ['since'] : []), 'note'],
    [
      line(
        names.map((_, i) => (i === 0 ? '(all)' : '')),
        overall,
      ),
      ...cohorts.map((c) =>
        line(
          names.map((name) => cohortCell(c.cohort?.[name])),
          c,
        ),
      ),
    ],
    [...names.map(() => false), ...metrics.map((c) => c.numeric), false, false],
  );
}

function timelineTable(r: AnyPerformanceResult): string {
  const metrics = timelineColumns(r);
  const windows: (TableRow & { window: string; primary: { worse: boolean | null } | null })[] =
    r.timeline ?? [];
  return renderTable(
    ['window', 'rows', 'labelled', ...metrics.map((c) => c.header), ''],
    windows.map((w) => [
      w.window,
      count.format(w.rows),
      count.format(w.n),
      ...metrics.map((c) => c.cell(w)),
      w.primary?.worse === true
        ? 'worse'
        : w.n === 0
          ? 'no labels'
          : w.too_small
            ? 'too small'
            : '',
    ]),
    [false, true, true, ...metrics.map((c) => c.numeric), false],
  );
}

/** One finding: a row's primary metric against its baseline, in words. */
function finding(what: string, row: Row, r: AnyPerformanceResult): string {
  const m = r.primary_metric;
  const d = row.delta?.metrics[m];
  const against = row.delta?.against === 'rest' ? 'in the rest of the log' : 'in the reference';
  const q = r.task === 'regression' ? 'no test' : `q = ${formatPValue(d?.q ?? null)}`;
  const since = row.since ? `, since ${row.since.window}` : '';
  return `${what}: ${fixed(d?.value)} vs ${fixed(d?.baseline)} ${against} (Δ ${signed(d?.delta)}, ${q})${since}`;
}

/** The headline: significant drops of the primary metric, and for binary logs the base rate. */
function findings(r: AnyPerformanceResult): string[] {
  const m = r.primary_metric;
  const up = higherBetter(r);
  const lines: string[] = [];
  if (r.task === 'regression') {
    // No test for MAE: name the largest rise among the judged cohorts, as a change only.
    const [worst] = r.cohorts;
    if (
      worst &&
      (worst.delta?.metrics.mae.delta ?? 0) > 0 &&
      !worst.too_small &&
      !worst.delta?.too_small
    ) {
      lines.push(finding(`largest MAE rise in ${cohortName(worst.cohort, r.by)}`, worst, r));
    }
    return lines;
  }
  const overall: Row = r.overall;
  if (isSignificantDrop(overall, m, up)) {
    lines.push(finding(`${m} DROP overall`, { ...overall, since: r.since ?? null }, r));
  }
  const drops = r.cohorts.filter((c) => isSignificantDrop(c, m, up));
  for (const c of drops) lines.push(finding(`${m} DROP in ${cohortName(c.cohort, r.by)}`, c, r));
  if (drops.length === 0 && r.cohorts.length > 0) {
    lines.push(`no cohort's ${m} dropped significantly (q < 0.05)`);
  }
  const base = r.task === 'binary' ? r.overall.delta?.metrics.base_rate : undefined;
  if (base && base.delta !== null) {
    const moved = base.q !== null && base.q < 0.05 ? (base.delta > 0 ? 'UP' : 'DOWN') : 'unchanged';
    lines.push(
      `base rate ${moved}: ${fixed(base.value, 4)} vs ${fixed(base.baseline, 4)} in the reference ` +
        `(Δ ${signed(base.delta)}, q = ${formatPValue(base.q)})`,
    );
  }
  return lines;
}

/** What was judged against what, in one line. */
function judgedLine(r: AnyPerformanceResult): string {
  if (r.task !== 'binary') {
    return `judged:    '${r.outcome.label}' against '${r.outcome.prediction}' (${r.task})`;
  }
  const o = r.outcome;
  const predictor =
    o.prediction !== null ? `'${o.prediction}'` : `'${o.score ?? ''}' >= ${o.threshold ?? ''}`;
  return (
    `judged:    '${o.label}' = ${o.positive} predicted by ${predictor}` +
    (o.score !== null ? `; AUC on '${o.score}'` : '; no score: no AUC')
  );
}

/** The readable summary: what was judged, the cohort table, the timeline, and the findings. */
export function performanceText(
  r: AnyPerformanceResult,
  log: string,
  reference: string | null,
): string {
  const against = r.reference ? 'the same cohort in the reference' : 'the rest of the log';
  const cut = r.by.map((b) => (b.mode === 'quantile' ? `${b.name} (10 equal-mass bins)` : b.name));
  const small =
    r.task === 'binary'
      ? `n < ${MIN_JUDGED_ROWS} or fewer than ${MIN_JUDGED_PER_CLASS} positives or negatives`
      : `n < ${MIN_JUDGED_ROWS}`;
  const lines = [
    `log:       ${log} (${count.format(r.log.rows)} rows, ${count.format(r.overall.n)} with a label and a prediction)`,
    ...(reference && r.reference
      ? [`reference: ${reference} (${count.format(r.reference.rows)} rows)`]
      : []),
    ...(r.where ? [`cohort:    ${describePredicates(r.where)}`] : []),
    judgedLine(r),
    `cohorts:   ${cut.length > 0 ? cut.join(' × ') : 'none (--by a,b)'}; Δ against ${against}` +
      (r.task === 'regression' ? ' (no test)' : '; q: BH over the cohorts'),
    `too small: ${small} (shown, not judged)`,
  ];
  if (r.window) {
    const w = r.window;
    const onset =
      r.task === 'regression'
        ? 'no since: STATS.md dates onsets with a proportion test, and MAE has none'
        : `since = first window from which ${r.primary_metric} stays worse than its baseline (p < 0.05, > 3% relative)`;
    lines.push(
      `windows:   ${w.unit} on '${w.column}'; ${onset}` +
        (w.rows_without_time > 0 ? `; ${plural(w.rows_without_time, 'row')} without a time` : ''),
    );
  }
  lines.push('', cohortTable(r));
  if (r.timeline) lines.push('', 'over time (all rows):', timelineTable(r));
  if (r.skipped?.timeline) lines.push('', `no timeline: ${r.skipped.timeline}`);
  const found = findings(r);
  if (found.length > 0) lines.push('', ...found);
  return lines.join('\n');
}
