// A canary check in words, for the verdict's list of failures and every table row: what changed,
// by how much, against which tolerance, and why it passed, failed or was not judged.
import type { CanaryCheck, CanaryMetric } from './canary-result.ts';

/** Each metric as a sentence names it. */
export const metricWords: Record<CanaryMetric, string> = {
  recall: 'recall',
  precision: 'precision',
  accuracy: 'accuracy',
  auc: 'AUC',
  success_rate: 'success rate',
  latency_p99: 'p99 latency',
  latency_p99_ceiling: 'p99 latency ceiling',
  success_rate_floor: 'success rate floor',
};

/** A metric's name as people read it. */
export const metricName = (metric: CanaryMetric): string => metricWords[metric];

const isLatency = (metric: CanaryMetric) => metric.startsWith('latency');

/** A value in the metric's terms: milliseconds with one decimal, proportions with four. */
export function metricValue(metric: CanaryMetric, v: number | null): string {
  if (v === null) return 'n/a';
  return isLatency(metric) ? `${v.toFixed(1)} ms` : v.toFixed(4);
}

/** A fraction as a signed percentage with one decimal: -0.455 → "-45.5%". */
const signedPercent = (x: number) => `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}%`;

/** A tolerance as written in the guardrails: 0.03 → "3%", 0.02 absolute → "0.02". */
function toleranceText(c: CanaryCheck): string {
  return c.tolerance_kind === 'relative' ? `${+(100 * c.tolerance).toFixed(4)}%` : `${c.tolerance}`;
}

/** 3 significant digits, as the reference writes q: 0.000228, 2.68e-47. */
const significant = (x: number) => Number(x.toPrecision(3)).toString();

/** How much it moved, in the tolerance's terms: "-45.5%" (relative) or "-0.0387" (absolute). */
function sizeText(c: CanaryCheck): string | null {
  if (c.tolerance_kind === 'absolute') {
    return c.delta === null ? null : `${c.delta > 0 ? '+' : ''}${c.delta.toFixed(4)}`;
  }
  return c.relative_delta === null ? null : signedPercent(c.relative_delta);
}

/** "recall fell from 0.7340 to 0.4000". */
function changeText(c: CanaryCheck): string {
  const moved = c.delta === null ? 'changed' : c.delta < 0 ? 'fell' : c.delta > 0 ? 'rose' : 'held';
  const to = moved === 'held' ? 'at' : 'from';
  const values =
    moved === 'held'
      ? metricValue(c.metric, c.baseline)
      : `${metricValue(c.metric, c.baseline)} to ${metricValue(c.metric, c.canary)}`;
  return `${metricName(c.metric)} ${moved} ${to} ${values}`;
}

/** The check in one sentence, starting with its segment (`plan = enterprise: recall fell …`). */
export function checkReason(c: CanaryCheck): string {
  const who = `${c.segment.name}: `;
  if (c.tolerance_kind === 'ceiling') {
    const latency = c.metric === 'latency_p99_ceiling';
    const limit = latency ? `${c.tolerance} ms ceiling` : `${c.tolerance} floor`;
    const place = latency
      ? c.passed === false
        ? 'above'
        : 'within'
      : c.passed === false
        ? 'below'
        : 'at or above';
    const measured = latency ? 'latency_p99' : 'success_rate';
    return `${who}canary ${metricName(measured)} ${metricValue(c.metric, c.canary)} is ${place} the ${limit}`;
  }
  const size = sizeText(c);
  const said = (note: string) =>
    `${who}${changeText(c)} (${size === null ? '' : `${size}, `}${note})`;
  if (c.too_small) return said('too small to judge');
  if (c.degradation === null) return said('not judged: no value on one side');
  const tol = toleranceText(c);
  if (!c.exceeds_tolerance) return said(`within the ${tol} tolerance`);
  const beyond = said(`beyond the ${tol} tolerance`);
  if (c.q === null) return `${beyond}, untested`;
  return c.passed === false
    ? `${beyond}, q = ${significant(c.q)} < 0.05`
    : `${beyond}, but q = ${significant(c.q)} >= 0.05: not significant`;
}
