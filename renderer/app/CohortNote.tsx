import { describePredicates } from '../format/predicates.ts';
import { useAppState } from './AppContext.ts';

/** Above a view's findings: the active cohort they are computed within, if there is one. */
export function CohortNote({ bothSides }: { bothSides: boolean }) {
  const cohort = useAppState((s) => s.cohort);
  if (cohort.length === 0) return null;
  return (
    <p className="cohort-note">
      Within the cohort <strong>{describePredicates(cohort)}</strong>
      {bothSides ? ', on both sides' : ''}.
    </p>
  );
}
