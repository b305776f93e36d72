import type { BarData } from 'plotly.js-dist-min';
import { describe, expect, it } from 'vitest';
import { canaryFail } from '../test-fixtures.ts';
import { scoreFigure } from './score-figure.ts';

describe('score figure', () => {
  it("overlays each side's share of its scores per tenth of the score range", () => {
    const histogram = canaryFail().beside.score_histogram;
    if (histogram === null) throw new Error('the fixture has scores');
    const figure = scoreFigure(histogram);
    const [baseline, canary] = figure.data as Partial<BarData>[];
    expect((baseline?.x as number[])[0]).toBeCloseTo(0.05, 12);
    expect((baseline?.y as number[])[0]).toBeCloseTo(5200 / 6880, 12);
    expect((canary?.y as number[]).at(-1)).toBeCloseTo(50 / 6950, 12);
    expect((baseline?.hovertext as string[])[0]).toBe(
      'score [0, 0.1]<br>baseline: 75.6% (5,200 rows)',
    );
    expect((baseline?.hovertext as string[]).at(-1)).toBe(
      'score (0.9, 1]<br>baseline: 0.6% (40 rows)',
    );
    expect(figure.layout.xaxis?.range).toEqual([0, 1]);
    expect(figure.layout.yaxis?.type).toBe('log');
    expect(figure.description).toBe(
      "Scores of the baseline (75.6% at or below 0.1, 0.6% above 0.9) and the canary (80.6% at or below 0.1, 0.7% above 0.9), each side's share of its rows per tenth of the score range.",
    );
  });
});
