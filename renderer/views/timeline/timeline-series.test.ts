import { describe, expect, it } from 'vitest';
import { metricOf } from '../performance/performance-metrics.ts';
import { performanceTable } from '../performance/performance-rows.ts';
import { counts, regionResult, week } from '../performance/test-fixtures.ts';
import {
  OVERALL_FOCUS,
  focusBaseline,
  shownFocus,
  timelineFocuses,
  timelinePoints,
} from './timeline-series.ts';

const recall = metricOf('binary', 'recall');

describe('timelinePoints', () => {
  it('reads each window with its interval, and whether it can be judged', () => {
    const points = timelinePoints(
      [
        week('2026-09-07', counts(100, 10, 7), false),
        week('2026-09-14', counts(20, 3, 1), null),
        { ...week('2026-09-21', counts(0, 0, 0), null), rows: 40 },
      ],
      recall,
    );
    expect(points[0]).toMatchObject({
      window: '2026-09-07',
      value: 0.7,
      n: 100,
      judged: true,
      worse: false,
    });
    expect(points[0]?.low).toBeLessThan(0.7);
    expect(points[1]).toMatchObject({ judged: false, worse: null });
    // No labels: no value, never a zero.
    expect(points[2]).toMatchObject({ value: null, n: 0, rows: 40, judged: false });
  });

  it('has no interval for metrics that are not proportions', () => {
    const [p] = timelinePoints(
      [week('2026-09-07', counts(100, 10, 7), false)],
      metricOf('binary', 'f1'),
    );
    expect(p).toMatchObject({ low: null, high: null });
    expect(p?.value).toBeCloseTo(0.8235, 3);
  });
});

describe('timeline focuses', () => {
  const table = performanceTable(regionResult());
  const focuses = timelineFocuses(table, recall);

  it('offer the whole log, then each cohort most degraded first', () => {
    expect(focuses.map((f) => f.words)).toEqual([
      'all rows',
      'region = APAC',
      'region = EU',
      'region = Mars',
      'region = Tiny',
    ]);
    expect(focuses[0]).toMatchObject({ key: OVERALL_FOCUS, since: { window: '2026-09-21' } });
    expect(focuses[1]?.windows).toHaveLength(4);
    expect(focuses[2]?.windows).toEqual([]);
  });

  it('show the chosen timeline, else the most degraded cohort, else the whole log', () => {
    expect(shownFocus(focuses, '["EU"]')?.words).toBe('region = EU');
    expect(shownFocus(focuses, null)?.words).toBe('region = APAC');
    expect(shownFocus(focuses, '["gone"]')?.words).toBe('region = APAC');
    expect(shownFocus(focuses.slice(0, 1), null)?.key).toBe(OVERALL_FOCUS);
  });

  it("take a focus's baseline from its comparison", () => {
    const [, apac, , mars] = focuses;
    if (apac === undefined || mars === undefined) throw new Error('missing focus');
    expect(focusBaseline(apac, recall)).toBeCloseTo(0.7, 12);
    expect(focusBaseline(mars, recall)).toBeNull();
  });

  it('give the whole log no onset without a reference', () => {
    const result = regionResult();
    result.reference = null;
    const [overall] = timelineFocuses(performanceTable(result), recall);
    expect(overall?.since).toBeNull();
  });
});
