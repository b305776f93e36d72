import { describe, expect, it } from 'vitest';
import { formatUtcDate, formatUtcDateTime } from './dates.ts';

describe('dates', () => {
  // 2026-07-06T00:03:09Z, computed from its parts so the expectation does not use the formatter.
  const ms = Date.UTC(2026, 6, 6, 0, 3, 9);

  it('formats epoch milliseconds in UTC', () => {
    expect(formatUtcDate(ms)).toBe('2026-07-06');
    expect(formatUtcDateTime(ms)).toBe('2026-07-06 00:03');
    expect(formatUtcDateTime(Date.UTC(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31 23:59');
  });
});
