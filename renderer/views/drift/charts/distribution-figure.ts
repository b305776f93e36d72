import type { BarData } from 'plotly.js-dist-min';
import type { DriftColumnResult } from '../../../../shared/analyses/drift/drift-result.ts';
import { chartColors } from '../../../charts/chart-colors.ts';
import { baseLayout, type ChartFigure } from '../../../charts/chart-figure.ts';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { binLabels } from './bin-labels.ts';

export type DistributionColumn = Pick<DriftColumnResult, 'name' | 'bins' | 'new_categories'>;

/** One side's bars: each bin's share of that side's valid values, and its count. */
interface SideBars {
  side: 'reference' | 'current';
  shares: (number | null)[];
  counts: number[];
}

/**
 * Reference and current shares per bin as grouped bars; each bar's customdata is its bin index.
 * Categories new in the current data are hatched, in their own colour and legend entry. Null
 * without bins.
 */
export function distributionFigure(
  column: DistributionColumn,
): ChartFigure<Partial<BarData>> | null {
  const { bins } = column;
  if (bins === null) return null;
  const labels = binLabels(bins, column.new_categories);
  const x = labels.map((label) => label.text);
  const sideBars = (side: SideBars['side']): SideBars => {
    const shares = side === 'reference' ? bins.p : bins.q;
    const counts = side === 'reference' ? bins.reference_counts : bins.current_counts;
    return {
      side,
      shares: x.map((_, i) => shares?.[i] ?? null),
      counts: x.map((_, i) => counts[i] ?? 0),
    };
  };
  const reference = sideBars('reference');
  const current = sideBars('current');
  const isNew = (i: number) => labels[i]?.isNew === true;
  // New categories are a trace of their own in the current bars' slot (same offsetgroup), so the
  // legend names them and shows the current data in its own colour.
  const bar = (
    { side, shares, counts }: SideBars,
    name: string,
    drawn: (i: number) => boolean,
  ): Partial<BarData> => ({
    type: 'bar',
    name,
    offsetgroup: side,
    x,
    y: shares.map((share, i) => (drawn(i) ? share : null)),
    customdata: x.map((_, i) => i),
    hovertext: x.map((label, i) => {
      const share = shares[i];
      const shown =
        share === null || share === undefined
          ? 'no values'
          : `${formatPercent(share)} (${formatCount(counts[i] ?? 0)} values)`;
      return `${label}<br>${side}: ${shown}`;
    }),
    hovertemplate: '%{hovertext}<extra></extra>',
  });
  const data: Partial<BarData>[] = [
    { ...bar(reference, 'reference', () => true), marker: { color: chartColors.reference } },
    { ...bar(current, 'current', (i) => !isNew(i)), marker: { color: chartColors.current } },
  ];
  if (labels.some((label) => label.isNew)) {
    data.push({
      ...bar(current, 'new in current', isNew),
      marker: { color: chartColors.newCategory, pattern: { shape: '/' } },
    });
  }
  const layout = baseLayout();
  return {
    data,
    layout: {
      ...layout,
      barmode: 'group',
      bargap: 0.25,
      xaxis: { ...layout.xaxis, type: 'category', categoryorder: 'array', categoryarray: x },
      yaxis: { ...layout.yaxis, tickformat: '.0%', rangemode: 'tozero' },
    },
    description: describeDistribution(column, x, reference, current),
  };
}

function describeDistribution(
  column: DistributionColumn,
  labels: readonly string[],
  reference: SideBars,
  current: SideBars,
): string {
  const sentences = [`Share of ${column.name}'s values per bin, reference against current.`];
  let largest: { label: string; p: number; q: number } | null = null;
  for (const [i, label] of labels.entries()) {
    const p = reference.shares[i];
    const q = current.shares[i];
    if (p === null || p === undefined || q === null || q === undefined) continue;
    if (largest === null || Math.abs(q - p) > Math.abs(largest.q - largest.p)) {
      largest = { label, p, q };
    }
  }
  if (largest !== null) {
    const { label, p, q } = largest;
    sentences.push(`Largest change: ${label}, ${formatPercent(p)} → ${formatPercent(q)}.`);
  }
  if (column.new_categories.length > 0) {
    const listed = column.new_categories.map((c) => `${c.value} (${formatPercent(c.share)})`);
    sentences.push(`New in current: ${listed.join(', ')}.`);
  }
  return sentences.join(' ');
}
