import type {
  CanaryCheck,
  CanaryResult,
  CanaryWindow,
  ScoreHistogram,
  WilcoxonSummary,
} from '../../shared/analyses/canary/canary-result.ts';
import { metricName } from '../../shared/analyses/canary/canary-words.ts';
import { describePredicates } from '../../shared/sql/predicate.ts';
import { formatPValue } from '../../shared/text/p-value.ts';
import { plural } from '../../shared/text/plural.ts';
import { renderTable } from '../text-table.ts';
import { checksTable, tooSmallLines } from './canary-table.ts';
import { count } from './performance-columns.ts';

/** The input each side was read from (the same log for both when a model column splits it). */
export interface SideFiles {
  baseline: string;
  canary: string;
}

/** The score in words: `score 97.4 (37 of 38 checks passed)`. */
function scoreText(j: { score: number | null; scored: number; passed: number }): string {
  if (j.score === null) return 'no check could be scored';
  return `score ${j.score.toFixed(1)} (${j.passed} of ${plural(j.scored, 'check')} passed)`;
}

const failed = (checks: readonly CanaryCheck[]) => checks.filter((c) => c.passed === false);

/** The first line: the verdict, the score, and what decided a FAIL or an INVALID. */
function headline(r: CanaryResult): string {
  const score = scoreText(r);
  if (r.verdict === 'INVALID') {
    const shifted = r.population.columns
      .filter((c) => r.population.invalid_columns.includes(c.name))
      .map((c) => `${c.name} PSI ${c.psi === null ? '-' : c.psi.toFixed(3)}`);
    return (
      `INVALID — the two sides did not see the same traffic (${shifted.join(', ')} >= ` +
      `${r.guardrails.population_psi_max}), so the checks cannot be trusted; ${score}`
    );
  }
  const critical = failed(r.checks).find((c) => c.critical);
  if (r.verdict === 'FAIL' && critical !== undefined) {
    return `FAIL — ${score}; critical: ${critical.reason}`;
  }
  return `${r.verdict} — ${score}`;
}

/** STATS.md's population check first: whether both sides saw the same traffic. */
function populationLine(r: CanaryResult): string {
  const p = r.population;
  const limit = r.guardrails.population_psi_max;
  if (p.psi === null) return 'population: no input feature on both sides to compare';
  if (!p.valid) {
    return (
      `population: INVALID — ${p.invalid_columns.join(', ')} shifted (PSI >= ${limit}); ` +
      'the sides did not see the same traffic'
    );
  }
  const largest = p.columns.find((c) => c.psi === p.psi);
  return (
    `population: the same traffic — the largest PSI of ` +
    `${plural(p.columns.length, 'input feature')} is ${fixed(p.psi)}` +
    `${largest ? ` (${largest.name})` : ''}, under ${limit}`
  );
}

/** Where each side's rows came from (a file, or a log's rows of one version), with their counts. */
function sideLines(r: CanaryResult, files: SideFiles): string[] {
  const { source } = r;
  const side = (name: 'baseline' | 'canary') => {
    const version =
      source.kind === 'model_column'
        ? `, ${describePredicates([{ column: source.column, op: '=', value: source[name] }])}`
        : '';
    const n = r.rows[name];
    return `${files[name]}${version} (${count.format(n)} ${n === 1 ? 'row' : 'rows'})`;
  };
  return [
    `baseline: ${side('baseline')}`,
    `canary:   ${side('canary')}`,
    ...(r.rows.joined !== null
      ? [`joined:   ${count.format(r.rows.joined)} rows by ${r.columns.id ?? 'id'}`]
      : []),
    ...(r.where ? [`cohort:   ${describePredicates(r.where)} (on both sides)`] : []),
  ];
}

/** Segments too small to judge and checks that could not be made, each with why. */
function notJudged(r: CanaryResult): string[] {
  const lines = [...tooSmallLines(r), ...r.skipped.map((s) => `  ${s.metric}: ${s.reason}`)];
  return lines.length > 0 ? ['not judged:', ...lines] : [];
}

const fixed = (x: number | null, digits = 3) => (x === null ? '-' : x.toFixed(digits));

/** Both sides' values, `0.121 → 0.106`. */
const pair = (p: { baseline: number | null; canary: number | null }, digits = 3) =>
  `${fixed(p.baseline, digits)} → ${fixed(p.canary, digits)}`;

