// The calibration finding: the current reliability curve's ECE against the reference's, and which
// way the observed rate misses the scores (rules in findings.ts).
import type {
  CalibrationBin,
  CalibrationResult,
} from '../analyses/calibration/calibration-result.ts';
import type { Finding, Severity } from './finding.ts';
import { countText, eceText, positiveWords } from './finding-words.ts';

/** ECE from which the current curve is called miscalibrated, and high with the reference's ×2. */
export const ECE_MEDIUM = 0.02;
export const ECE_HIGH = 0.05;

const edgeText = (x: number) => String(Number(x.toPrecision(4)));

/** `[0, 0.1]` for the first bin (it holds 0), `(0.1, 0.2]` after it. */
const rangeText = (b: CalibrationBin) =>
  `${b.bin === 0 ? '[' : '('}${edgeText(b.lo)}, ${edgeText(b.hi)}]`;

/** Bins where the observed rate's 95% interval leaves the mean score out, by which side. */
export function offBins(bins: readonly CalibrationBin[]): {
  below: CalibrationBin[];
  above: CalibrationBin[];
} {
  return {
    below: bins.filter((b) => b.high < b.mean_score),
    above: bins.filter((b) => b.low > b.mean_score),
  };
}

/** "in [0, 0.1]", or "in 5 bins from 0.5 to 1". */
function whereText(bins: readonly CalibrationBin[]): string {
  const [first] = bins;
  const last = bins.at(-1);
  if (first === undefined || last === undefined) return '';
  if (bins.length === 1) return `in ${rangeText(first)}`;
  return `in ${bins.length} bins from ${edgeText(first.lo)} to ${edgeText(last.hi)}`;
}

/** The bin a side is best shown by: its largest gap. */
function widest(bins: readonly CalibrationBin[]): CalibrationBin | null {
  let best: CalibrationBin | null = null;
  for (const b of bins) {
    if (
      best === null ||
      Math.abs(b.observed - b.mean_score) > Math.abs(best.observed - best.mean_score)
    ) {
      best = b;
    }
  }
  return best;
}

/** A side's share of the ECE: sum of n_b |gap| over its bins (the ECE's own terms, unscaled). */
const weight = (bins: readonly CalibrationBin[]) =>
  bins.reduce((a, b) => a + b.n * Math.abs(b.observed - b.mean_score), 0);

/**
 * The calibration finding: ECE ≥ 0.05 and at least twice the reference's, high; ECE ≥ 0.02 (and
 * above the reference's, when there is one), medium; null otherwise or when too small to judge.
 */
export function calibrationFinding(calibration: CalibrationResult | null): Finding | null {
  const ece = calibration?.ece ?? null;
  if (calibration === null || ece === null || calibration.too_small) return null;
  const reference = calibration.reference?.ece ?? null;
  const severity: Severity | null =
    ece >= ECE_HIGH && reference !== null && ece >= 2 * reference
      ? 'high'
      : ece >= ECE_MEDIUM && (reference === null || ece > reference)
        ? 'medium'
        : null;
  if (severity === null) return null;
  const { label, positive, score } = calibration.outcome;
  const rate = positiveWords(label, positive).rate;
  const { below, above } = offBins(calibration.bins);
  const sides = [
    { words: 'below', bins: below },
    { words: 'above', bins: above },
  ]
    .filter((s) => s.bins.length > 0)
    .sort((a, b) => weight(b.bins) - weight(a.bins));
  const direction = sides.map((s) => `${s.words} the scores ${whereText(s.bins)}`).join(' and ');
  const referenceText = reference === null ? '' : `, ${eceText(reference)} in the reference`;
  const examples = sides
    .map((s) => widest(s.bins))
    .filter((b): b is CalibrationBin => b !== null)
    .map(
      (b) =>
        `in ${rangeText(b)} the ${rate} is ${b.observed.toFixed(3)} at a mean score of ${b.mean_score.toFixed(3)} (${countText(b.n)} rows)`,
    );
  return {
    id: 'calibration',
    kind: 'calibration',
    severity,
    title: `${score} is miscalibrated (ECE ${eceText(ece)}${referenceText})${direction ? `: the observed ${rate} sits ${direction}` : ''}`,
    detail: `ECE ${eceText(ece)}, MCE ${calibration.mce?.toFixed(3) ?? 'n/a'} over ${countText(calibration.n)} scored rows${examples.length > 0 ? `; ${examples.join('; ')}` : ''}.`,
    since: null,
    who: null,
    evidence: { view: 'calibration' },
    numbers: {
      ece,
      reference_ece: reference,
      mce: calibration.mce,
      direction:
        sides.length === 0 ? null : sides.length === 1 ? (sides[0]?.words ?? null) : 'mixed',
      bins_below: below.length,
      bins_above: above.length,
      magnitude: Math.min(1, ece),
    },
  };
}
