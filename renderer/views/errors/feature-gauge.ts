// How a row's feature sits among the compared values, for the detail's gauges. Pure.
import { UNUSUAL_SHARE } from '../../../shared/analyses/errors/error-detail-text.ts';
import type { ErrorFeature } from '../../../shared/analyses/errors/errors-result.ts';
import { formatPercentile } from '../../../shared/text/ordinal.ts';
import { formatPercent } from '../../format/numbers.ts';

/** Beyond these percentiles a value is drawn as far outside: red, as a value beyond the range. */
export const EXTREME_PERCENTILE = 0.01;

/**
 * How a feature's value reads: `outside` (red) beyond the compared range, below the 1st or above
 * the 99th percentile, or a category never seen; `unusual` (amber) beyond the 5th/95th or a
 * category under 5% of rows, as the detail's sentences count it; `usual`; `missing` in this row;
 * `none` when there is nothing to compare with.
 */
export type FeatureTone = 'outside' | 'unusual' | 'usual' | 'missing' | 'none';

export function featureTone(f: ErrorFeature): FeatureTone {
  if (f.missing) return 'missing';
  if (f.outside_reference) return 'outside';
  if (f.percentile !== null) {
    const tail = Math.min(f.percentile, 1 - f.percentile);
    if (tail < EXTREME_PERCENTILE) return 'outside';
    return tail < UNUSUAL_SHARE ? 'unusual' : 'usual';
  }
  if (f.reference_share !== null) return f.reference_share < UNUSUAL_SHARE ? 'unusual' : 'usual';
  return 'none';
}

/** Where the gauge's marker sits, in percent of its width (0 to 100). */
export function gaugePosition(percentile: number): number {
  return Math.round(Math.min(1, Math.max(0, percentile)) * 1000) / 10;
}

/**
 * The comparison in words, short enough for a table cell: "99.8th percentile", "above every
 * value", "never seen", "12.5% of rows", "missing", "nothing to compare".
 */
export function comparisonWords(f: ErrorFeature): string {
  if (f.missing) return 'missing in this row';
  if (f.percentile !== null) {
    if (f.outside_reference) return f.percentile === 0 ? 'below every value' : 'above every value';
    return formatPercentile(f.percentile);
  }
  if (f.reference_share !== null) {
    return f.reference_share === 0 ? 'never seen' : `${formatPercent(f.reference_share)} of rows`;
  }
  return 'nothing to compare';
}

/**
 * Whether a feature offers "Filter to this value": a present category, or any value compared by
 * its share (not a number or time ranked by percentile, where one value is rarely a cohort).
 */
export function filterableValue(f: ErrorFeature): boolean {
  if (f.missing || f.value === null || f.percentile !== null) return false;
  return f.kind === 'categorical' || f.kind === 'text' || f.reference_share !== null;
}
