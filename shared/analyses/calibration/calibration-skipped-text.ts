import type { CalibrationSkipped } from './calibration-result.ts';

/**
 * Why rows were left out of a curve, each reason with its count in `count`'s words ("12 rows
 * without a label"); empty when every row counted.
 */
export function skippedParts(skipped: CalibrationSkipped, count: (n: number) => string): string[] {
  const reasons: [number, string][] = [
    [skipped.no_label, 'without a label'],
    [skipped.no_score, 'without a score'],
    [skipped.invalid_score, 'with a NaN or infinite score'],
  ];
  return reasons.filter(([n]) => n > 0).map(([n, words]) => `${count(n)} ${words}`);
}
