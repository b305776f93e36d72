import type {
  DriftColumnResult,
  DriftSideCounts,
  DriftSideSummary,
} from '../../../shared/analyses/drift/drift-result.ts';
import { formatPValue } from '../../../shared/text/p-value.ts';
import { formatCount, formatNumber, formatPercent } from '../../format/numbers.ts';
import { formatPsi } from './charts/bands.ts';

/** One line of the per-side comparison: a name and the reference and current values. */
export interface SideRow {
  label: string;
  reference: string;
  current: string;
}

const num = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : formatNumber(x);
const pct = (x: number | null) => (x === null ? '–' : formatPercent(x));

const isSummary = (s: DriftSideCounts | DriftSideSummary): s is DriftSideSummary => 'mean' in s;

const summaryFields = [
  ['mean', 'mean'],
  ['std', 'std'],
  ['min', 'min'],
  ['p01', '1st percentile'],
  ['p05', '5th percentile'],
  ['p50', 'median'],
  ['p95', '95th percentile'],
  ['p99', '99th percentile'],
  ['max', 'max'],
] as const;

/** Each side's counts, rates and (numeric) summary, side by side. */
export function sideRows(c: DriftColumnResult): SideRow[] {
  const r = c.reference;
  const k = c.current;
  const rows: SideRow[] = [
    { label: 'rows', reference: formatCount(r.rows), current: formatCount(k.rows) },
    { label: 'valid values', reference: formatCount(r.n), current: formatCount(k.n) },
    { label: 'missing', reference: pct(r.missing_rate), current: pct(k.missing_rate) },
    { label: 'invalid (NaN, ±Inf)', reference: pct(r.invalid_rate), current: pct(k.invalid_rate) },
  ];
  if (isSummary(r) && isSummary(k)) {
    for (const [field, label] of summaryFields) {
      rows.push({ label, reference: num(r[field]), current: num(k[field]) });
    }
  }
  return rows;
}

/** The column's distances and tests, each as a name and a value in words. */
export function measureRows(c: DriftColumnResult): [string, string][] {
  const rows: [string, string][] = [
    ['PSI', c.psi === null ? '–' : `${formatPsi(c.psi)} (${c.band ?? 'no band'})`],
    ['Jensen–Shannon distance', num(c.js)],
  ];
  if (c.ks !== null) {
    rows.push([
      'Kolmogorov–Smirnov',
      `D = ${num(c.ks.d)}, p = ${formatPValue(c.ks.p)}, q = ${formatPValue(c.ks.q)}`,
    ]);
  }
  if (c.wasserstein !== null) {
    const normed =
      c.wasserstein.normed === null ? 'undefined (constant reference)' : num(c.wasserstein.normed);
    rows.push(['Wasserstein-1', `${num(c.wasserstein.w)}; ÷ std of reference = ${normed}`]);
  }
  if (c.out_of_range !== null) rows.push(['outside the reference range', pct(c.out_of_range)]);
  if (c.chi2 !== null) {
    rows.push([
      'chi-square',
      `${num(c.chi2.stat)} (df ${c.chi2.dof}), p = ${formatPValue(c.chi2.p)}, q = ${formatPValue(c.chi2.q)}`,
    ]);
  }
  if (c.linf !== null) rows.push(['largest share change (L∞)', num(c.linf)]);
  const m = c.missing;
  rows.push([
    'missing rate',
    `${pct(m.reference)} → ${pct(m.current)}${m.q === null ? '' : `, q = ${formatPValue(m.q)}`}${m.shifted ? ' — shifted' : ''}`,
  ]);
  const list = (l: DriftColumnResult['new_categories']) =>
    l.map((v) => `${String(v.value)} (${formatCount(v.count)}, ${pct(v.share)})`).join(', ');
  if (c.new_categories.length > 0) rows.push(['new in current', list(c.new_categories)]);
  if (c.vanished.length > 0) rows.push(['vanished from current', list(c.vanished)]);
  return rows;
}
