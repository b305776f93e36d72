// A slice as the app's active cohort: the subset searched narrowed to the slice's rows.
import type { Slice } from '../../../shared/analyses/slices/slices-result.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import type { AppStore } from '../../store/store.ts';
import type { PickedSlice } from '../../store/slices-choices-slice.ts';

const predicateKey = (p: Predicate) => JSON.stringify([p.column, p.op, p.value]);

/** Whether two cohorts select the same rows by the same predicates, in any order. */
export function sameCohort(a: readonly Predicate[], b: readonly Predicate[]): boolean {
  const keys = (ps: readonly Predicate[]) => [...new Set(ps.map(predicateKey))].sort().join('\n');
  return keys(a) === keys(b);
}

/**
 * The cohort of a slice found within `where`: both, ANDed. Unlike a cohort picked in another view,
 * a predicate on the same column is kept, not replaced: the slice's bins were cut within `where`,
 * so an open-ended bin is only the slice together with it.
 */
export function sliceCohort(where: readonly Predicate[], slice: Pick<Slice, 'predicates'>) {
  const have = new Set(where.map(predicateKey));
  return [...where, ...slice.predicates.filter((p) => !have.has(predicateKey(p)))];
}

/**
 * The cohort a search runs within: the active cohort, unless it is a slice picked from a search
 * (then that search's cohort, so the list stays with the pick marked in it).
 */
export function searchedWithin(
  cohort: readonly Predicate[],
  picked: PickedSlice | null,
): Predicate[] {
  return picked !== null && sameCohort(picked.cohort, cohort) ? picked.from : [...cohort];
}

/** Makes a slice found within `where` the active cohort, remembering the search it came from. */
export function pickSlice(
  store: AppStore,
  where: readonly Predicate[],
  slice: Pick<Slice, 'predicates'>,
): void {
  const cohort = sliceCohort(where, slice);
  const s = store.getState();
  s.chooseSlices({ picked: { from: [...where], cohort } });
  s.setCohort(cohort);
}
