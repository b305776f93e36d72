import type { Job } from '../store/jobs-slice.ts';
import type { AppState } from '../store/store.ts';

/** Jobs still at work, oldest first. Use with useShallow: the array is new on every call. */
export function runningJobs(state: AppState): Job[] {
  return Object.values(state.jobs).filter((job) => job.state === 'running');
}

/** Jobs that failed and are not dismissed yet, oldest first. Use with useShallow. */
export function failedJobs(state: AppState): Job[] {
  return Object.values(state.jobs).filter((job) => job.state === 'failed');
}
