import { describe, expect, it } from 'vitest';
import { calibrationSummaryLines, scoreRegionWords } from './calibration-summary.ts';
import { curve, fraudCalibration } from './test-fixtures.ts';

describe('calibrationSummaryLines', () => {
  it('leads with the over-confident top bins and the ECE against the reference', () => {
    expect(calibrationSummaryLines(fraudCalibration(), false)).toEqual([
      // Bins 5, 7, 8, 9 lie wholly below their score; bin 6 is empty, bin 3 holds its score.
      'Over-confident above 0.5: in 4 bins the observed fraud rate is below the score beyond its 95% interval; ECE 0.043 vs 0.00045 in the reference.',
      'Under-confident below 0.1: in 1 bin the observed fraud rate is above the score beyond its 95% interval.',
      'The largest gap is in (0.7, 0.8]: observed 0.400 against a mean score of 0.750 (60 rows).',
      "In the reference, every bin's 95% interval holds its mean score.",
      'By region: ECE is worst for region = APAC (0.072) and best for region = EU (0.010); 1 cohort too small to judge (shown, not judged).',
    ]);
  });

  it('counts flagged bins among the bins of their region', () => {
    const result = fraudCalibration(false);
    // Bin 8 now holds its score: 3 of the 4 bins from 0.5 up are off.
    const bin8 = result.bins.find((b) => b.bin === 8);
    if (bin8 === undefined) throw new Error('no bin 8');
    bin8.high = 0.9;
    expect(calibrationSummaryLines(result, false)[0]).toMatch(
      /^Over-confident above 0.5: in 3 of the 4 bins there the observed fraud rate is below/,
    );
  });

  it('says when every interval holds its score, without a reference', () => {
    const result = {
      ...fraudCalibration(false),
      ...curve([
        [0, 1000, 12, 0.012],
        [9, 100, 99, 0.995],
      ]),
    };
    delete result.reference;
    expect(calibrationSummaryLines(result, false)[0]).toBe(
      'Calibrated within noise: in every bin the observed fraud rate is within its 95% interval of the score; ECE 0.00045.',
    );
  });

  it('judges nothing when the log is too small, and says when no rows are left', () => {
    const small = { ...fraudCalibration(false), ...curve([[0, 20, 1, 0.05]]) };
    expect(calibrationSummaryLines(small, false)[0]).toBe(
      'Too few rows to judge: 20 rows with a label and a score, 1 positive, where a judgement needs 30 rows and 5 of each class; the bins are shown, not judged (ECE 0.000 vs 0.00045 in the reference).',
    );
    const empty = { ...fraudCalibration(false), ...curve([]) };
    expect(calibrationSummaryLines(empty, true)).toEqual([
      'No rows within the cohort have both a label and a score: there is no curve to draw.',
    ]);
  });

  it('writes counts for reading, and names the rows it could not count', () => {
    const result = fraudCalibration(false);
    const top = result.bins.find((b) => b.bin === 7);
    if (top === undefined) throw new Error('no bin 7');
    top.n = 2489;
    expect(calibrationSummaryLines(result, false)).toContain(
      'The largest gap is in (0.7, 0.8]: observed 0.400 against a mean score of 0.750 (2,489 rows).',
    );
    result.skipped = { no_label: 1200, no_score: 3, invalid_score: 0 };
    expect(calibrationSummaryLines(result, false).at(-1)).toBe(
      'Not counted: 1,200 without a label, 3 without a score (rows of the log).',
    );
  });
});

describe('scoreRegionWords', () => {
  it('says where bins lie on [0, 1]', () => {
    expect(
      scoreRegionWords([
        { lo: 0.5, hi: 0.6 },
        { lo: 0.9, hi: 1 },
      ]),
    ).toBe('above 0.5');
    expect(scoreRegionWords([{ lo: 0, hi: 0.1 }])).toBe('below 0.1');
    expect(
      scoreRegionWords([
        { lo: 0.3, hi: 0.4 },
        { lo: 0.5, hi: 0.6000000000000001 },
      ]),
    ).toBe('between 0.3 and 0.6');
    expect(
      scoreRegionWords([
        { lo: 0, hi: 0.1 },
        { lo: 0.9, hi: 1 },
      ]),
    ).toBe('across the scores');
  });
});
