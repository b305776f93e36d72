// The report's first sections: the answer (status, headline, ranked findings), the primary metric
// over time with each finding's onset, and the inputs whose drift matters.
import { timelineChart } from './report-charts/timeline-chart.ts';
import { psiChart } from './report-charts/psi-chart.ts';
import { skippedBlock, type Block, type DocumentSection } from './report-blocks.ts';
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
import type {
  ReportDriftColumn,
  ReportModel,
  ReportPerformance,
  ReportTimeline,
} from './report-model.ts';

function summarySection(model: ReportModel): DocumentSection {
  const s = model.summary;
  const facts = (
    [
      ['What failed', s.what],
      ['For whom', s.who],
      ['Since when', s.since],
      ['How big', s.how_big],
    ] as const
  ).flatMap(([term, text]) => (text === null ? [] : [{ term, text }]));
  const blocks: Block[] = [
    // The headline starts with the status in words ("Failing: …").
    { kind: 'status', status: s.status, text: s.headline },
  ];
  if (facts.length > 0) blocks.push({ kind: 'facts', items: facts });
  blocks.push({ kind: 'subheading', text: 'Findings, most severe first' });
  blocks.push(
    model.findings.length === 0
      ? { kind: 'paragraph', text: 'No finding: nothing the analyses measured stands out.' }
      : {
          kind: 'findings',
          items: model.findings.map((f) => ({
            severity: f.severity,
            title: f.title,
            detail: f.detail,
            since: f.since,
          })),
        },
  );
  return { id: 'summary', title: 'Summary', blocks };
}

/** A delta record's entry for one metric (the tasks' delta records differ). */
export function deltaOf(delta: object | null | undefined, metric: string) {
  const metrics: unknown = delta && 'metrics' in delta ? delta.metrics : null;
  const d: unknown =
    typeof metrics === 'object' && metrics !== null
      ? (metrics as Record<string, unknown>)[metric]
      : null;
  if (typeof d !== 'object' || d === null) return null;
  const pick = (k: string) => {
    const v: unknown = (d as Record<string, unknown>)[k];
    return typeof v === 'number' ? v : null;
  };
  return { baseline: pick('baseline'), delta: pick('delta'), p: pick('p'), q: pick('q') };
}

function overallTable(p: ReportPerformance & { shown: true }): Block {
  const metrics = p.overall.metrics;
  const names = Object.entries(metrics)
    .filter(([, v]) => v === null || typeof v === 'number')
    .map(([k]) => k);
  const ordered = [p.primary_metric, ...names.filter((n) => n !== p.primary_metric)];
  const label = (m: string) =>
    m === p.primary_metric ? `${metricLabel(m)} (primary)` : metricLabel(m);
  if (p.overall.delta === undefined) {
    return {
      kind: 'table',
      columns: [{ title: 'Metric' }, { title: 'Current', numeric: true }],
      rows: ordered.map((m) => [label(m), formatMetric(m, metricValue(metrics, m))]),
    };
  }
  return {
    kind: 'table',
    columns: [
      { title: 'Metric' },
      { title: 'Reference', numeric: true },
      { title: 'Current', numeric: true },
      { title: 'Change', numeric: true },
      { title: 'p', numeric: true },
      { title: 'q', numeric: true },
    ],
    rows: ordered.map((m) => {
      const d = deltaOf(p.overall.delta, m);
      return [
        label(m),
        formatMetric(m, d?.baseline),
        formatMetric(m, metricValue(metrics, m)),
        formatMetricDelta(m, d?.delta),
        formatP(d?.p),
        formatP(d?.q),
      ];
    }),
  };
}

/** The windows' table: against the reference when there is one, else the values alone. */
function windowsTable(t: ReportTimeline): Block {
  const first = { title: `Window (${t.unit}, ${t.column})` };
  const judged = t.windows.some((w) => w.baseline !== null);
  if (!judged) {
    return {
      kind: 'table',
      columns: [
        first,
        { title: 'Rows judged', numeric: true },
        { title: metricLabel(t.metric), numeric: true },
      ],
      rows: t.windows.map((w) => [w.window, formatCount(w.n), formatMetric(t.metric, w.value)]),
    };
  }
  return {
    kind: 'table',
    columns: [
      first,
      { title: 'Rows judged', numeric: true },
      { title: metricLabel(t.metric), numeric: true },
      { title: 'Reference', numeric: true },
      { title: 'Relative change', numeric: true },
      { title: 'p', numeric: true },
      { title: 'Worse' },
    ],
    rows: t.windows.map((w) => [
      w.window,
      formatCount(w.n),
      formatMetric(t.metric, w.value),
      formatMetric(t.metric, w.baseline),
      formatSigned(w.relative_delta, true),
      formatP(w.p),
      w.worse === null ? 'not judged' : w.worse ? 'yes' : 'no',
    ]),
  };
}

