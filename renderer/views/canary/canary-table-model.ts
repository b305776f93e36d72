// The checks as the table and the forest plot see them: grouped by segment (every row first,
// then the segments in the order their checks come, failures first), each group with its
// summary and the cohort a Filter would set. Pure.
import type {
  CanaryCheck,
  CanaryResult,
  CanarySegment,
} from '../../../shared/analyses/canary/canary-result.ts';
import {
  nextTableSort,
  sortTableRows,
  type RowOrder,
  type TableSort,
} from '../../app/table-sort.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { sameCohort, sliceCohort } from '../slices/slice-cohort.ts';

/** One check, as a row of the table. */
export interface CheckLine {
  /** The segment and the metric: unique among the checks. */
  key: string;
  /** Position in the result's checks (failed critical first, then other failures, the rest). */
  rank: number;
  check: CanaryCheck;
}

/** One segment's checks under their header. */
export interface CheckGroup {
  segment: CanarySegment;
  /** The segment's scored and passed checks, and whether it was too small to judge. */
  summary: CanaryResult['per_segment'][string] | null;
  lines: CheckLine[];
  /** The active cohort a Filter sets (the compared rows narrowed to the segment); null: all rows. */
  cohort: Predicate[] | null;
  /** Whether the active cohort is this segment. */
  active: boolean;
}

/** A check's key: "card_type = prepaid · recall". */
export const checkKey = (check: Pick<CanaryCheck, 'segment' | 'metric'>) =>
  `${check.segment.name} · ${check.metric}`;

/** The result's checks by segment: `all` first, then each segment where its first check comes. */
export function checkGroups(
  result: Pick<CanaryResult, 'checks' | 'per_segment'>,
  where: readonly Predicate[],
  activeCohort: readonly Predicate[],
): CheckGroup[] {
  const groups = new Map<string, CheckGroup>();
  result.checks.forEach((check, rank) => {
    const { segment } = check;
    let group = groups.get(segment.name);
    if (group === undefined) {
      const cohort = segment.column === null ? null : sliceCohort(where, segment);
      group = {
        segment,
        summary: result.per_segment[segment.name] ?? null,
        lines: [],
        cohort,
        active: cohort !== null && activeCohort.length > 0 && sameCohort(cohort, activeCohort),
      };
      groups.set(segment.name, group);
    }
    group.lines.push({ key: checkKey(check), rank, check });
  });
  const all = [...groups.values()];
  return [...all.filter((g) => g.cohort === null), ...all.filter((g) => g.cohort !== null)];
}

/** What the table can be sorted by, within each segment; `rank` is the result's order. */
export type CheckSortKey = 'rank' | 'relative' | 'p' | 'q';

export type CheckSort = TableSort<CheckSortKey>;

export const defaultCheckSort: CheckSort = { key: 'rank', descending: false };

/** A click on a header: the same key flips; a new one starts lowest first (largest drop, least p). */
export const nextCheckSort = (sort: CheckSort, key: CheckSortKey): CheckSort =>
  nextTableSort(sort, key, () => false);

const orders: Record<CheckSortKey, RowOrder<CheckLine>> = {
  rank: 'rank',
  relative: { measure: (l) => l.check.relative_delta },
  p: { measure: (l) => l.check.p },
  q: { measure: (l) => l.check.q },
};

/** Each group's lines in the chosen order; the groups keep theirs. */
export function sortCheckGroups(groups: readonly CheckGroup[], sort: CheckSort): CheckGroup[] {
  return groups.map((g) => ({ ...g, lines: sortTableRows(g.lines, sort, orders, (l) => l.rank) }));
}
