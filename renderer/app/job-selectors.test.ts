import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { failedJobs, runningJobs } from './job-selectors.ts';

describe('job selectors', () => {
  it('split the jobs into running and failed, oldest first', () => {
    const store = createAppStore();
    const s = store.getState();
    const loadRef = s.startJob('load training.csv');
    const loadCur = s.startJob('load production.csv');
    const bad = s.startJob('load bad.csv');
    const later = s.startJob('load canary.csv');
    s.finishJob(loadRef);
    s.failJob(bad, { code: 'ragged_row', message: 'bad.csv line 3: 5 fields, expected 4' });
    s.cancelJob(later);
    const state = store.getState();
    expect(runningJobs(state).map((j) => j.id)).toEqual([loadCur]);
    expect(failedJobs(state).map((j) => j.id)).toEqual([bad]);
    s.dismissJob(bad);
    expect(failedJobs(store.getState())).toEqual([]);
  });
});
