import { describe, expect, it } from 'vitest';
import { metricOf } from '../performance/performance-metrics.ts';
import { performanceTable } from '../performance/performance-rows.ts';
import { counts, regionResult, week } from '../performance/test-fixtures.ts';
import { pooledSince, timelineSummaryLines } from './timeline-summary.ts';
import { timelineFocuses, type TimelineFocus } from './timeline-series.ts';

const recall = metricOf('binary', 'recall');
const table = performanceTable(regionResult());
const [overall, apac, eu] = timelineFocuses(table, recall) as [
  TimelineFocus,
  TimelineFocus,
  TimelineFocus,
];

describe('timelineSummaryLines', () => {
  it('says since when, from the baseline to the pooled value since', () => {
    // APAC found 2 + 1 of 20 positives from 2026-09-21 on.
    expect(pooledSince(apac, 'recall', '2026-09-21')).toBeCloseTo(3 / 20, 12);
    expect(timelineSummaryLines(apac, table, recall, recall)).toEqual([
      'Recall for region = APAC dropped from 0.700 in the reference to 0.150 since the week of 2026-09-21.',
      '4 weeks from 2026-09-07 to 2026-09-28; recall lowest 0.100 (2026-09-28), highest 0.700 (2026-09-07).',
    ]);
  });

  it('says a lower-is-better metric rose', () => {
    const fpr = metricOf('binary', 'fpr');
    expect(timelineSummaryLines(apac, table, fpr, fpr)[0]).toMatch(
      /^False positive rate for region = APAC rose from /,
    );
  });

  it('says when there is no lasting drop, or no baseline at all', () => {
    const steady: TimelineFocus = {
      ...apac,
      since: null,
      windows: apac.windows.map((w) => ({
        ...w,
        primary: w.primary && { ...w.primary, worse: false },
      })),
    };
    expect(timelineSummaryLines(steady, table, recall, recall)[0]).toBe(
      'Recall for region = APAC has not stayed significantly worse than in the reference (0.700) up to the last week.',
    );
    const alone: TimelineFocus = {
      ...overall,
      since: null,
      windows: overall.windows.map((w) => ({ ...w, primary: null })),
    };
    expect(timelineSummaryLines(alone, table, recall, recall)[0]).toMatch(
      /^Recall for all rows: no baseline to compare each week with/,
    );
  });

  it('dates no onset for a metric without a test (regression)', () => {
    const mae = metricOf('regression', 'mae');
    const regression = { ...table, task: 'regression' as const, datesOnsets: false };
    const row = {
      ...apac.row,
      metrics: { mae: 4.5 },
      delta: {
        against: 'rest' as const,
        too_small: false,
        metrics: { mae: { baseline: 2.316, value: 4.5, delta: 2.184, z: null, p: null, q: null } },
      },
    };
    expect(timelineSummaryLines({ ...apac, row, since: null }, regression, mae, mae)[0]).toBe(
      'MAE for region = APAC per week, against 2.316 in the rest of the log: MAE has no significance test, so no onset is dated.',
    );
  });

  it('says which windows are too small to judge, and when labels lag at the end', () => {
    const lagging: TimelineFocus = {
      ...eu,
      windows: [
        week('2026-09-07', counts(100, 10, 7), false),
        { ...week('2026-09-14', counts(12, 2, 1), null), rows: 90 },
        { ...week('2026-09-21', counts(0, 0, 0), null), rows: 80 },
      ],
    };
    expect(timelineSummaryLines(lagging, table, recall, recall)[2]).toBe(
      'Too small to judge in 2 weeks (under 30 labelled rows, or 5 of a class): 2026-09-14 (n = 12 of 90 rows), 2026-09-21 (no labels in 80 rows); drawn hollow, not as zeros. The latest windows lack labels: they may still be arriving (label delay).',
    );
  });

  it('counts rows that fall in no window', () => {
    const result = regionResult();
    if (result.window) result.window.rows_without_time = 1234;
    const t = performanceTable(result);
    expect(
      timelineSummaryLines(timelineFocuses(t, recall)[0] ?? overall, t, recall, recall).at(-1),
    ).toBe('1,234 rows have no event_time and are in no window.');
  });
});
