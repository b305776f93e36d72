import { describe, expect, it } from 'vitest';
import {
  binLines,
  calibrationCohortLines,
  curveNumberRows,
  defaultCalibrationCohortSort,
  nextCalibrationCohortSort,
  overlaidCohorts,
  sortCalibrationCohorts,
} from './calibration-table-model.ts';
import { fraudCalibration } from './test-fixtures.ts';

describe('binLines', () => {
  it('gives each non-empty bin its range, gap and which side its interval leaves the score', () => {
    const lines = binLines(fraudCalibration());
    expect(lines.map((l) => [l.range, l.n, l.confidence])).toEqual([
      ['[0, 0.1]', 2000, 'under'],
      ['(0.3, 0.4]', 10, null],
      ['(0.5, 0.6]', 40, 'over'],
      ['(0.7, 0.8]', 60, 'over'],
      ['(0.8, 0.9]', 50, 'over'],
      ['(0.9, 1]', 300, 'over'],
    ]);
    // 24 of 60 positive against a mean score of 0.75.
    expect(lines[3]?.gap).toBeCloseTo(0.4 - 0.75, 12);
    expect(lines[3]?.observed).toBe(0.4);
  });
});

describe('curveNumberRows', () => {
  it('puts the log and the reference side by side, the Brier score with its parts', () => {
    const result = fraudCalibration();
    const rows = curveNumberRows(result);
    expect(rows.map((r) => r.key)).toEqual([
      'n',
      'positives',
      'ece',
      'mce',
      'brier',
      'rel',
      'res',
      'unc',
      'residual',
    ]);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.n).toMatchObject({ log: 2460, reference: 1120, kind: 'count' });
    expect(byKey.ece?.log).toBe(result.ece);
    expect(byKey.ece?.reference).toBe(result.reference?.ece);
    const { rel, res, unc, residual, total } = result.brier;
    expect((rel ?? 0) - (res ?? 0) + (unc ?? 0) + (residual ?? 0)).toBeCloseTo(total ?? -1, 12);
    expect(byKey.residual?.log).toBe(residual);
  });

  it('has no reference column without a reference', () => {
    const result = fraudCalibration(false);
    delete result.reference;
    expect(curveNumberRows(result).every((r) => !('reference' in r))).toBe(true);
  });
});

describe('calibration cohorts', () => {
  const lines = calibrationCohortLines(fraudCalibration());

  it("keeps the result's order (worst ECE first, too small last) and says each cohort", () => {
    expect(lines.map((l) => [l.value, l.words, l.rank])).toEqual([
      ['APAC', 'region = APAC', 0],
      ['EU', 'region = EU', 1],
      ['Tiny', 'region = Tiny', 2],
    ]);
    expect(lines[0]?.key).toBe('["APAC"]');
    expect(calibrationCohortLines(fraudCalibration(false))).toEqual([]);
  });

  it('draws no cohort line when the one cohort is every row', () => {
    const result = fraudCalibration();
    expect(overlaidCohorts(result, lines)).toHaveLength(3);
    const apac = result.cohorts?.[0];
    if (apac === undefined) throw new Error('no APAC');
    const filtered = { ...result, ...apac, cohorts: [apac] };
    expect(overlaidCohorts(filtered, calibrationCohortLines(filtered))).toEqual([]);
  });

  it('sorts by a header, the same header flipping it', () => {
    const byN = nextCalibrationCohortSort(defaultCalibrationCohortSort, 'n');
    expect(byN).toEqual({ key: 'n', descending: true });
    expect(sortCalibrationCohorts(lines, byN).map((l) => l.value)).toEqual(['EU', 'APAC', 'Tiny']);
    const ascending = nextCalibrationCohortSort(byN, 'n');
    expect(sortCalibrationCohorts(lines, ascending).map((l) => l.value)).toEqual([
      'Tiny',
      'APAC',
      'EU',
    ]);
    const byName = nextCalibrationCohortSort(byN, 'cohort');
    expect(byName.descending).toBe(false);
    expect(sortCalibrationCohorts(lines, byName).map((l) => l.value)).toEqual([
      'APAC',
      'EU',
      'Tiny',
    ]);
    expect(
      sortCalibrationCohorts(lines, { key: 'ece', descending: false }).map((l) => l.value),
    ).toEqual(['Tiny', 'EU', 'APAC']);
  });

  it('puts cohorts without the measure last either way', () => {
    const result = fraudCalibration();
    const eu = result.cohorts?.[1];
    if (eu === undefined) throw new Error('no EU');
    eu.ece = null;
    const withNull = calibrationCohortLines(result);
    for (const descending of [true, false]) {
      expect(sortCalibrationCohorts(withNull, { key: 'ece', descending }).at(-1)?.value).toBe('EU');
    }
  });
});
