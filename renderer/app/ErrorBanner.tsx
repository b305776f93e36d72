import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppState } from './AppContext.ts';
import { failedJobs } from './job-selectors.ts';
import { JobError } from './JobError.tsx';

/** Every failed job's error until dismissed; what was already open stays open below. */
export function ErrorBanner() {
  const { store } = useApp();
  const jobs = useAppState(useShallow(failedJobs));
  if (jobs.length === 0) return null;
  return (
    <section className="error-banner" aria-label="Errors">
      {jobs.map((job) => (
        <JobError key={job.id} job={job} onDismiss={() => store.getState().dismissJob(job.id)} />
      ))}
    </section>
  );
}
