// The top slices as the table, the chart and the headline see them: in the result's order, with
// the cohort each would set and whether it is the active one. Pure.
import type {
  Slice,
  SliceHistory,
  SlicesResult,
} from '../../../shared/analyses/slices/slices-result.ts';
import {
  nextTableSort,
  sortTableRows,
  type RowOrder,
  type TableSort,
} from '../../app/table-sort.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { sameCohort, sliceCohort } from './slice-cohort.ts';
import { sliceWords } from './slices-words.ts';

/** One top slice, as a row of the table and a point of the chart. */
export interface SliceLine {
  /** STATS.md's predicate text: unique among the slices. */
  key: string;
  /** Position in the result, best first (0-based; the table shows rank + 1). */
  rank: number;
  slice: Slice;
  /** "region = APAC and device = android". */
  words: string;
  /** The active cohort a click sets: the subset searched narrowed to the slice. */
  cohort: Predicate[];
  /** Whether the active cohort is this slice. */
  active: boolean;
  /** How it fared in the reference; null without a reference. */
  history: SliceHistory | null;
}

/** The result's slices, best first, each with its cohort within `where` and its active mark. */
export function sliceLines(
  result: Pick<SlicesResult, 'slices'>,
  where: readonly Predicate[],
  activeCohort: readonly Predicate[],
): SliceLine[] {
  return result.slices.map((slice, rank) => {
    const cohort = sliceCohort(where, slice);
    return {
      key: slice.text,
      rank,
      slice,
      words: sliceWords(slice),
      cohort,
      active: activeCohort.length > 0 && sameCohort(cohort, activeCohort),
      history: slice.reference?.history ?? null,
    };
  });
}

/** What the table can be sorted by; `rank` is the result's order (by score). */
export type SliceSortKey = 'rank' | 'size' | 'error' | 'lift' | 'score' | 'reference';

export type SliceSort = TableSort<SliceSortKey>;

export const defaultSliceSort: SliceSort = { key: 'rank', descending: false };

/** A click on a header: the same key flips the direction, a new measure starts highest first. */
export const nextSliceSort = (sort: SliceSort, key: SliceSortKey): SliceSort =>
  nextTableSort(sort, key, (k) => k !== 'rank');

const orders: Record<SliceSortKey, RowOrder<SliceLine>> = {
  rank: 'rank',
  size: { measure: (l) => l.slice.size },
  error: { measure: (l) => l.slice.error },
  lift: { measure: (l) => l.slice.lift },
  score: { measure: (l) => l.slice.score },
  reference: { measure: (l) => l.slice.reference?.error ?? null },
};

/** The lines in the chosen order; lines without the measure go last, ties keep the rank order. */
export function sortSliceLines(lines: readonly SliceLine[], sort: SliceSort): SliceLine[] {
  return sortTableRows(lines, sort, orders, (l) => l.rank);
}
