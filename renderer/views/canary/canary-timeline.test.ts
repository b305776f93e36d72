import { describe, expect, it } from 'vitest';
import { timelineRows, windowShortLabel } from './canary-timeline.ts';
import { canaryFail } from './test-fixtures.ts';

describe('canary timeline', () => {
  it('follows what failed anywhere and the critical checks of every row, window by window', () => {
    const rows = timelineRows(canaryFail());
    expect(rows?.map((r) => [r.key, r.critical, r.overall])).toEqual([
      ['card_type = prepaid · recall', true, 'FAIL'],
      ['all · recall', true, 'pass'],
      ['all · precision', true, 'pass'],
      ['all · latency_p99_ceiling', true, 'pass'],
    ]);
    expect(rows?.[0]?.cells.map((c) => [c.window, c.result])).toEqual([
      ['2026-10-26', 'FAIL'],
      ['2026-11-02', 'not judged'],
    ]);
    // The ceiling is judged on the whole comparison only.
    expect(rows?.[3]?.cells.map((c) => c.result)).toEqual([null, null]);
  });

  it('has no rows without a timeline', () => {
    const result = canaryFail();
    delete result.timeline;
    expect(timelineRows(result)).toBeNull();
  });

  it('names windows briefly', () => {
    expect(windowShortLabel('2026-10-26', 'day')).toBe('10-26');
    expect(windowShortLabel('2026-10-01', 'month')).toBe('2026-10');
  });
});
