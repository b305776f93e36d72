import { describe, expect, it } from 'vitest';
import { formatPercentile, ordinal } from './ordinal.ts';

describe('ordinal', () => {
  it('gives st, nd, rd and th, with the teens as th', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 50, 100, 101, 102, 111, 112].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '50th',
      '100th',
      '101st',
      '102nd',
      '111th',
      '112th',
    ]);
  });
});

describe('formatPercentile', () => {
  it('reads a share to one decimal, whole percents as ordinals', () => {
    expect(formatPercentile(0.998)).toBe('99.8th percentile');
    expect(formatPercentile(0.5)).toBe('50th percentile');
    expect(formatPercentile(0.01)).toBe('1st percentile');
    expect(formatPercentile(0.02)).toBe('2nd percentile');
    expect(formatPercentile(0.03)).toBe('3rd percentile');
    expect(formatPercentile(0.025)).toBe('2.5th percentile');
    expect(formatPercentile(0.4)).toBe('40th percentile');
    expect(formatPercentile(1)).toBe('100th percentile');
    expect(formatPercentile(0)).toBe('0th percentile');
  });

  it('never rounds a share that is not 0 or 1 to the ends', () => {
    expect(formatPercentile(0.99996)).toBe('above the 99.9th percentile');
    expect(formatPercentile(0.00004)).toBe('below the 0.1th percentile');
  });
});
