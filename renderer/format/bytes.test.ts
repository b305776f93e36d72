import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes.ts';

describe('formatBytes', () => {
  it('uses SI units with three significant digits', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 KB');
    expect(formatBytes(52_412_345)).toBe('52.4 MB');
    expect(formatBytes(3_100_000_000)).toBe('3.1 GB');
  });

  it('moves up a unit instead of showing 1000 of the one below', () => {
    expect(formatBytes(999_499)).toBe('999 KB');
    expect(formatBytes(999_600)).toBe('1 MB');
    expect(formatBytes(999_600_000)).toBe('1 GB');
  });
});
