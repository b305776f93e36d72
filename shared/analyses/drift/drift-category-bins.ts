import { shares } from '../../stats/psi.ts';
import { MAX_CATEGORIES, type CategoryRow } from './drift-category-queries.ts';
import type { DriftBins, DriftCategoryCount } from './drift-result.ts';

/** A column's bins, and its new and vanished categories. */
export interface Binned {
  bins: DriftBins;
  newCategories: DriftCategoryCount[];
  vanished: DriftCategoryCount[];
}

/** Categories (pooled past 100), their counts per side, and the values one side lacks. */
export function binCategories(
  rows: CategoryRow[],
  numeric: boolean,
  nR: number,
  nC: number,
): Binned {
  const distinct = rows[0]?.distinctValues ?? 0;
  const pooled = distinct > MAX_CATEGORIES;
  const label = (r: CategoryRow): string | number =>
    numeric ? (r.sortNumber ?? Number(r.value)) : (r.value ?? '');
  const byValue = (a: CategoryRow, b: CategoryRow) => (a.valueRank ?? 0) - (b.valueRank ?? 0);
  const kept = rows
    .filter((r) => !r.isOther && (!pooled || r.countRank < MAX_CATEGORIES))
    .sort(pooled ? (a, b) => a.countRank - b.countRank : byValue);
  const other = rows.find((r) => r.isOther);
  const binRows = other ? [...kept, other] : kept;
  const referenceCounts = binRows.map((r) => r.referenceCount);
  const currentCounts = binRows.map((r) => r.currentCount);
  const values = rows.filter((r) => !r.isOther).sort(byValue);
  return {
    bins: {
      mode: 'categorical',
      edges: null,
      categories: [...kept.map(label), ...(other ? ['(other)'] : [])],
      pooled: pooled ? distinct - (MAX_CATEGORIES - 1) : 0,
      reference_counts: referenceCounts,
      current_counts: currentCounts,
      p: shares(referenceCounts),
      q: shares(currentCounts),
    },
    newCategories: values
      .filter((r) => r.referenceCount === 0 && r.currentCount > 0)
      .map((r) => ({ value: label(r), count: r.currentCount, share: r.currentCount / nC })),
    vanished: values
      .filter((r) => r.currentCount === 0 && r.referenceCount > 0)
      .map((r) => ({ value: label(r), count: r.referenceCount, share: r.referenceCount / nR })),
  };
}
