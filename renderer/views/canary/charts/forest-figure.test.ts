import type { ScatterData } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { bandColors, chartColors } from '../../../charts/chart-colors.ts';
import { checkGroups } from '../canary-table-model.ts';
import { allRows, canaryFail, check, segment } from '../test-fixtures.ts';
import { forestFigure, forestMetrics, forestPoint, toleranceX } from './forest-figure.ts';

const scatter = (trace: unknown) => trace as Partial<ScatterData>;

describe('forest figure', () => {
  it('offers the tested metrics in the order they come, never the ceilings', () => {
    expect(forestMetrics(canaryFail().checks)).toEqual([
      'recall',
      'precision',
      'auc',
      'latency_p99',
    ]);
  });

  it('draws a metric per segment: relative change with its interval, failures in red', () => {
    const groups = checkGroups(canaryFail(), [], []);
    const figure = forestFigure(groups, 'recall', 'card_type = prepaid · recall');
    expect(figure.data.map((t) => t.name)).toEqual(['failed', 'passed', 'too small to judge']);
    const failed = scatter(figure.data[0]);
    expect(failed.y).toEqual(['card_type = prepaid']);
    expect(failed.x?.[0]).toBeCloseTo(0.2143 / 0.6957 - 1, 12);
    expect(failed.marker?.color).toBe(chartColors.highlight);
    expect((failed.marker as { size: number[] }).size).toEqual([13]);
    expect((failed.error_x as { array: number[]; arrayminus: number[] }).array[0]).toBeCloseTo(
      0.2,
      12,
    );
    expect(scatter(figure.data[1]).y).toEqual(['all', 'card_type = credit']);
    expect(scatter(figure.data[2]).marker?.color).toBe(chartColors.textMuted);
    // Rows top to bottom as the table's segments; the tolerance a dashed line at −3%.
    expect(figure.layout.yaxis?.categoryarray).toEqual([
      'all',
      'card_type = prepaid',
      'card_type = credit',
      'region = Tiny',
    ]);
    expect(figure.layout.yaxis?.autorange).toBe('reversed');
    expect(figure.layout.shapes?.[1]).toMatchObject({ x0: -0.03, x1: -0.03 });
    expect(figure.layout.annotations?.[0]?.text).toBe('tolerance −3%');
    // The failing side shaded: left of the line for a drop.
    const range = figure.layout.xaxis?.range as [number, number];
    expect(figure.layout.shapes?.[0]).toMatchObject({ type: 'rect', x0: -0.03, x1: range[0] });
    expect(figure.layout.xaxis?.tickformat).toBe('+.0%');
    expect(figure.lines.map((l) => l.rank)).toEqual([1, 0, 7, 9]);
    expect(figure.description).toBe(
      'Relative change in recall (canary vs baseline) per segment, with 95% intervals; the tolerance is −3%. Failed: card_type = prepaid (−69.2%). Passed: all (+20.9%), card_type = credit (+27.3%). Too small to judge: region = Tiny (−50.0%).',
    );
  });

  it('draws latency rising against its tolerance, beyond it but not significant in amber', () => {
    const figure = forestFigure(checkGroups(canaryFail(), [], []), 'latency_p99', null);
    expect(figure.data.map((t) => t.name)).toEqual(['beyond the tolerance, not significant']);
    expect(scatter(figure.data[0]).marker?.color).toBe(bandColors.moderate);
    // p99 latency has no interval.
    expect((scatter(figure.data[0]).error_x as { array: number[] }).array).toEqual([0]);
    expect(figure.layout.shapes?.[1]).toMatchObject({ x0: 0.1 });
    const range = figure.layout.xaxis?.range as [number, number];
    expect(figure.layout.shapes?.[0]).toMatchObject({ x0: 0.1, x1: range[1] });
    expect(figure.layout.showlegend).toBe(false);
    expect(toleranceX('latency_p99', 0.1)).toBe(0.1);
    expect(toleranceX('precision', 0.03)).toBe(-0.03);
  });

  it('draws AUC as its change, its relative interval scaled back by the baseline', () => {
    const auc = check(allRows, 'auc', 0.8, 0.76, { halfWidth: 0.01 });
    const point = forestPoint(auc);
    expect(point?.x).toBeCloseTo(-0.04, 12);
    expect(point?.low).toBeCloseTo((-0.05 - 0.01) * 0.8, 12);
    expect(point?.high).toBeCloseTo((-0.05 + 0.01) * 0.8, 12);
    const figure = forestFigure(
      checkGroups({ checks: [auc], per_segment: {} }, [], []),
      'auc',
      null,
    );
    expect(figure.layout.xaxis?.tickformat).toBe('+.2f');
    expect(figure.layout.annotations?.[0]?.text).toBe('tolerance −0.02');
    expect(figure.description).toContain('Change in AUC (canary − baseline) per segment');
    expect(forestPoint({ ...auc, metric: 'recall', relative_delta: null })).toBeNull();
  });

  it('draws a change beyond ±100% at the axis end as a triangle pointing out', () => {
    const rise = check(segment('txn_count_24h', '2'), 'recall', 0.05, 0.5, { halfWidth: 6 });
    const drop = check(allRows, 'recall', 0.6, 0.59);
    const groups = checkGroups({ checks: [drop, rise], per_segment: {} }, [], []);
    const figure = forestFigure(groups, 'recall', null);
    const passed = scatter(figure.data[0]);
    expect(passed.x).toEqual([drop.relative_delta, 1]);
    expect((passed.marker as { symbol: string[] }).symbol).toEqual(['diamond', 'triangle-right']);
    // The whisker below is cut at the axis end too: 9 - 6 = 3, still beyond it.
    expect((passed.error_x as { arrayminus: number[] }).arrayminus[1]).toBe(0);
    expect((figure.layout.xaxis?.range as number[])[1]).toBeLessThan(1.2);
    expect(figure.description).toContain('txn_count_24h = 2 (+900.0%)');
  });
});
