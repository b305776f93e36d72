import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatPercent } from './numbers.ts';

describe('formatCount', () => {
  it('groups thousands and rounds to whole numbers', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(10_000_000)).toBe('10,000,000');
    expect(formatCount(2.6)).toBe('3');
  });
});

describe('formatNumber', () => {
  it('keeps four significant digits below 1,000 and whole numbers above', () => {
    expect(formatNumber(0.020812)).toBe('0.02081');
    expect(formatNumber(683)).toBe('683');
    expect(formatNumber(-1.5)).toBe('-1.5');
    expect(formatNumber(999.94)).toBe('999.9');
    expect(formatNumber(12345.67)).toBe('12,346');
    expect(formatNumber(-4500)).toBe('-4,500');
  });
});

describe('formatPercent', () => {
  it('shows one decimal, and never rounds a non-zero share to 0% or a partial one to 100%', () => {
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.000003)).toBe('<0.1%');
    expect(formatPercent(0.999997)).toBe('>99.9%');
  });
});
