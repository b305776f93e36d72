import { describe, expect, it } from 'vitest';
import { formatPValue } from './p-value.ts';

describe('formatPValue', () => {
  it('reads fixed, then exponential, then as a bound', () => {
    expect(formatPValue(0.41537)).toBe('0.415');
    expect(formatPValue(0.001)).toBe('0.001');
    expect(formatPValue(0.00042)).toBe('4e-4');
    expect(formatPValue(3e-17)).toBe('<1e-16');
    expect(formatPValue(0)).toBe('<1e-16');
    expect(formatPValue(null)).toBe('–');
  });
});
