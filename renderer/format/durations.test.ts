import { describe, expect, it } from 'vitest';
import { formatDays } from './durations.ts';

describe('formatDays', () => {
  it('gives days with at most one decimal', () => {
    const day = 86_400_000;
    expect(formatDays(56 * day)).toBe('56 days');
    expect(formatDays(55.94 * day)).toBe('55.9 days');
    expect(formatDays(day)).toBe('1 day');
    expect(formatDays(12 * 3_600_000)).toBe('0.5 days');
  });
});
