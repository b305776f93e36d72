import { describe, expect, it } from 'vitest';
import { bandClassName, bandText, formatPsi } from './bands.ts';

describe('bands', () => {
  it('gives each band, and no data, its CSS class and words', () => {
    expect(bandClassName('significant')).toBe('band-significant');
    expect(bandClassName('moderate')).toBe('band-moderate');
    expect(bandClassName('stable')).toBe('band-stable');
    expect(bandClassName(null)).toBe('band-none');
    expect(bandText('moderate')).toBe('moderate');
    expect(bandText(null)).toBe('no data');
  });

  it('writes PSI with three decimals at most, and a tiny one as a bound', () => {
    expect(formatPsi(0.41)).toBe('0.41');
    expect(formatPsi(0.6609892)).toBe('0.661');
    expect(formatPsi(8.283)).toBe('8.283');
    expect(formatPsi(0.0001)).toBe('<0.001');
    expect(formatPsi(0)).toBe('0');
  });
});
