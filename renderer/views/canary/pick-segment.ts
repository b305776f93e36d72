import type { Predicate } from '../../engine/predicate-types.ts';
import type { AppStore } from '../../store/store.ts';

/**
 * Makes a segment's cohort (the compared rows narrowed to it) the active cohort, remembering the
 * cohort the comparison ran within, so the view keeps showing that comparison with the segment
 * marked while every other view shows the segment.
 */
export function pickSegment(
  store: AppStore,
  where: readonly Predicate[],
  cohort: readonly Predicate[],
): void {
  const s = store.getState();
  s.chooseCanary({ picked: { from: [...where], cohort: [...cohort] } });
  s.setCohort(cohort);
}
