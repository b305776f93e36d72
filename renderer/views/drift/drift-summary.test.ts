import { describe, expect, it } from 'vitest';
import type { DriftResult } from '../../../shared/analyses/drift/drift-result.ts';
import { wilsonInterval } from '../../../shared/stats/wilson.ts';
import { driftSummaryLines } from './drift-summary.ts';
import { driftColumn } from './test-fixtures.ts';

const bin = (rows: number, errors: number) => ({
  index: 0,
  label: 'APAC',
  rows,
  errors,
  error_rate: wilsonInterval(errors, rows),
  lift: errors / rows / 0.1,
});

const result: DriftResult = {
  reference: { rows: 1000 },
  current: { rows: 2000 },
  columns: [
    driftColumn('amount', 'significant', {
      impact: { lift: 2, bin: 'APAC', index: 0, bins: [bin(200, 40)] },
    }),
    driftColumn('age', 'moderate', {
      impact: { lift: 1.1, bin: 'x', index: 0, bins: [bin(500, 55)] },
    }),
    driftColumn('distance', 'stable', {
      missing: {
        reference: 0,
        current: 0.087,
        shifted: true,
        delta: 0.087,
        z: 9,
        p: 1e-12,
        q: 1e-11,
      },
    }),
  ],
  impact: {
    label: 'is_fraud',
    prediction: 'predicted',
    score: null,
    threshold: null,
    rows: 2000,
    errors: 200,
    error_rate: wilsonInterval(200, 2000),
    min_bin_rows: 30,
  },
  skipped: { timeline: 'no time column in the current data' },
};

describe('driftSummaryLines', () => {
  it('says what drifted, where the model errs more, the missing-rate shift, then the facts', () => {
    expect(driftSummaryLines(result)).toEqual([
      '1 of 3 columns drifted significantly (PSI ≥ 0.2): amount.',
      'Moderate drift (PSI 0.1–0.2): age.',
      'Drift where the model errs more: amount (×2.00 in APAC).',
      'Missing-rate shift: distance (0.0% → 8.7%).',
      'reference 1,000 rows · current 2,000 rows · current error rate 10.0% (is_fraud).',
      'Not shown: no time column in the current data.',
    ]);
  });

  it('says so when nothing drifted and no bin is clearly worse', () => {
    const calm = { ...result, columns: [driftColumn('x', 'stable')], skipped: {} };
    expect(driftSummaryLines(calm).slice(0, 2)).toEqual([
      'None of 1 column drifted significantly (PSI ≥ 0.2).',
      'No drifted column has a bin where the model clearly errs more than overall.',
    ]);
  });
});