function onsetText(t: ReportTimeline): string {
  const metric = metricLabel(t.metric);
  if (!t.windows.some((w) => w.baseline !== null)) {
    return `Without a reference, ${metric} per window is shown, not judged.`;
  }
  return t.since === null
    ? `${metric} does not stay worse than the reference in any run of windows to the end.`
    : `${metric} is worse than the reference from the window of ${t.since} on (p < 0.05 and a relative drop beyond 3% in every window since).`;
}

function timelineSection(model: ReportModel): DocumentSection {
  const blocks: Block[] = [];
  const p = model.performance;
  if (!p.shown) blocks.push(skippedBlock(p.reason));
  else {
    blocks.push({
      kind: 'paragraph',
      text:
        `${formatCount(p.overall.n)} of ${formatCount(p.overall.rows)} rows of the log have a label ` +
        `and a prediction (${p.outcome.label}); task ${p.task}, primary metric ` +
        `${metricLabel(p.primary_metric)}.`,
    });
    blocks.push(overallTable(p));
  }
  const t = model.timeline;
  blocks.push({ kind: 'subheading', text: 'Over time' });
  if (!t.shown)
    return { id: 'timeline', title: 'Timeline', blocks: [...blocks, skippedBlock(t.reason)] };
  const chart = timelineChart(t);
  if (chart !== null) {
    blocks.push({
      kind: 'chart',
      name: 'timeline',
      alt: `${metricLabel(t.metric)} per ${t.unit}`,
      svg: chart,
    });
  }
  blocks.push({ kind: 'paragraph', text: onsetText(t) });
  blocks.push(windowsTable(t));
  if (t.onsets.length > 0) {
    blocks.push({ kind: 'subheading', text: 'Onsets of the findings (numbered on the chart)' });
    blocks.push({
      kind: 'table',
      columns: [
        { title: '#', numeric: true },
        { title: 'Since' },
        { title: 'Severity' },
        { title: 'Finding' },
      ],
      rows: t.onsets.map((o, i) => [String(i + 1), o.since, o.severity, o.title]),
    });
  }
  return { id: 'timeline', title: 'Timeline', blocks };
}

function missingText(c: ReportDriftColumn): string {
  const { reference, current, shifted } = c.missing;
  const text = `${formatPercent(reference)} → ${formatPercent(current)}`;
  return shifted ? `${text} (shifted${c.missing.since ? ` since ${c.missing.since}` : ''})` : text;
}

function newCategoriesText(c: ReportDriftColumn): string {
  if (c.new_categories_total === 0) return DASH;
  const listed = c.new_categories.map((n) => `${String(n.value)} (${formatPercent(n.share)})`);
  const more = c.new_categories_total - c.new_categories.length;
  return `${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function driftSection(model: ReportModel): DocumentSection {
  const d = model.drift;
  const title = 'Drifted inputs that matter';
  if (!d.shown) return { id: 'drift', title, blocks: [skippedBlock(d.reason)] };
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        `Each column of the current data (${formatCount(d.current.rows)} rows) against the reference ` +
        `(${formatCount(d.reference.rows)} rows). PSI bands: below 0.1 stable, 0.1 to 0.2 moderate, ` +
        '0.2 and above significant (drifted). The tests are shown, not decisive.',
    },
  ];
  const chart = psiChart(d.columns);
  if (chart !== null) blocks.push({ kind: 'chart', name: 'psi', alt: 'PSI per input', svg: chart });
  if (d.columns.length === 0) {
    blocks.push({
      kind: 'paragraph',
      text: 'No column drifted, shifted its missing rate or gained categories.',
    });
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: 'Column' },
        { title: 'Kind' },
        { title: 'PSI', numeric: true },
        { title: 'Band' },
        { title: 'Since' },
        { title: 'Missing, ref → cur' },
        { title: 'New categories' },
        { title: 'Why' },
      ],
      rows: d.columns.map((c) => [
        c.role === 'feature' ? c.name : `${c.name} (${c.role})`,
        c.kind,
        formatNumber(c.psi),
        c.band ?? DASH,
        c.since ?? DASH,
        missingText(c),
        newCategoriesText(c),
        c.reason,
      ]),
    });
  }
  if (d.other_columns.length > 0) {
    const max = Math.max(...d.other_columns.map((c) => c.psi ?? 0));
    blocks.push({
      kind: 'paragraph',
      muted: true,
      text:
        `Stable (PSI at most ${formatNumber(max)}): ` +
        d.other_columns.map((c) => c.name).join(', ') +
        '.',
    });
  }
  return { id: 'drift', title, blocks };
}

/** Summary, timeline and drift. */
export function findingSections(model: ReportModel): DocumentSection[] {
  return [summarySection(model), timelineSection(model), driftSection(model)];
}
