import { describe, expect, it } from 'vitest';
import { chartColors } from '../../charts/chart-colors.ts';
import { metricOf } from '../performance/performance-metrics.ts';
import { counts, week } from '../performance/test-fixtures.ts';
import { bandFill, maxWindowTicks, timelineFigure } from './timeline-figure.ts';
import { timelinePoints } from './timeline-series.ts';

const recall = metricOf('binary', 'recall');
const points = timelinePoints(
  [
    week('2026-09-07', counts(100, 10, 7), false),
    week('2026-09-14', counts(20, 3, 1), null),
    week('2026-09-21', counts(100, 10, 2), true),
  ],
  recall,
);
const input = {
  metric: recall,
  focus: { words: 'region = APAC', points },
  overall: { words: 'all rows', points },
  baseline: { value: 0.7, label: 'reference 0.700' },
  since: { window: '2026-09-21', label: 'since 2026-09-21' },
};

describe('timelineFigure', () => {
  const figure = timelineFigure(input);
  const [low, high, all, focus] = figure.data as Record<string, unknown>[];

  it('draws the interval as a band over the judged windows only', () => {
    expect(low).toMatchObject({ type: 'scatter', mode: 'lines', showlegend: false });
    expect(high).toMatchObject({ fill: 'tonexty', fillcolor: bandFill, name: '95% interval' });
    expect((low?.y as (number | null)[])[1]).toBeNull();
    expect((high?.y as (number | null)[])[0]).toBeGreaterThan(0.7);
  });

  it('draws the whole log in grey beside the focus', () => {
    expect(all).toMatchObject({ name: 'all rows', line: { color: chartColors.reference } });
    expect(focus).toMatchObject({
      name: 'region = APAC',
      x: ['2026-09-07', '2026-09-14', '2026-09-21'],
    });
  });

  it('draws too-small windows hollow and grey, worse windows red', () => {
    const marker = focus?.marker as { symbol: string[]; color: string[] };
    expect(marker.symbol).toEqual(['circle', 'circle-open', 'circle']);
    expect(marker.color).toEqual([
      chartColors.current,
      chartColors.textMuted,
      chartColors.highlight,
    ]);
  });

  it('marks the baseline with a dashed line and the onset with a vertical one', () => {
    expect(figure.layout.shapes?.map((s) => [s.type, s.y0, s.x0, s.line?.dash])).toEqual([
      ['line', 0.7, 0, 'dash'],
      ['line', 0, '2026-09-21', 'dot'],
    ]);
    expect(figure.layout.annotations?.map((a) => a.text)).toEqual([
      'reference 0.700',
      'since 2026-09-21',
    ]);
  });

  it("ticks each window's start while they fit", () => {
    expect(figure.layout.xaxis?.tickvals).toEqual(['2026-09-07', '2026-09-14', '2026-09-21']);
    const many = Array.from({ length: maxWindowTicks + 1 }, (_, i) =>
      week(`2026-09-${String(i + 1).padStart(2, '0')}`, counts(100, 10, 7), false),
    );
    const long = timelineFigure({
      ...input,
      focus: { words: 'x', points: timelinePoints(many, recall) },
    });
    expect(long.layout.xaxis?.tickvals).toBeUndefined();
  });

  it('draws no band for metrics without an interval, and nothing it has no data for', () => {
    const auc = metricOf('binary', 'auc');
    const bare = timelineFigure({
      ...input,
      metric: auc,
      overall: null,
      baseline: null,
      since: null,
    });
    expect(bare.data).toHaveLength(1);
    expect(bare.layout.shapes).toEqual([]);
  });

  it('says the chart in words', () => {
    expect(figure.description).toBe(
      'Recall of region = APAC per window from 2026-09-07 to 2026-09-21, with its 95% interval as a band, beside all rows in grey. Dashed line: reference 0.700. Marked: since 2026-09-21. Drawn hollow: 1 window too small to judge.',
    );
  });
});
