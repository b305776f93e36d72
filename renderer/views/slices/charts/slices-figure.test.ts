import type { ScatterData } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { bandColors, chartColors } from '../../../charts/chart-colors.ts';
import { sliceLines } from '../slices-table-model.ts';
import { fraudSlices, slice, term } from '../test-fixtures.ts';
import { logTicks, pointColor, slicesFigure } from './slices-figure.ts';

const scatter = (trace: unknown) => trace as Partial<ScatterData>;

describe('slices figure', () => {
  it('draws size against error, a trace per history, numbered by rank', () => {
    const result = fraudSlices();
    const figure = slicesFigure(result, sliceLines(result, [], []));
    expect(figure.data.map((t) => t.name)).toEqual([
      'broke (worse than in the reference)',
      'always hard (as bad in the reference)',
      'not judged (too few reference rows)',
    ]);
    const broke = scatter(figure.data[0]);
    expect(broke.x).toEqual([85]);
    expect(broke.y).toEqual([37 / 85]);
    expect(broke.text).toEqual(['1']);
    expect(broke.customdata).toEqual([0]);
    expect(broke.marker?.color).toBe(chartColors.highlight);
    expect(scatter(figure.data[1]).marker?.color).toBe(bandColors.moderate);
    // Wilson whiskers above and below the error.
    const whiskers = broke.error_y as { array: number[]; arrayminus: number[] };
    const top = result.slices[0];
    expect(whiskers.array[0]).toBeCloseTo((top?.high ?? 0) - 37 / 85, 12);
    expect(whiskers.arrayminus[0]).toBeCloseTo(37 / 85 - (top?.low ?? 0), 12);
    // The overall error as a labelled dashed line; sizes 40 to 200 stay on a linear axis.
    expect(figure.layout.shapes?.[0]).toMatchObject({ y0: 0.14, y1: 0.14 });
    expect(figure.layout.annotations?.[0]?.text).toBe('overall 14%');
    expect(figure.layout.xaxis?.type).toBe('linear');
    expect(figure.layout.yaxis?.tickformat).toBe('.0%');
    expect(figure.description).toContain(
      '1: region = APAC and device = android, 85 rows, 44%, broke;',
    );
  });

  it('puts a wide range of sizes on a log axis and rings the active slice', () => {
    const result = fraudSlices(false);
    result.slices.push(slice([term('region', 'EU')], 5000, 800, 0.14));
    const lines = sliceLines(result, [], result.slices[1]?.predicates ?? []);
    const figure = slicesFigure(result, lines);
    expect(figure.data.map((t) => t.name)).toEqual(['slice']);
    expect(figure.layout.xaxis?.type).toBe('log');
    expect(figure.layout.xaxis?.ticktext).toEqual([
      '50',
      '100',
      '200',
      '500',
      '1,000',
      '2,000',
      '5,000',
    ]);
    const marker = scatter(figure.data[0]).marker as { size: number[]; line: { width: number[] } };
    expect(marker.size).toEqual([11, 16, 11, 11]);
    expect(marker.line.width).toEqual([1, 3, 1, 1]);
    expect(pointColor({ history: null })).toBe(chartColors.current);
    expect(figure.description).toContain('merchant_category = crypto, 200 rows, 25% (active)');
  });

  it('ticks a log axis at 1, 2 and 5 times powers of ten, with 3 within a decade', () => {
    expect(logTicks(45, 540)).toEqual({
      tickvals: [50, 100, 200, 500],
      ticktext: ['50', '100', '200', '500'],
    });
    expect(logTicks(700, 7800).tickvals).toEqual([1000, 2000, 3000, 5000]);
  });
});
