// The report's evidence: the worst cohorts and weak slices against the reference, the pinned
// slices, calibration against the reference, and the canary's verdict.
import { canaryChart } from './report-charts/canary-chart.ts';
import { reliabilityChart } from './report-charts/reliability-chart.ts';
import { skippedBlock, type Block, type DocumentSection } from './report-blocks.ts';
import { deltaOf } from './report-document-findings.ts';
import {
  DASH,
  formatCount,
  formatMetric,
  formatMetricDelta,
  formatNumber,
  formatP,
  formatPercent,
  formatSigned,
  metricLabel,
} from './report-format.ts';
import { metricValue } from './report-model-timeline.ts';
import type { ReportCalibrationCurve, ReportModel } from './report-model.ts';
import { sliceLabel } from './report-names.ts';

/** The columns of metricCells; `against` names the baseline (the reference, or the rest). */
const metricColumns = (metric: string, against: 'reference' | 'rest' = 'reference') => [
  { title: 'Rows judged', numeric: true },
  { title: metricLabel(metric), numeric: true },
  { title: against === 'rest' ? 'Rest of the log' : 'Reference', numeric: true },
  { title: 'Change', numeric: true },
  { title: 'p', numeric: true },
  { title: 'q', numeric: true },
  { title: 'Since' },
];

/** n, the metric, its reference value, change, p, q and since, as table cells. */
function metricCells(
  metric: string,
  group: { n: number; metrics: object; too_small: boolean },
  delta: object | null | undefined,
  since: string | null,
): string[] {
  const d = deltaOf(delta, metric);
  return [
    `${formatCount(group.n)}${group.too_small ? ' (too small to judge)' : ''}`,
    formatMetric(metric, metricValue(group.metrics, metric)),
    formatMetric(metric, d?.baseline),
    formatMetricDelta(metric, d?.delta),
    formatP(d?.p),
    formatP(d?.q),
    since ?? DASH,
  ];
}

function cohortsSection(model: ReportModel): DocumentSection {
  const blocks: Block[] = [{ kind: 'subheading', text: 'Worst cohorts' }];
  const c = model.cohorts;
  if (!c.shown) blocks.push(skippedBlock(c.reason));
  else if (c.cohorts.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No cohort column with 2 to 20 values to compare.' });
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Cohort' },
        ...metricColumns(c.primary_metric, c.cohorts.find((k) => k.delta)?.delta?.against),
      ],
      rows: c.cohorts.map((k) => [
        k.name,
        ...metricCells(c.primary_metric, k, k.delta, k.since?.window ?? null),
      ]),
    });
  }
  blocks.push({ kind: 'subheading', text: 'Weak slices' });
  const s = model.slices;
  if (!s.shown) blocks.push(skippedBlock(s.reason));
  else if (s.slices.length === 0) {
    blocks.push({ kind: 'paragraph', text: s.empty_reason ?? 'No slice is worse than average.' });
  } else {
    const rate = s.error_measure === 'misclassification';
    const value = (x: number | null) => (rate ? formatPercent(x) : formatNumber(x));
    blocks.push({
      kind: 'paragraph',
      text:
        `Searched ${formatCount(s.n)} rows; mean ${rate ? 'error rate' : 'squared error'} ` +
        `${value(s.mean_error)} (reference: ${value(s.reference_mean_error)}).`,
    });
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Slice' },
        { title: 'Rows', numeric: true },
        { title: rate ? 'Error rate' : 'Mean error', numeric: true },
        { title: 'Lift', numeric: true },
        { title: 'Reference error', numeric: true },
        { title: 'q', numeric: true },
        { title: 'History' },
      ],
      rows: s.slices.map((x) => [
        sliceLabel(x.terms),
        formatCount(x.size),
        `${value(x.error)}${x.low !== null && x.high !== null ? ` (${value(x.low)}–${value(x.high)})` : ''}`,
        `×${formatNumber(x.lift)}`,
        value(x.reference?.error ?? null),
        formatP(x.reference?.q),
        x.reference?.history.replace('_', ' ') ?? DASH,
      ]),
    });
  }
  return { id: 'cohorts', title: 'Worst cohorts and slices', blocks };
}

function pinnedSection(model: ReportModel): DocumentSection | null {
  if (model.pinned.length === 0) return null;
  const metric = model.pinned.find((p) => p.primary_metric !== null)?.primary_metric ?? 'recall';
  return {
    id: 'pinned',
    title: 'Pinned slices and cohorts',
    blocks: [
      {
        kind: 'table',
        columns: [{ title: 'Pinned' }, { title: 'Kind' }, ...metricColumns(metric)],
        rows: model.pinned.map((p) =>
          p.overall === null
            ? [p.pin.name, p.pin.kind, p.skipped ?? DASH, DASH, DASH, DASH, DASH, DASH, DASH]
            : [
                p.pin.name,
                p.pin.kind,
                ...metricCells(metric, p.overall, p.overall.delta, p.since?.window ?? null),
              ],
        ),
      },
    ],
  };
}

