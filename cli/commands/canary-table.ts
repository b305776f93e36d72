// The canary's checks as people scan them: one block of rows per segment (all rows, then each
// segment column's values in order), the metrics in the guardrails' order; and the segments too
// small to judge, with their sizes.
import { canaryMetrics } from '../../shared/analyses/canary/canary-guardrails.ts';
import type {
  CanaryCheck,
  CanaryMetric,
  CanaryResult,
  CanarySegment,
  SegmentValue,
} from '../../shared/analyses/canary/canary-result.ts';
import { metricName, metricValue } from '../../shared/analyses/canary/canary-words.ts';
import { formatPValue } from '../../shared/text/p-value.ts';
import { renderTable } from '../text-table.ts';
import { count } from './performance-columns.ts';

const isLatency = (m: CanaryMetric) => m === 'latency_p99' || m === 'latency_p99_ceiling';

const shown = (x: number | null, metric: CanaryMetric): string =>
  x === null ? '-' : metricValue(metric, x);

/** A change in the metric's unit, signed: `+0.1195`, `-12.0 ms`. */
const signed = (x: number | null, metric: CanaryMetric): string =>
  x === null ? '-' : `${x > 0 ? '+' : ''}${metricValue(metric, x)}`;

const percent = (x: number | null): string =>
  x === null ? '-' : `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

const pValue = (p: number | null): string => (p === null ? '-' : formatPValue(p));

/** The tolerance in the direction that fails: `drop <= 3%`, `rise <= 10%`, `<= 500 ms`. */
function tolerance(c: CanaryCheck): string {
  if (c.tolerance_kind === 'ceiling') {
    return c.metric === 'latency_p99_ceiling' ? `<= ${c.tolerance} ms` : `>= ${c.tolerance}`;
  }
  const direction = isLatency(c.metric) ? 'rise' : 'drop';
  const amount =
    c.tolerance_kind === 'relative' ? `${Number((100 * c.tolerance).toFixed(2))}%` : c.tolerance;
  return `${direction} <= ${amount}`;
}

/** The metric's name (a ceiling's says so), starred when critical. */
const metricCell = (c: CanaryCheck): string => metricName(c.metric) + (c.critical ? '*' : '');

const outcome = (c: CanaryCheck): string =>
  c.passed === null ? 'not judged' : c.passed ? 'ok' : 'FAILED';

/** Values in order: numbers by size (so 9 before 10), text by code point, missing last. */
function compareValues(a: SegmentValue, b: SegmentValue): number {
  if (a === null || b === null) return Number(a === null) - Number(b === null);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The comparison's segments: all rows first, then by segment column (as chosen) and value. */
function segmentsInOrder(r: CanaryResult): CanarySegment[] {
  const byName = new Map(r.checks.map((c) => [c.segment.name, c.segment]));
  const columnRank = (s: CanarySegment) => (s.column === null ? -1 : r.segments.indexOf(s.column));
  return [...byName.values()].sort(
    (a, b) => columnRank(a) - columnRank(b) || compareValues(a.value, b.value),
  );
}

const metricRank = (m: CanaryMetric) => canaryMetrics.indexOf(m);

/** The judged segments' checks, a block of rows each, headed by the segment and its tally. */
export function checksTable(r: CanaryResult): string {
  const rows = segmentsInOrder(r)
    .filter((s) => r.per_segment[s.name]?.too_small !== true)
    .flatMap((segment) => {
      const tally = r.per_segment[segment.name];
      return r.checks
        .filter((c) => c.segment.name === segment.name)
        .sort((a, b) => metricRank(a.metric) - metricRank(b.metric))
        .map((c, i) => [
          i === 0 ? `${segment.name}${tally ? ` (${tally.passed}/${tally.scored})` : ''}` : '',
          metricCell(c),
          shown(c.baseline, c.metric),
          shown(c.canary, c.metric),
          signed(c.delta, c.metric),
          percent(c.relative_delta),
          pValue(c.p),
          pValue(c.q),
          tolerance(c),
          outcome(c),
        ]);
    });
  return renderTable(
    [
      'segment (passed/scored)',
      'metric',
      'baseline',
      'canary',
      'delta',
      'change',
      'p',
      'q',
      'tolerance',
      'result',
    ],
    rows,
    [false, false, true, true, true, true, true, true, false, false],
  );
}

/**
 * One side's size in a segment, from its checks: rows with a known outcome (accuracy's trials)
 * and positives (recall's trials); null without the model's checks.
 */
function sideSize(checks: readonly CanaryCheck[], side: 'baseline' | 'canary'): string | null {
  const trials = (metric: CanaryMetric) =>
    checks.find((c) => c.metric === metric)?.counts?.[side][1];
  const [rows, positives] = [trials('accuracy'), trials('recall')];
  if (rows === undefined || positives === undefined) return null;
  const noun = rows === 1 ? 'row' : 'rows';
  return `${side} ${count.format(rows)} ${noun} (${positives} positive, ${rows - positives} negative)`;
}

/** The segments too small to judge on either side, each with both sides' sizes. */
export function tooSmallLines(r: CanaryResult): string[] {
  return segmentsInOrder(r)
    .filter((s) => r.per_segment[s.name]?.too_small === true)
    .map((segment) => {
      const checks = r.checks.filter((c) => c.segment.name === segment.name);
      const known = [sideSize(checks, 'baseline'), sideSize(checks, 'canary')].filter(
        (s) => s !== null,
      );
      const sizes = known.length > 0 ? `: ${known.join('; ')}` : '';
      return `  ${segment.name}: too small to judge${sizes}`;
    });
}