const wilcoxon = (w: WilcoxonSummary) =>
  `${count.format(w.n_pairs)} pairs, z ${fixed(w.z, 2)}, p ${formatPValue(w.p)}`;

/** What is shown beside the checks and not scored: calibration, score shift, latency quantiles. */
function besideLines(r: CanaryResult): string[] {
  const b = r.beside;
  const lines = [
    `beside the checks, not scored: ECE ${pair(b.ece)}, log loss ${pair(b.log_loss)}, ` +
      `score PSI ${fixed(b.score_psi)}`,
  ];
  if (b.paired_abs_error) {
    lines.push(
      '  paired |score - label| (Wilcoxon signed-rank, d = baseline - canary): ' +
        wilcoxon(b.paired_abs_error),
    );
  }
  if (r.latency) {
    const { baseline, canary } = r.latency.quantiles;
    const at = (p: 'p50' | 'p95' | 'p99') =>
      `${p} ${pair({ baseline: baseline[p], canary: canary[p] }, 1)}`;
    lines.push(`latency (ms, baseline → canary): ${at('p50')}, ${at('p95')}, ${at('p99')}`);
  }
  if (b.score_histogram) lines.push(scoreLine(b.score_histogram));
  return lines;
}

/** Each side's share of scores in the lowest and the highest tenth: where the mass moved. */
function scoreLine(h: ScoreHistogram): string {
  const share = (counts: number[], i: number) => {
    const total = counts.reduce((a, c) => a + c, 0);
    return total === 0 ? '-' : `${((100 * (counts.at(i) ?? 0)) / total).toFixed(1)}%`;
  };
  const at = (i: number) => `${share(h.baseline, i)} → ${share(h.canary, i)}`;
  return `scores (share of rows, baseline → canary): at or below ${h.edges[1] ?? ''} ${at(0)}, above ${h.edges.at(-2) ?? ''} ${at(-1)}`;
}

/**
 * What failed in a window, short: each failed critical check by name, the others counted per
 * metric (`card_type = prepaid: recall, p99 latency (9 segments)`).
 */
function failingCell(w: CanaryWindow): string {
  const failures = failed(w.checks);
  const critical = failures.filter((c) => c.critical);
  const others = new Map<string, number>();
  for (const c of failures.filter((f) => !f.critical)) {
    others.set(metricName(c.metric), (others.get(metricName(c.metric)) ?? 0) + 1);
  }
  return [
    ...critical.map((c) => `${c.segment.name}: ${metricName(c.metric)}`),
    ...[...others].map(([metric, n]) => `${metric} (${plural(n, 'segment')})`),
  ].join(', ');
}

function timelineLines(r: CanaryResult, asked: boolean): string[] {
  if (r.timeline === undefined) {
    return asked ? ['per window: no time column on both sides (set --time COL)'] : [];
  }
  const t = r.timeline;
  return [
    `per ${t.unit} of ${t.column} (each window judged on its own):`,
    renderTable(
      ['window', 'baseline rows', 'canary rows', 'verdict', 'score', 'failing'],
      t.windows.map((w) => [
        w.window,
        count.format(w.rows.baseline),
        count.format(w.rows.canary),
        w.verdict,
        fixed(w.score, 1),
        failingCell(w),
      ]),
      [false, true, true, false, true, false],
    ),
  ];
}

/**
 * The readable summary: the verdict and why first, then the population check, the checks by
 * segment, what was not judged, the design, and with a timeline each window's verdict.
 */
export function canaryText(r: CanaryResult, files: SideFiles, asked: { window: boolean }): string {
  const failing = failed(r.checks);
  const lines = [
    headline(r),
    ...(failing.length > 0
      ? ['failing:', ...failing.map((c) => `  - ${c.reason}${c.critical ? ' [critical]' : ''}`)]
      : []),
    populationLine(r),
    ...sideLines(r, files),
    '',
    'checks by segment (* critical; a check fails when it degrades beyond its tolerance ' +
      'with q < 0.05):',
    checksTable(r),
    '',
    ...notJudged(r),
    `design: ${r.design} — ${r.design_reason}`,
    ...besideLines(r),
  ];
  const timeline = timelineLines(r, asked.window);
  return [...lines, ...(timeline.length > 0 ? ['', ...timeline] : [])].join('\n');
}
