import { describe, expect, it } from 'vitest';
import {
  formatDelta,
  formatInterval,
  formatMetric,
  formatWithInterval,
  qWords,
} from './metric-format.ts';

describe('metric format', () => {
  it('writes three decimals, two significant digits for small values, a dash for none', () => {
    expect(formatMetric(0.32714)).toBe('0.327');
    expect(formatMetric(1.25)).toBe('1.250');
    expect(formatMetric(0)).toBe('0.000');
    expect(formatMetric(0.0037885)).toBe('0.0038');
    expect(formatMetric(-0.0031)).toBe('-0.0031');
    expect(formatMetric(null)).toBe('–');
    expect(formatMetric(6.9e-18)).toBe('0.000');
  });

  it('signs a change', () => {
    expect(formatDelta(0.039)).toBe('+0.039');
    expect(formatDelta(-0.3217)).toBe('−0.322');
    expect(formatDelta(0)).toBe('±0.000');
    expect(formatDelta(undefined)).toBe('–');
  });

  it('writes an interval only when it is known', () => {
    const interval = { value: 0.327, low: 0.28455, high: 0.3728 };
    expect(formatInterval(interval)).toBe('[0.285, 0.373]');
    expect(formatWithInterval(0.327, interval)).toBe('0.327 [0.285, 0.373]');
    expect(formatWithInterval(0.5, { value: 0.5, low: null, high: null })).toBe('0.500');
    expect(formatWithInterval(null, null)).toBe('–');
  });

  it('says a q as an equation, or as a bound below what doubles tell apart', () => {
    expect(qWords(0.0312)).toBe('q = 0.031');
    expect(qWords(3.1e-13)).toBe('q = 3e-13');
    expect(qWords(1e-20)).toBe('q < 1e-16');
  });
});
