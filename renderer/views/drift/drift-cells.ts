import type {
  DriftColumnResult,
  DriftImpactSummary,
} from '../../../shared/analyses/drift/drift-result.ts';
import { formatPValue } from '../../../shared/text/p-value.ts';
import { formatNumber, formatPercent } from '../../format/numbers.ts';
import { formatPsi } from './charts/bands.ts';

const rate = (r: number | null) => (r === null ? '–' : formatPercent(r));

/** The distribution test as statistic, p and q: KS D for numeric, chi-square for categorical. */
export function testCells(c: DriftColumnResult): { test: string; p: string; q: string } {
  if (c.ks !== null) {
    return {
      test: `KS D ${formatNumber(c.ks.d)}`,
      p: formatPValue(c.ks.p),
      q: formatPValue(c.ks.q),
    };
  }
  if (c.chi2 !== null) {
    return {
      test: `χ² ${formatNumber(c.chi2.stat)} (df ${c.chi2.dof})`,
      p: formatPValue(c.chi2.p),
      q: formatPValue(c.chi2.q),
    };
  }
  return { test: '–', p: '–', q: '–' };
}

/** "0% → 8.7%", the current missing rate against the reference's. */
export function missingCell(c: DriftColumnResult): string {
  return `${rate(c.missing.reference)} → ${rate(c.missing.current)}`;
}

/** Where the errors concentrate: "×1.79 in electronics", or why there is nothing to say. */
export function impactCell(c: DriftColumnResult, impact: DriftImpactSummary | undefined): string {
  if (impact === undefined) return '–';
  if (c.impact?.lift === null || c.impact?.lift === undefined) return 'no bin big enough';
  return `×${c.impact.lift.toFixed(2)} in ${String(c.impact.bin)}`;
}

/** What is new in the current data: values outside the reference's range, unseen categories. */
export function noveltyCell(c: DriftColumnResult): string {
  const parts: string[] = [];
  if (c.out_of_range !== null && c.out_of_range > 0) {
    parts.push(`${formatPercent(c.out_of_range)} out of range`);
  }
  const [first, ...rest] = c.new_categories;
  if (first !== undefined) {
    const more = rest.length > 0 ? ` +${rest.length} more` : '';
    parts.push(`new: ${String(first.value)} (${formatPercent(first.share)})${more}`);
  }
  if (c.vanished.length > 0) parts.push(`${c.vanished.length} vanished`);
  return parts.join(' · ');
}

export const psiCell = (c: DriftColumnResult): string => (c.psi === null ? '–' : formatPsi(c.psi));
