import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { PsiBand } from '../../../shared/stats/psi.ts';
import {
  nextTableSort,
  sortTableRows,
  type RowOrder,
  type TableSort,
} from '../../app/table-sort.ts';

/** What the table can be sorted by; `rank` is rankDriftColumns' order (band, impact, PSI). */
export type DriftSortKey = 'rank' | 'name' | 'psi' | 'q' | 'impact' | 'missing';

/** `rank` and `name` read best ascending, the measures descending (largest first). */
export type DriftSort = TableSort<DriftSortKey>;

export const defaultSort: DriftSort = { key: 'rank', descending: false };

/** The q of a column's distribution test: KS for numeric columns, chi-square for categorical. */
export const testQ = (c: DriftColumnResult): number | null => c.ks?.q ?? c.chi2?.q ?? null;

const orders: Record<DriftSortKey, RowOrder<DriftColumnResult>> = {
  rank: 'rank',
  name: { compare: (a, b) => a.name.localeCompare(b.name) },
  psi: { measure: (c) => c.psi },
  // A smaller q is the stronger evidence: sorting "descending" puts it first.
  q: { measure: (c) => (testQ(c) === null ? null : -(testQ(c) ?? 0)) },
  impact: { measure: (c) => c.impact?.lift ?? null },
  missing: { measure: (c) => c.missing.delta },
};

/** A click on a header: the same key flips the direction, a new key starts at its natural one. */
export const nextSort = (sort: DriftSort, key: DriftSortKey): DriftSort =>
  nextTableSort(sort, key, (k) => k !== 'rank' && k !== 'name');

/**
 * The rows in the chosen order; `columns` arrive ranked (rankDriftColumns). Columns without the
 * measure go last in either direction, and ties keep the ranked order.
 */
export function sortDriftColumns(
  columns: readonly DriftColumnResult[],
  sort: DriftSort,
): DriftColumnResult[] {
  const ranks = new Map(columns.map((c, rank) => [c, rank]));
  return sortTableRows(columns, sort, orders, (c) => ranks.get(c) ?? 0);
}

/** The bands a filter can show; `none` is a column with no PSI (e.g. all null on one side). */
export type BandFilterValue = PsiBand | 'none';

export const bandFilterValues: readonly BandFilterValue[] = [
  'significant',
  'moderate',
  'stable',
  'none',
];

/** Only the columns whose band is shown. */
export function filterByBand(
  columns: readonly DriftColumnResult[],
  shown: ReadonlySet<BandFilterValue>,
): DriftColumnResult[] {
  return columns.filter((c) => shown.has(c.band ?? 'none'));
}

/** How many columns fall in each band, for the filter's labels. */
export function bandCounts(columns: readonly DriftColumnResult[]): Record<BandFilterValue, number> {
  const counts: Record<BandFilterValue, number> = {
    significant: 0,
    moderate: 0,
    stable: 0,
    none: 0,
  };
  for (const c of columns) counts[c.band ?? 'none']++;
  return counts;
}
