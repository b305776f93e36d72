import { describePredicates } from '../format/predicates.ts';
import { useApp, useAppState } from './AppContext.ts';

/** The active cohort filter, which every view honours, and the way back to all rows. */
export function CohortBar() {
  const { store } = useApp();
  const cohort = useAppState((s) => s.cohort);
  if (cohort.length === 0) return null;
  return (
    <div className="cohort-bar" role="region" aria-label="Active cohort">
      <span className="cohort-label">Cohort</span>
      <span className="cohort-words" data-testid="active-cohort">
        {describePredicates(cohort)}
      </span>
      <button type="button" className="button-small" onClick={() => store.getState().clearCohort()}>
        Show all rows
      </button>
    </div>
  );
}
