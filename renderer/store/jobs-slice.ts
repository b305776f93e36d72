import type { StateCreator } from 'zustand/vanilla';
import type { Progress } from '../../shared/engine/engine.ts';
import type { FaultlineErrorData } from '../../shared/errors.ts';
import { definedFields, withoutKey } from './plain-record.ts';
import type { AppState } from './store.ts';

/** Where a job is; only 'running' changes, the other three are final. */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A long task as plain data; its AbortController lives in engine/session.ts, not here. */
export interface Job {
  id: string;
  label: string;
  state: JobState;
  progress: Progress | null;
  error: FaultlineErrorData | null;
}

/** Running and finished jobs keyed by id, and the actions that move them along. */
export interface JobsSlice {
  jobs: Record<string, Job>;
  /** Adds a running job and returns its id. */
  startJob(label: string): string;
  /** Records the latest progress of a running job. */
  updateJobProgress(id: string, progress: Progress): void;
  /** Marks a running job done. */
  finishJob(id: string): void;
  /** Marks a running job failed, keeping the error for the UI to show. */
  failJob(id: string, error: FaultlineErrorData): void;
  /**
   * Marks a running job cancelled. It only changes data: engine/session.ts subscribes to the
   * store and aborts the job's work when it sees the state turn 'cancelled'.
   */
  cancelJob(id: string): void;
  /** Forgets a job that has ended (done, failed or cancelled), as when its error is dismissed. */
  dismissJob(id: string): void;
}

/** Deterministic job ids `job-1`, `job-2`, … counted per store, so tests can name them. */
export function jobIdCounter(prefix = 'job'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** The jobs slice with ids from `nextId`; writes only `jobs`. */
export function createJobsSlice(nextId: () => string): StateCreator<AppState, [], [], JobsSlice> {
  return (set) => {
    // A late progress report, or an abort's rejection after cancelJob, must not revive or
    // relabel a job that already ended, so every change applies to running jobs only; returning
    // the same state object makes zustand skip notifying subscribers.
    const whileRunning = (id: string, change: (job: Job) => Job) =>
      set((s) => {
        const job = s.jobs[id];
        if (job === undefined || job.state !== 'running') return s;
        return { jobs: { ...s.jobs, [id]: change(job) } };
      });
    return {
      jobs: {},
      startJob: (label) => {
        const id = nextId();
        const job: Job = { id, label, state: 'running', progress: null, error: null };
        set((s) => ({ jobs: { ...s.jobs, [id]: job } }));
        return id;
      },
      updateJobProgress: (id, progress) =>
        whileRunning(id, (job) => ({ ...job, progress: definedFields(progress) })),
      finishJob: (id) => whileRunning(id, (job) => ({ ...job, state: 'done' })),
      failJob: (id, error) =>
        whileRunning(id, (job) => ({ ...job, state: 'failed', error: definedFields(error) })),
      cancelJob: (id) => whileRunning(id, (job) => ({ ...job, state: 'cancelled' })),
      // A running job stays: its work would go on with no job left to show it or cancel it.
      dismissJob: (id) =>
        set((s) => {
          const job = s.jobs[id];
          if (job === undefined || job.state === 'running') return s;
          return { jobs: withoutKey(s.jobs, id) };
        }),
    };
  };
}
