import type {
  CalibrationBin,
  CalibrationCurve,
  CalibrationResult,
} from '../../../shared/analyses/calibration/calibration-result.ts';
import { skippedParts } from '../../../shared/analyses/calibration/calibration-skipped-text.ts';
import { MIN_JUDGED_PER_CLASS, MIN_JUDGED_ROWS } from '../../../shared/stats/binary-metrics.ts';
import { plural } from '../../../shared/text/plural.ts';
import { formatCount } from '../../format/numbers.ts';
import { cohortWords } from '../performance/cohort-words.ts';
import { formatMetric } from '../performance/metric-format.ts';
import { binRangeText, confidence, edgeText, rateWords } from './calibration-words.ts';

/** "1 row", "2,489 rows". */
const rowCount = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** Where a set of bins lies on [0, 1]: "above 0.5", "below 0.1", "between 0.3 and 0.6". */
export function scoreRegionWords(bins: readonly Pick<CalibrationBin, 'lo' | 'hi'>[]): string {
  const lo = Math.min(...bins.map((b) => b.lo));
  const hi = Math.max(...bins.map((b) => b.hi));
  if (hi >= 1 && lo <= 0) return 'across the scores';
  if (hi >= 1) return `above ${edgeText(lo)}`;
  if (lo <= 0) return `below ${edgeText(hi)}`;
  return `between ${edgeText(lo)} and ${edgeText(hi)}`;
}

/** One side's flagged bins as a finding: "Over-confident above 0.5: in 5 bins the observed …". */
function confidenceFinding(
  curve: CalibrationCurve,
  side: 'over' | 'under',
  rate: string,
): string | null {
  const flagged = curve.bins.filter((b) => confidence(b) === side);
  if (flagged.length === 0) return null;
  const lo = Math.min(...flagged.map((b) => b.lo));
  const hi = Math.max(...flagged.map((b) => b.hi));
  const there = curve.bins.filter((b) => b.lo >= lo && b.hi <= hi).length;
  const count =
    there > flagged.length
      ? `${flagged.length} of the ${there} bins there`
      : plural(flagged.length, 'bin');
  const direction = side === 'over' ? 'below' : 'above';
  return `${side === 'over' ? 'Over' : 'Under'}-confident ${scoreRegionWords(flagged)}: in ${count} the observed ${rate} is ${direction} the score beyond its 95% interval`;
}

/** "ECE 0.022 vs 0.0012 in the reference", or the log's alone. */
function eceWords(result: CalibrationResult): string {
  const reference = result.reference;
  if (reference === undefined || reference.ece === null) return `ECE ${formatMetric(result.ece)}`;
  return `ECE ${formatMetric(result.ece)} vs ${formatMetric(reference.ece)} in the reference`;
}

/** The bin farthest from the diagonal (MCE's), in words. */
function largestGapLine(curve: CalibrationCurve): string | null {
  let worst: CalibrationBin | null = null;
  for (const b of curve.bins) {
    if (
      worst === null ||
      Math.abs(b.observed - b.mean_score) > Math.abs(worst.observed - worst.mean_score)
    )
      worst = b;
  }
  if (worst === null) return null;
  return `The largest gap is in ${binRangeText(worst)}: observed ${formatMetric(worst.observed)} against a mean score of ${formatMetric(worst.mean_score)} (${rowCount(worst.n)}).`;
}

/** The reference's curve in one sentence: within noise, or where it is off too. */
function referenceLine(reference: CalibrationCurve): string | null {
  if (reference.n === 0 || reference.too_small) return null;
  const over = reference.bins.filter((b) => confidence(b) === 'over').length;
  const under = reference.bins.filter((b) => confidence(b) === 'under').length;
  if (over + under === 0) {
    return "In the reference, every bin's 95% interval holds its mean score.";
  }
  const parts = [
    over > 0 ? `over-confident in ${plural(over, 'bin')}` : '',
    under > 0 ? `under-confident in ${plural(under, 'bin')}` : '',
  ].filter((p) => p !== '');
  return `The reference is ${parts.join(' and ')} too.`;
}

/** The cohorts' spread of ECE: worst and best judged cohort, and how many are too small. */
function cohortsLine(result: CalibrationResult): string | null {
  const cohorts = result.cohorts;
  const [by] = result.by;
  if (cohorts === undefined || by === undefined || cohorts.length === 0) return null;
  const judged = cohorts.filter((c) => !c.too_small && c.ece !== null);
  const small = cohorts.length - judged.length;
  const smallWords =
    small === 0 ? '' : `; ${plural(small, 'cohort')} too small to judge (shown, not judged)`;
  const worst = judged[0];
  const best = judged.at(-1);
  if (worst === undefined || best === undefined) {
    return `By ${by.name}: no cohort is large enough to judge${smallWords}.`;
  }
  const words = (c: typeof worst) => `${cohortWords(result.by, c.cohort)} (${formatMetric(c.ece)})`;
  const spread =
    worst === best
      ? `only ${words(worst)} can be judged`
      : `ECE is worst for ${words(worst)} and best for ${words(best)}`;
  return `By ${by.name}: ${spread}${smallWords}.`;
}

/** Rows that were not counted, in words; null when every row counted. */
function skippedLine(curve: CalibrationCurve): string | null {
  const parts = skippedParts(curve.skipped, formatCount);
  return parts.length === 0 ? null : `Not counted: ${parts.join(', ')} (rows of the log).`;
}

/**
 * The Calibration view's summary, one finding a line, the headline first: where the log's score
 * is off beyond noise (the side with more such bins first) with its ECE against the
 * reference's, the other side, the largest gap, the reference, the cohorts, uncounted rows.
 */
export function calibrationSummaryLines(result: CalibrationResult, filtered: boolean): string[] {
  if (result.n === 0) {
    const where = filtered ? ' within the cohort' : '';
    return [`No rows${where} have both a label and a score: there is no curve to draw.`];
  }
  const rate = rateWords(result.outcome);
  const lines: string[] = [];
  if (result.too_small) {
    lines.push(
      `Too few rows to judge: ${rowCount(result.n)} with a label and a score, ${formatCount(result.positives)} positive, where a judgement needs ${MIN_JUDGED_ROWS} rows and ${MIN_JUDGED_PER_CLASS} of each class; the bins are shown, not judged (${eceWords(result)}).`,
    );
  } else {
    const findings = (['over', 'under'] as const)
      .map((side) => ({
        side,
        bins: result.bins.filter((b) => confidence(b) === side).length,
        text: confidenceFinding(result, side, rate),
      }))
      .filter((f): f is typeof f & { text: string } => f.text !== null)
      .sort((a, b) => b.bins - a.bins);
    const [first, second] = findings;
    if (first === undefined) {
      lines.push(
        `Calibrated within noise: in every bin the observed ${rate} is within its 95% interval of the score; ${eceWords(result)}.`,
      );
    } else {
      lines.push(`${first.text}; ${eceWords(result)}.`);
      if (second !== undefined) lines.push(`${second.text}.`);
    }
  }
  const gap = largestGapLine(result);
  if (gap !== null) lines.push(gap);
  const reference = result.reference ? referenceLine(result.reference) : null;
  if (reference !== null) lines.push(reference);
  const cohorts = cohortsLine(result);
  if (cohorts !== null) lines.push(cohorts);
  const skipped = skippedLine(result);
  if (skipped !== null) lines.push(skipped);
  return lines;
}