const brierText = (c: ReportCalibrationCurve) =>
  `${formatNumber(c.brier.total)} (reliability ${formatNumber(c.brier.rel)}, resolution ` +
  `${formatNumber(c.brier.res)}, uncertainty ${formatNumber(c.brier.unc)})`;

function calibrationSection(model: ReportModel): DocumentSection {
  const c = model.calibration;
  const title = 'Calibration';
  if (!c.shown) return { id: 'calibration', title, blocks: [skippedBlock(c.reason)] };
  const r = c.reference;
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        {
          term: 'ECE',
          text: `${formatNumber(c.ece)}${r ? ` (reference ${formatNumber(r.ece)})` : ''}`,
        },
        {
          term: 'MCE',
          text: `${formatNumber(c.mce)}${r ? ` (reference ${formatNumber(r.mce)})` : ''}`,
        },
        { term: 'Brier', text: `${brierText(c)}${r ? `; reference ${brierText(r)}` : ''}` },
        {
          term: 'Scores judged',
          text: `${formatCount(c.n)} of ${formatCount(c.rows)} rows (${c.outcome.score} against ${c.outcome.label} = ${c.outcome.positive}); ${c.bin_count} ${c.strategy} bins${c.too_small ? '; too small to judge' : ''}`,
        },
      ],
    },
  ];
  const chart = reliabilityChart(c);
  if (chart !== null)
    blocks.push({ kind: 'chart', name: 'reliability', alt: 'Reliability diagram', svg: chart });
  blocks.push({
    kind: 'table',
    columns: [
      { title: 'Scores in' },
      { title: 'Rows', numeric: true },
      { title: 'Mean score', numeric: true },
      { title: 'Observed', numeric: true },
      { title: '95% interval', numeric: true },
      { title: 'Reference observed', numeric: true },
    ],
    rows: c.bins.map((b) => [
      `${b.bin === 0 ? '[' : '('}${formatNumber(b.lo)}, ${formatNumber(b.hi)}]`,
      formatCount(b.n),
      formatNumber(b.mean_score),
      formatPercent(b.observed),
      `${formatPercent(b.low)}–${formatPercent(b.high)}`,
      formatPercent(r?.bins.find((x) => x.bin === b.bin)?.observed),
    ]),
  });
  return { id: 'calibration', title, blocks };
}

function canarySection(model: ReportModel): DocumentSection | null {
  const c = model.canary;
  if (c === null) return null;
  const title = 'Canary verdict';
  if (!c.shown) return { id: 'canary', title, blocks: [skippedBlock(c.reason)] };
  const sides =
    c.source.kind === 'model_column'
      ? ` (${c.source.column} = ${c.source.baseline} against ${c.source.canary})`
      : '';
  const blocks: Block[] = [
    {
      kind: 'facts',
      items: [
        {
          term: 'Verdict',
          text: `${c.verdict}, score ${formatNumber(c.score)}: ${c.passed} of ${c.scored} scored checks passed`,
        },
        {
          term: 'Compared',
          text: `${formatCount(c.rows.baseline)} baseline rows with ${formatCount(c.rows.canary)} canary rows${sides}; ${c.design} design (${c.design_reason})`,
        },
        {
          term: 'Population',
          text: c.population.valid
            ? `same traffic (largest feature PSI ${formatNumber(c.population.psi)})`
            : `different traffic: ${c.population.invalid_columns.join(', ')} reach the PSI guardrail`,
        },
      ],
    },
  ];
  if (c.failing.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Failing checks' });
    blocks.push({ kind: 'list', items: c.failing });
  }
  const chart = canaryChart(c.checks);
  if (chart !== null)
    blocks.push({ kind: 'chart', name: 'canary', alt: "Canary's failing checks", svg: chart });
  if (c.checks.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Segment' },
        { title: 'Check' },
        { title: 'Baseline', numeric: true },
        { title: 'Canary', numeric: true },
        { title: 'Relative change', numeric: true },
        { title: 'q', numeric: true },
        { title: 'Tolerance', numeric: true },
      ],
      rows: c.checks.map((k) => [
        k.segment.name,
        `${metricLabel(k.metric)}${k.critical ? ' (critical)' : ''}`,
        formatMetric(k.metric, k.baseline),
        formatMetric(k.metric, k.canary),
        `${formatSigned(k.relative_delta, true)}${k.interval ? ` (${formatSigned(k.interval.low, true)} to ${formatSigned(k.interval.high, true)})` : ''}`,
        formatP(k.q),
        k.tolerance_kind === 'relative'
          ? formatPercent(k.tolerance)
          : k.tolerance_kind === 'ceiling'
            ? formatMetric(k.metric, k.tolerance)
            : formatNumber(k.tolerance),
      ]),
    });
  }
  return { id: 'canary', title, blocks };
}

/** Cohorts and slices, pinned, calibration and the canary (those that apply). */
export function evidenceSections(model: ReportModel): DocumentSection[] {
  return [
    cohortsSection(model),
    pinnedSection(model),
    calibrationSection(model),
    canarySection(model),
  ].filter((s): s is DocumentSection => s !== null);
}
