import type {
  CalibrationBin,
  CalibrationResult,
} from '../../../shared/analyses/calibration/calibration-result.ts';

/** A bin edge for reading: four significant digits (0.30000000000000004 reads 0.3). */
export function edgeText(x: number): string {
  return String(Number(x.toPrecision(4)));
}

/** A bin's range: `[0, 0.1]` for the first (it holds 0), `(0.1, 0.2]` after it. */
export function binRangeText(b: Pick<CalibrationBin, 'bin' | 'lo' | 'hi'>): string {
  return `${b.bin === 0 ? '[' : '('}${edgeText(b.lo)}, ${edgeText(b.hi)}]`;
}

/**
 * Where a bin's 95% interval of the observed rate leaves out its mean score: `over` when the
 * observed rate is below the score (the score claims too much), `under` when above; null when
 * the interval holds the score.
 */
export function confidence(
  b: Pick<CalibrationBin, 'mean_score' | 'low' | 'high'>,
): 'over' | 'under' | null {
  if (b.high < b.mean_score) return 'over';
  if (b.low > b.mean_score) return 'under';
  return null;
}

/** "over-confident", "under-confident", or empty. */
export function confidenceWords(side: 'over' | 'under' | null): string {
  return side === null ? '' : `${side}-confident`;
}

const yesValues = new Set(['1', 'true', 'yes', 'y', 't']);

/**
 * The observed rate in words: "fraud rate" for `is_fraud` = 1 (a yes/no label reads by its
 * name, without is_/has_), "rate of species = cat" for a label that names its positive value.
 */
export function rateWords(outcome: CalibrationResult['outcome']): string {
  if (yesValues.has(outcome.positive.trim().toLowerCase())) {
    const name = outcome.label
      .replace(/^(is|has|was|did)[_\s-]+/i, '')
      .replace(/[_-]+/g, ' ')
      .trim();
    return `${name || outcome.label} rate`;
  }
  return `rate of ${outcome.label} = ${outcome.positive}`;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count for a chart label: 598, 2.6K, 25.3K. */
export function compactCount(n: number): string {
  return compact.format(n);
}
