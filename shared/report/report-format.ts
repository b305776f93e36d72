// Numbers as the report's readers see them. Only the rendered text is rounded: the model (and the
// JSON report) keeps every number as the analysis computed it.
import { binaryProportions } from '../stats/binary-metrics.ts';
import { formatPValue } from '../text/p-value.ts';

export const DASH = '–';

/** 26000 → "26,000" (no locale: the same text in every environment). */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return DASH;
  const [whole = '', fraction] = String(Math.abs(n)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** A number to `digits` significant digits, without exponent for everyday sizes. */
export function formatNumber(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return DASH;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return x.toExponential(digits - 1);
  if (abs >= 10 ** digits) return formatCount(Math.round(x));
  return String(Number(x.toPrecision(digits)));
}

/** A share as a percentage to one decimal: 0.7123 → "71.2%". */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined) return DASH;
  const pct = x * 100;
  return `${Math.abs(pct) < 0.05 && pct !== 0 ? pct.toPrecision(1) : pct.toFixed(1)}%`;
}

/** A change with its sign: "+0.042", "−12.3%" (relative changes as percentages). */
export function formatSigned(x: number | null | undefined, asPercent = false): string {
  if (x === null || x === undefined) return DASH;
  const text = asPercent ? formatPercent(Math.abs(x)) : formatNumber(Math.abs(x));
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${text}`;
}

export const formatP = formatPValue;

/** Metrics that are shares of rows, shown as percentages. */
const PROPORTIONS = new Set<string>([...binaryProportions, 'success_rate', 'success_rate_floor']);

export const isProportion = (metric: string): boolean => PROPORTIONS.has(metric);

/** A metric's value in its own terms: proportions as percentages, the rest as numbers. */
export function formatMetric(metric: string, x: number | null | undefined): string {
  if (isProportion(metric)) return formatPercent(x);
  return metric.startsWith('latency') && x !== null && x !== undefined
    ? `${formatNumber(x)} ms`
    : formatNumber(x);
}

/** A metric's delta: proportions in percentage points, the rest as signed numbers. */
export function formatMetricDelta(metric: string, x: number | null | undefined): string {
  if (x === null || x === undefined) return DASH;
  if (!isProportion(metric)) return formatSigned(x);
  const points = Math.abs(x * 100).toFixed(1);
  return `${x > 0 ? '+' : x < 0 ? '−' : ''}${points} pts`;
}

const LABELS: Record<string, string> = {
  fpr: 'FPR',
  auc: 'AUC',
  f1: 'F1',
  macro_f1: 'macro F1',
  weighted_f1: 'weighted F1',
  mae: 'MAE',
  rmse: 'RMSE',
  r2: 'R²',
  ece: 'ECE',
  mce: 'MCE',
  psi: 'PSI',
  latency_p99: 'p99 latency',
  latency_p99_ceiling: 'p99 latency ceiling',
  success_rate_floor: 'success rate floor',
};

/** A CLI key as words: `log_loss` → "log loss", `auc` → "AUC". */
export function metricLabel(metric: string): string {
  return LABELS[metric] ?? metric.replaceAll('_', ' ');
}

/** Any cell value as text: null as a dash, numbers grouped, text as it is. */
export function formatCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return DASH;
  if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : formatNumber(v, 6);
  return String(v);
}
