// The Errors view's header line: how many rows are wrong, of how many, in which cohort, in what
// order. Pure.
import type { ErrorsTask } from '../../../shared/analyses/errors/errors-spec.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import { describePredicates } from '../../format/predicates.ts';
import { MAX_GRID_ROWS } from './page-math.ts';

/** What the header line says. */
export interface ErrorsHeadlineFacts {
  task: ErrorsTask;
  /** Mispredictions in scope (regression: rows whose error is known). */
  total: number;
  rowsInScope: number;
  /** The active cohort; empty for every row. */
  cohort: readonly Predicate[];
  /** The order in words (sortWords). */
  order: string;
}

const plural = (n: number, one: string, many: string) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * "670 wrong predictions of 26,000 rows (2.6%), most confident first"; within a cohort, "54 wrong
 * predictions of 2,061 rows (2.6%) in the cohort region = APAC, most confident first". Regression
 * counts the rows whose error is known.
 */
export function errorsHeadline(facts: ErrorsHeadlineFacts): string {
  const { task, total, rowsInScope, cohort, order } = facts;
  const within = cohort.length > 0 ? ` in the cohort ${describePredicates(cohort)}` : '';
  const rows = plural(rowsInScope, 'row', 'rows');
  if (total === 0) {
    const none =
      task === 'regression' ? 'No predictions with a known error' : 'No wrong predictions';
    return `${none} among ${rows}${within}`;
  }
  const what =
    task === 'regression'
      ? plural(total, 'prediction with a known error', 'predictions with a known error')
      : plural(total, 'wrong prediction', 'wrong predictions');
  const share = rowsInScope > 0 ? ` (${formatPercent(total / rowsInScope)})` : '';
  return `${what} of ${rows}${share}${within}, ${order}`;
}

/** Said under the header when the grid cannot lay out every row (see MAX_GRID_ROWS). */
export function cappedNote(total: number): string | null {
  if (total <= MAX_GRID_ROWS) return null;
  return `The grid lists the first ${formatCount(MAX_GRID_ROWS)}; narrow them with a cohort or sort another way to reach the rest.`;
}
