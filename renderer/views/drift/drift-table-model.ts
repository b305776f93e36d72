import type { DriftColumnResult } from '../../../shared/analyses/drift/drift-result.ts';
import type { PsiBand } from '../../../shared/stats/psi.ts';

/** What the table can be sorted by; `rank` is rankDriftColumns' order (band, impact, PSI). */
export type DriftSortKey = 'rank' | 'name' | 'psi' | 'q' | 'impact' | 'missing';

export interface DriftSort {
  key: DriftSortKey;
  /** `rank` and `name` read best ascending, the measures descending (largest first). */
  descending: boolean;
}

export const defaultSort: DriftSort = { key: 'rank', descending: false };

/** The q of a column's distribution test: KS for numeric columns, chi-square for categorical. */
export const testQ = (c: DriftColumnResult): number | null => c.ks?.q ?? c.chi2?.q ?? null;

const missingDelta = (c: DriftColumnResult): number | null => c.missing.delta;

const measures: Record<
  Exclude<DriftSortKey, 'rank' | 'name'>,
  (c: DriftColumnResult) => number | null
> = {
  psi: (c) => c.psi,
  // A smaller q is the stronger evidence: sorting "descending" puts it first.
  q: (c) => (testQ(c) === null ? null : -(testQ(c) ?? 0)),
  impact: (c) => c.impact?.lift ?? null,
  missing: missingDelta,
};

/** A click on a header: the same key flips the direction, a new key starts at its natural one. */
export function nextSort(sort: DriftSort, key: DriftSortKey): DriftSort {
  if (sort.key === key) return { key, descending: !sort.descending };
  return { key, descending: key !== 'rank' && key !== 'name' };
}

/**
 * The rows in the chosen order; `columns` arrive ranked (rankDriftColumns). Columns without the measure go last in
 * either direction, and ties keep the ranked order.
 */
export function sortDriftColumns(
  columns: readonly DriftColumnResult[],
  sort: DriftSort,
): DriftColumnResult[] {
  const ranked = columns.map((c, rank) => ({ c, rank }));
  const sign = sort.descending ? -1 : 1;
  const compare = (
    a: { c: DriftColumnResult; rank: number },
    b: { c: DriftColumnResult; rank: number },
  ): number => {
    if (sort.key === 'rank') return sign * (a.rank - b.rank);
    if (sort.key === 'name') return sign * a.c.name.localeCompare(b.c.name) || a.rank - b.rank;
    const measure = measures[sort.key];
    const x = measure(a.c);
    const y = measure(b.c);
    if (x === null || y === null)
      return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a.rank - b.rank;
    return sign * (x - y) || a.rank - b.rank;
  };
  return ranked.sort(compare).map((r) => r.c);
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
