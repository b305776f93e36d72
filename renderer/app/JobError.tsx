import type { FaultlineErrorData } from '../../shared/errors.ts';
import { formatCount } from '../format/numbers.ts';
import type { Job } from '../store/jobs-slice.ts';

function whereItFailed(error: FaultlineErrorData): string[] {
  const parts: string[] = [];
  if (error.file !== undefined) parts.push(`file ${error.file}`);
  if (error.line !== undefined) parts.push(`line ${formatCount(error.line)}`);
  if (error.column !== undefined) parts.push(`column ${error.column}`);
  return parts;
}

/** A failed job's error: what failed, the message, where (file, line, column), and Dismiss. */
export function JobError({ job, onDismiss }: { job: Job; onDismiss: () => void }) {
  const error = job.error;
  const where = error === null ? [] : whereItFailed(error);
  return (
    <div className="alert" role="alert">
      <div className="alert-body">
        <strong className="alert-title">{job.label} failed</strong>
        {error !== null && <p className="alert-message">{error.message}</p>}
        {where.length > 0 && <p className="alert-where">{where.join(' · ')}</p>}
      </div>
      <button type="button" className="button-small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
