import { describe, expect, it } from 'vitest';
import type { DriftImpactBin } from '../../../../shared/analyses/drift/drift-result.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import {
  errorByBinFigure,
  fewRowsOpacity,
  type ErrorByBinColumn,
  type ErrorByBinImpact,
} from './error-by-bin-figure.ts';

const bin = (
  index: number | null,
  label: string,
  rows: number,
  errors: number,
  [value, low, high]: [number, number, number],
  lift: number,
): DriftImpactBin => ({ index, label, rows, errors, error_rate: { value, low, high }, lift });

const overall: ErrorByBinImpact = {
  error_rate: { value: 0.02, low: 0.018, high: 0.022 },
  min_bin_rows: 100,
};

// Impact bins out of order, as nothing promises their order; the missing values come first.
const distance: ErrorByBinColumn = {
  name: 'distance_km',
  bins: {
    mode: 'quantile',
    edges: [1.5, 48.9],
    categories: null,
    pooled: 0,
    reference_counts: [400, 400, 200],
    current_counts: [500, 450, 40],
    p: [0.4, 0.4, 0.2],
    q: [0.5, 0.45, 0.05],
  },
  new_categories: [],
  impact: {
    lift: 2,
    bin: '(1.5, 48.9]',
    index: 1,
    bins: [
      bin(null, '(missing)', 200, 6, [0.03, 0.014, 0.064], 1.5),
      bin(1, '(1.5, 48.9]', 450, 18, [0.04, 0.025, 0.062], 2),
      bin(0, '(-inf, 1.5]', 500, 5, [0.01, 0.004, 0.023], 0.5),
      bin(2, '(48.9, +inf]', 40, 4, [0.1, 0.04, 0.23], 5),
    ],
  },
};

describe('errorByBinFigure', () => {
  const figure = errorByBinFigure(distance, overall);
  const [bars] = figure?.data ?? [];

  it('draws the error rate per bin in bin order, then the missing values', () => {
    expect(bars).toMatchObject({
      type: 'bar',
      x: ['(-inf, 1.5]', '(1.5, 48.9]', '(48.9, +inf]', '(missing)'],
      y: [0.01, 0.04, 0.1, 0.03],
      customdata: [0, 1, 2, null],
    });
    expect(figure?.bins.map((b) => b.label)).toEqual([
      '(-inf, 1.5]',
      '(1.5, 48.9]',
      '(48.9, +inf]',
      '(missing)',
    ]);
  });

  it('puts Wilson whiskers from the low to the high end of each interval', () => {
    const whiskers = bars?.error_y;
    expect(whiskers).toMatchObject({ type: 'data', symmetric: false });
    const up = [0.013, 0.022, 0.13, 0.034];
    const down = [0.006, 0.015, 0.06, 0.016];
    up.forEach((d, i) => expect(whiskers?.array?.[i]).toBeCloseTo(d, 12));
    down.forEach((d, i) => expect(whiskers?.arrayminus?.[i]).toBeCloseTo(d, 12));
  });

  it('highlights the largest lift and fades bins too small to rank', () => {
    const c = chartColors;
    expect(bars?.marker?.color).toEqual([c.current, c.highlight, c.current, c.current]);
    expect(bars?.marker?.opacity).toEqual([1, 1, fewRowsOpacity, 1]);
    expect(bars?.hovertext?.[2]).toBe(
      '(48.9, +inf]<br>error rate 10.0% (95% CI 4.0% to 23.0%)<br>4 errors in 40 rows' +
        '<br>×5.00 the overall rate<br>too few rows to rank (under 100)',
    );
    expect(bars?.hovertext?.[1]).toContain('<br>largest lift');
  });

  it("scales the y axis to the rates and the rankable bins' intervals", () => {
    // The small bin's interval reaches 23%; its rate (10%) and the others' highs (<= 6.4%) set it.
    expect(figure?.layout.yaxis?.range).toEqual([0, 0.1 * 1.1]);
  });

  it('draws the overall error rate as a labelled dashed line', () => {
    expect(figure?.layout.shapes).toEqual([
      expect.objectContaining({ type: 'line', xref: 'paper', y0: 0.02, y1: 0.02 }),
    ]);
    expect(figure?.layout.shapes?.[0]?.line?.dash).toBe('dash');
    expect(figure?.layout.annotations?.[0]?.text).toBe('overall 2.0%');
  });

  it('says the largest lift and the small bins in words', () => {
    expect(figure?.description).toBe(
      'Error rate of the current rows per bin of distance_km, with 95% intervals; overall 2.0%. ' +
        'Largest lift: (1.5, 48.9], 4.0% (95% CI 2.5% to 6.2%), ×2.00 the overall rate. ' +
        '1 bin has too few rows to rank (under 100).',
    );
  });

  it('highlights the missing values when they have the largest lift', () => {
    const impact = distance.impact && { ...distance.impact, index: null, bin: '(missing)' };
    const [missingTop] = errorByBinFigure({ ...distance, impact }, overall)?.data ?? [];
    expect(missingTop?.marker?.color).toEqual([
      chartColors.current,
      chartColors.current,
      chartColors.current,
      chartColors.highlight,
    ]);
  });

  it('highlights nothing without a lift, and draws nothing without an impact', () => {
    const impact = distance.impact && { ...distance.impact, lift: null, index: null, bin: null };
    const [flat] = errorByBinFigure({ ...distance, impact }, overall)?.data ?? [];
    expect(flat?.marker?.color).not.toContain(chartColors.highlight);
    expect(errorByBinFigure({ ...distance, impact: null }, overall)).toBeNull();
    expect(errorByBinFigure({ ...distance, impact: undefined }, overall)).toBeNull();
  });

  it('draws no whiskers for an empty bin, and no line without an overall rate', () => {
    const impact = distance.impact && {
      ...distance.impact,
      bins: [
        {
          ...bin(0, '(-inf, 1.5]', 0, 0, [0, 0, 0], 0),
          error_rate: { value: null, low: null, high: null },
          lift: null,
        },
      ],
    };
    const unknown = { error_rate: { value: null, low: null, high: null }, min_bin_rows: 30 };
    const figure = errorByBinFigure({ ...distance, impact }, unknown);
    expect(figure?.data[0]?.y).toEqual([null]);
    expect(figure?.data[0]?.error_y?.array).toEqual([0]);
    expect(figure?.layout.shapes).toBeUndefined();
    expect(figure?.description).toBe(
      'Error rate of the current rows per bin of distance_km, with 95% intervals. 1 bin has too few rows to rank (under 30).',
    );
  });
});
