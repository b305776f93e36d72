import { formatProgressAmount, progressMax } from '../format/progress.ts';
import type { Job } from '../store/jobs-slice.ts';

/** One running job: what it is, where it is, a bar when the total is known, and Cancel. */
export function JobProgress({ job, onCancel }: { job: Job; onCancel: () => void }) {
  const progress = job.progress;
  const amount = progress === null ? '' : formatProgressAmount(progress);
  const max = progress === null ? null : progressMax(progress);
  return (
    <li className="job">
      <span className="job-label">{job.label}</span>
      {progress !== null && <span className="job-phase">{progress.phase}</span>}
      {amount !== '' && <span className="job-amount">{amount}</span>}
      {progress !== null && max !== null && (
        <progress value={Math.min(progress.done, max)} max={max} aria-label={job.label} />
      )}
      <button type="button" className="button-small" onClick={onCancel}>
        Cancel
      </button>
    </li>
  );
}
