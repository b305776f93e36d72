import { describe, expect, it } from 'vitest';
import {
  checkGroups,
  defaultCheckSort,
  nextCheckSort,
  sortCheckGroups,
} from './canary-table-model.ts';
import { canaryFail } from './test-fixtures.ts';

const prepaid = { column: 'card_type', op: '=' as const, value: 'prepaid' };

describe('canary table model', () => {
  it('groups the checks by segment, every row first, then segments as their checks come', () => {
    const groups = checkGroups(canaryFail(), [], []);
    expect(groups.map((g) => g.segment.name)).toEqual([
      'all',
      'card_type = prepaid',
      'card_type = credit',
      'region = Tiny',
    ]);
    const [all, prepaidGroup, , tiny] = groups;
    expect(all?.lines.map((l) => l.key)).toEqual([
      'all · recall',
      'all · precision',
      'all · auc',
      'all · latency_p99',
      'all · latency_p99_ceiling',
    ]);
    expect(all?.cohort).toBeNull();
    expect(prepaidGroup?.lines.map((l) => [l.rank, l.check.metric])).toEqual([
      [0, 'recall'],
      [6, 'precision'],
    ]);
    expect(prepaidGroup?.summary).toEqual({
      scored: 2,
      passed: 1,
      failing: ['recall'],
      too_small: false,
    });
    expect(prepaidGroup?.cohort).toEqual([prepaid]);
    expect(tiny?.summary?.too_small).toBe(true);
    expect(groups.some((g) => g.active)).toBe(false);
  });

  it('marks the segment the active cohort is, within the cohort compared', () => {
    const apac = { column: 'region', op: '=' as const, value: 'APAC' };
    const within = checkGroups(canaryFail(), [apac], [prepaid, apac]);
    expect(within[1]?.cohort).toEqual([apac, prepaid]);
    expect(within.map((g) => g.active)).toEqual([false, true, false, false]);
  });

  it('sorts within each segment, which keep their order', () => {
    const groups = checkGroups(canaryFail(), [], []);
    const byRelative = nextCheckSort(defaultCheckSort, 'relative');
    expect(byRelative).toEqual({ key: 'relative', descending: false });
    const sorted = sortCheckGroups(groups, byRelative);
    expect(sorted.map((g) => g.segment.name)).toEqual(groups.map((g) => g.segment.name));
    // The largest drop first; the ceiling, with no relative change, last.
    expect(sorted[0]?.lines.map((l) => l.check.metric)).toEqual([
      'precision',
      'latency_p99',
      'auc',
      'recall',
      'latency_p99_ceiling',
    ]);
    const byQ = sortCheckGroups(groups, nextCheckSort(defaultCheckSort, 'q'));
    expect(byQ[0]?.lines.map((l) => l.check.q)).toEqual([1e-9, 0.001, 0.2, 0.5, null]);
  });
});
