import type { BarData } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { chartColors } from '../../../charts/chart-colors.ts';
import { canaryFail } from '../test-fixtures.ts';
import { latencyFigure } from './latency-figure.ts';

describe('latency figure', () => {
  it("overlays each side's share of its rows per bin, with its p50, p95 and p99", () => {
    const latency = canaryFail().latency;
    if (latency === null) throw new Error('the fixture has latency');
    const figure = latencyFigure(latency, 500);
    const [baseline, canary] = figure.data as Partial<BarData>[];
    expect(figure.layout.barmode).toBe('overlay');
    expect(baseline?.x).toEqual([12.5, 37.5, 62.5, 87.5, 112.5, 137.5]);
    expect(baseline?.width).toEqual([25, 25, 25, 25, 25, 25]);
    const shares = baseline?.y as number[];
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBeCloseTo(100 / 6500, 12);
    expect(canary?.marker?.color).toBe(chartColors.current);
    // Six quantile lines; the 500 ms ceiling is beyond the last edge, so not drawn.
    expect(figure.layout.shapes?.map((s) => s.x0)).toEqual([45, 88, 111.8, 47, 95, 123.44]);
    expect(figure.layout.annotations?.map((a) => a.text)).toEqual([
      'p50',
      'p95',
      'p99',
      'p50',
      'p95',
      'p99',
    ]);
    expect(figure.description).toBe(
      "Latency of the baseline and the canary, each side's share of its rows per bin (the last bin holds everything above 150 ms): p50 45 ms → 47 ms, p95 88 ms → 95 ms, p99 111.8 ms → 123.4 ms; the canary's p99 ceiling is 500 ms.",
    );
  });

  it('draws the p99 ceiling when it is within the bins', () => {
    const latency = canaryFail().latency;
    if (latency === null) throw new Error('the fixture has latency');
    const figure = latencyFigure(latency, 120);
    expect(figure.layout.shapes?.at(-1)).toMatchObject({ x0: 120, x1: 120 });
    expect(figure.layout.annotations?.at(-1)?.text).toBe('p99 ceiling 120 ms');
  });

  it('keeps a quantile in the open last bin on the axis', () => {
    const latency = canaryFail().latency;
    if (latency === null) throw new Error('the fixture has latency');
    expect(latencyFigure(latency, 500).layout.xaxis?.range).toEqual([0, 150]);
    latency.quantiles.canary.p99 = 180;
    expect(latencyFigure(latency, 500).layout.xaxis?.range).toEqual([0, 180]);
  });
});
