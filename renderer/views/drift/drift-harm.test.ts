import { describe, expect, it } from 'vitest';
import type {
  DriftImpactBin,
  DriftImpactSummary,
} from '../../../shared/analyses/drift/drift-result.ts';
import { wilsonInterval } from '../../../shared/stats/wilson.ts';
import { driftHarm } from './drift-harm.ts';

// Overall: 100 errors in 1,000 rows (10%); bins are judged from 30 rows (min_bin_rows).
const impact: DriftImpactSummary = {
  label: 'y',
  prediction: 'p',
  score: null,
  threshold: null,
  rows: 1000,
  errors: 100,
  error_rate: wilsonInterval(100, 1000),
  min_bin_rows: 30,
};

const bin = (rows: number, errors: number): DriftImpactBin => ({
  index: 0,
  label: 'b',
  rows,
  errors,
  error_rate: wilsonInterval(errors, rows),
  lift: errors / rows / 0.1,
});

const column = (band: 'stable' | 'moderate' | 'significant', bins: DriftImpactBin[]) => ({
  band,
  impact: { lift: null, bin: null, index: null, bins },
});

describe('driftHarm', () => {
  it('harmful when a big-enough bin errs clearly more than overall', () => {
    // 40/200 = 20%: Wilson 95% low ≈ 15.0% > 10%.
    expect(driftHarm(column('significant', [bin(800, 60), bin(200, 40)]), impact)).toBe('harmful');
  });

  it('harmless when the worse bin is within noise of the overall rate', () => {
    // 15/100 = 15%: Wilson low ≈ 9.3% < 10%.
    expect(driftHarm(column('moderate', [bin(900, 85), bin(100, 15)]), impact)).toBe('harmless');
  });

  it('a bin below min_bin_rows cannot make the drift harmful, however bad it looks', () => {
    // 20/20 errors, but only 20 rows.
    expect(driftHarm(column('significant', [bin(980, 80), bin(20, 20)]), impact)).toBe('harmless');
  });

  it('says nothing for stable columns or without impact', () => {
    expect(driftHarm(column('stable', [bin(200, 40)]), impact)).toBeNull();
    expect(driftHarm(column('significant', [bin(200, 40)]), undefined)).toBeNull();
    expect(driftHarm({ band: 'significant', impact: null }, impact)).toBeNull();
  });
});
