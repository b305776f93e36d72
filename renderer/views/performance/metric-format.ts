import { formatPValue } from '../../../shared/text/p-value.ts';
import type { ProportionInterval } from '../../../shared/stats/wilson.ts';

/** Below this a value is rounding noise (a Wilson bound of 0 of n comes out as 7e-18). */
const noise = 1e-12;

/**
 * A metric value for reading: three decimals ("0.327", "1.250"), two significant digits for
 * small non-zero values that three decimals would flatten ("0.0038"), a dash when undefined.
 */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Math.abs(value) >= noise && Math.abs(value) < 0.01) return value.toPrecision(2);
  if (Math.abs(value) < noise) return (0).toFixed(3);
  return value.toFixed(3);
}

/** A change with its sign: "+0.039", "−0.322". */
export function formatDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '–';
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatMetric(Math.abs(delta))}`;
}

/** A Wilson interval as "[0.285, 0.373]"; empty when it is unknown. */
export function formatInterval(interval: ProportionInterval | null | undefined): string {
  if (!interval || interval.low === null || interval.high === null) return '';
  return `[${formatMetric(interval.low)}, ${formatMetric(interval.high)}]`;
}

/** A value with its interval when there is one: "0.327 [0.285, 0.373]". */
export function formatWithInterval(
  value: number | null,
  interval: ProportionInterval | null | undefined,
): string {
  const range = formatInterval(interval);
  return range === '' ? formatMetric(value) : `${formatMetric(value)} ${range}`;
}

/** A q in words: "q = 0.031", "q = 3e-13", "q < 1e-16". */
export function qWords(q: number | null): string {
  const text = formatPValue(q);
  return text.startsWith('<') ? `q < ${text.slice(1)}` : `q = ${text}`;
}
