import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppState } from './AppContext.ts';
import { runningJobs } from './job-selectors.ts';
import { JobProgress } from './JobProgress.tsx';

/** The running jobs, each with its progress and a Cancel button; nothing when all is idle. */
export function JobBar() {
  const { store } = useApp();
  const jobs = useAppState(useShallow(runningJobs));
  if (jobs.length === 0) return null;
  return (
    <section className="job-bar" aria-label="Running jobs">
      <ul>
        {jobs.map((job) => (
          <JobProgress
            key={job.id}
            job={job}
            // Cancelling only marks the job; the session sees that and aborts the work.
            onCancel={() => store.getState().cancelJob(job.id)}
          />
        ))}
      </ul>
    </section>
  );
}
