import { describe, expect, it } from 'vitest';
import { compareCohortValues, compareCohorts } from './cohort-order.ts';

describe('cohort order', () => {
  it('reads numeric bins from the lowest up, missing and invalid last', () => {
    const bins = ['(40, +inf]', null, '(invalid)', '(-inf, 12]', '(12, 40]'];
    expect(bins.sort((a, b) => compareCohortValues(a, b, 'quantile'))).toEqual([
      '(-inf, 12]',
      '(12, 40]',
      '(40, +inf]',
      '(invalid)',
      null,
    ]);
  });

  it('reads numbers as numbers and text by name', () => {
    expect([10, 2, null, 9].sort((a, b) => compareCohortValues(a, b, 'value'))).toEqual([
      2,
      9,
      10,
      null,
    ]);
    expect(['NA', 'APAC', 'EU'].sort((a, b) => compareCohortValues(a, b, 'value'))).toEqual([
      'APAC',
      'EU',
      'NA',
    ]);
  });

  it('orders cohorts column by column', () => {
    const by = [
      { name: 'region', mode: 'value' as const },
      { name: 'device', mode: 'value' as const },
    ];
    const cohorts = [
      { region: 'EU', device: 'ios' },
      { region: 'APAC', device: 'web' },
      { region: 'APAC', device: 'android' },
    ];
    expect(cohorts.sort((a, b) => compareCohorts(by, a, b))).toEqual([
      { region: 'APAC', device: 'android' },
      { region: 'APAC', device: 'web' },
      { region: 'EU', device: 'ios' },
    ]);
  });
});
