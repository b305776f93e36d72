import { describe, expect, it } from 'vitest';
import { chartColors } from '../../../charts/chart-colors.ts';
import { distributionFigure, type DistributionColumn } from './distribution-figure.ts';

const amount: DistributionColumn = {
  name: 'amount',
  bins: {
    mode: 'quantile',
    edges: [12.12, 134.361],
    categories: null,
    pooled: 0,
    reference_counts: [500, 300, 200],
    current_counts: [200, 300, 500],
    p: [0.5, 0.3, 0.2],
    q: [0.2, 0.3, 0.5],
  },
  new_categories: [],
};

const merchant: DistributionColumn = {
  name: 'merchant_category',
  bins: {
    mode: 'categorical',
    edges: null,
    categories: ['crypto', 'fuel'],
    pooled: 0,
    reference_counts: [0, 100],
    current_counts: [25, 75],
    p: [0, 1],
    q: [0.25, 0.75],
  },
  new_categories: [{ value: 'crypto', count: 25, share: 0.25 }],
};

describe('distributionFigure', () => {
  it('draws reference then current shares per bin, labelled by the bin edges', () => {
    const figure = distributionFigure(amount);
    const [reference, current] = figure?.data ?? [];
    const labels = ['(-inf, 12.1]', '(12.1, 134]', '(134, +inf]'];
    expect(reference).toMatchObject({
      type: 'bar',
      name: 'reference',
      x: labels,
      y: [0.5, 0.3, 0.2],
    });
    expect(current).toMatchObject({ type: 'bar', name: 'current', x: labels, y: [0.2, 0.3, 0.5] });
    expect(figure?.data).toHaveLength(2);
    expect(reference).toMatchObject({
      offsetgroup: 'reference',
      marker: { color: chartColors.reference },
    });
    expect(current).toMatchObject({
      offsetgroup: 'current',
      marker: { color: chartColors.current },
    });
    expect(figure?.layout).toMatchObject({
      barmode: 'group',
      xaxis: { type: 'category', categoryorder: 'array', categoryarray: labels },
      yaxis: { tickformat: '.0%' },
    });
  });

  it("gives every bar its bin index to click on, and hover text with the side's share and count", () => {
    const [reference, current] = distributionFigure(amount)?.data ?? [];
    expect(reference?.customdata).toEqual([0, 1, 2]);
    expect(current?.customdata).toEqual([0, 1, 2]);
    expect(current?.hovertext).toEqual([
      '(-inf, 12.1]<br>current: 20.0% (200 values)',
      '(12.1, 134]<br>current: 30.0% (300 values)',
      '(134, +inf]<br>current: 50.0% (500 values)',
    ]);
    expect(current?.hovertemplate).toBe('%{hovertext}<extra></extra>');
  });

  it('draws categories new in the current data as their own hatched trace, in the current slot', () => {
    const [reference, current, fresh] = distributionFigure(merchant)?.data ?? [];
    expect(current?.x).toEqual(['crypto (new)', 'fuel']);
    expect(current?.y).toEqual([null, 0.75]);
    expect(fresh).toMatchObject({
      type: 'bar',
      name: 'new in current',
      offsetgroup: 'current',
      x: ['crypto (new)', 'fuel'],
      y: [0.25, null],
      customdata: [0, 1],
      marker: { color: chartColors.newCategory, pattern: { shape: '/' } },
    });
    expect(fresh?.hovertext?.[0]).toBe('crypto (new)<br>current: 25.0% (25 values)');
    expect(reference?.hovertext).toEqual([
      'crypto (new)<br>reference: 0.0% (0 values)',
      'fuel<br>reference: 100.0% (100 values)',
    ]);
  });

  it('says the largest change and the new categories in words', () => {
    expect(distributionFigure(amount)?.description).toBe(
      "Share of amount's values per bin, reference against current. Largest change: (-inf, 12.1], 50.0% → 20.0%.",
    );
    expect(distributionFigure(merchant)?.description).toBe(
      "Share of merchant_category's values per bin, reference against current. Largest change: crypto (new), 0.0% → 25.0%. New in current: crypto (25.0%).",
    );
  });

  it('leaves a side without valid values empty, and a column without bins undrawn', () => {
    const empty = {
      ...amount,
      bins: amount.bins && { ...amount.bins, current_counts: [0, 0, 0], q: null },
    };
    const [, current] = distributionFigure(empty)?.data ?? [];
    expect(current?.y).toEqual([null, null, null]);
    expect(current?.hovertext?.[0]).toBe('(-inf, 12.1]<br>current: no values');
    expect(distributionFigure({ ...amount, bins: null })).toBeNull();
  });
});
