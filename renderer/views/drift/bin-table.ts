import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import { binCohort } from './bin-cohort.ts';
import { binLabels } from './charts/bin-labels.ts';

/** One bin of a drift column as the bin table shows it: text cells and the cohort it selects. */
export interface BinTableRow {
  label: string;
  reference: string;
  current: string;
  /** Change in share, in percentage points ("+34.0"). */
  change: string;
  errorRate: string;
  /** Null when the bin cannot be a cohort (the pooled rest, invalid values). */
  cohort: Predicate[] | null;
}

const share = (count: number, shares: number[] | null, i: number) =>
  `${formatCount(count)} (${formatPercent(shares?.[i] ?? 0)})`;

function points(p: number | undefined, q: number | undefined): string {
  if (p === undefined || q === undefined) return '–';
  const change = (q - p) * 100;
  return `${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}`;
}

function errorText(rate: { value: number | null; low: number | null; high: number | null }) {
  if (rate.value === null || rate.low === null || rate.high === null) return '–';
  return `${formatPercent(rate.value)} (${formatPercent(rate.low)}–${formatPercent(rate.high)})`;
}

/**
 * Every bin of a column with both sides' counts and shares, the change in share, and the current
 * error rate with its Wilson interval; then the missing and invalid values when the current data
 * has any. The numbers behind the charts, and a way to pick a bin without a mouse.
 */
export function binTableRows(column: DriftColumnResult): BinTableRow[] {
  const bins = column.bins;
  if (bins === null) return [];
  const impactBins = column.impact?.bins ?? [];
  const labels = binLabels(bins, column.new_categories);
  const rows: BinTableRow[] = labels.map((label, i) => {
    const impact = impactBins.find((b) => b.index === i);
    return {
      label: label.text,
      reference: share(bins.reference_counts[i] ?? 0, bins.p, i),
      current: share(bins.current_counts[i] ?? 0, bins.q, i),
      change: points(bins.p?.[i], bins.q?.[i]),
      errorRate: impact === undefined ? '–' : errorText(impact.error_rate),
      cohort: binCohort(column, i),
    };
  });
  for (const extra of impactBins.filter((b) => b.index === null)) {
    rows.push({
      label: String(extra.label),
      reference: '–',
      current: formatCount(extra.rows),
      change: '–',
      errorRate: errorText(extra.error_rate),
      cohort: binCohort(column, null, extra.label),
    });
  }
  return rows;
}
