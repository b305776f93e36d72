// How the Errors grid is ordered, and that order in words. Pure.
import type { ErrorsPageColumn } from '../../../shared/analyses/errors/errors-result.ts';
import type { ErrorsSort } from '../../../shared/analyses/errors/errors-spec.ts';
import type { Task } from '../../../shared/schema/task.ts';

/** Confident errors first; for regression, the largest errors first. */
export function defaultErrorsSort(task: Task | null): ErrorsSort {
  return { by: task === 'regression' ? 'error' : 'confidence', direction: 'desc' };
}

/** Computed values read best largest first; columns start from the lowest. */
const startsDescending = (by: string) => by === 'confidence' || by === 'error';

/** The sort after a click on the header of `by`: the same column flips, another one starts. */
export function nextErrorsSort(current: ErrorsSort, by: string): ErrorsSort {
  if (current.by === by) {
    return { by, direction: current.direction === 'desc' ? 'asc' : 'desc' };
  }
  return { by, direction: startsDescending(by) ? 'desc' : 'asc' };
}

/**
 * The order in words: "most confident first", "largest error first", "by amount, largest
 * first", "by merchant_category, A to Z". Without a confidence to rank by (no score column) every
 * row ties, and ties go by row: "in log order".
 */
export function sortWords(
  sort: ErrorsSort,
  columns: readonly ErrorsPageColumn[],
  hasConfidence: boolean,
): string {
  const desc = sort.direction === 'desc';
  if (sort.by === 'confidence') {
    if (!hasConfidence) return 'in log order';
    return desc ? 'most confident first' : 'least confident first';
  }
  if (sort.by === 'error') return desc ? 'largest error first' : 'smallest error first';
  const kind = columns.find((c) => c.name === sort.by)?.kind;
  const order =
    kind === 'numeric'
      ? desc
        ? 'largest first'
        : 'smallest first'
      : kind === 'datetime'
        ? desc
          ? 'latest first'
          : 'earliest first'
        : desc
          ? 'Z to A'
          : 'A to Z';
  return `by ${sort.by}, ${order}`;
}
