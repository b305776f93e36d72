import { describe, expect, it } from 'vitest';
import type { FaultlineErrorData } from '../../shared/errors.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { jobIdCounter } from './jobs-slice.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

const loadError: FaultlineErrorData = {
  code: 'ragged_row',
  file: 'log.csv',
  line: 12,
  message: 'log.csv line 12: 5 fields, expected 4',
};

describe('jobs slice', () => {
  it('numbers jobs from the injected counter, per store', () => {
    const a = createAppStore();
    expect(a.getState().startJob('load ref')).toBe('job-1');
    expect(a.getState().startJob('load cur')).toBe('job-2');
    expect(createAppStore().getState().startJob('x')).toBe('job-1');
    const custom = createAppStore({ nextJobId: jobIdCounter('load') });
    expect(custom.getState().startJob('x')).toBe('load-1');
  });

  it('runs a job through progress to done', () => {
    const store = createAppStore();
    const id = store.getState().startJob('load ref.csv');
    expect(store.getState().jobs[id]).toEqual({
      id,
      label: 'load ref.csv',
      state: 'running',
      progress: null,
      error: null,
    });
    store
      .getState()
      .updateJobProgress(id, { phase: 'reading', done: 40, total: 100, unit: 'rows' });
    store.getState().finishJob(id);
    expect(store.getState().jobs[id]).toMatchObject({
      state: 'done',
      progress: { phase: 'reading', done: 40, total: 100, unit: 'rows' },
      error: null,
    });
  });

  it('keeps the error data of a failed job, as plain data', () => {
    const store = createAppStore();
    const id = store.getState().startJob('load log.csv');
    store.getState().failJob(id, new FaultlineError(loadError).toData());
    const job = store.getState().jobs[id];
    expect(job?.state).toBe('failed');
    expect(job?.error).toEqual(loadError);
    expect(job?.error).not.toBeInstanceOf(Error);
  });

  it('cancel only marks the state, and an ended job stays ended', () => {
    const store = createAppStore();
    const id = store.getState().startJob('load big.parquet');
    store.getState().cancelJob(id);
    // What the session does after aborting: a late progress report and the abort's rejection.
    store.getState().updateJobProgress(id, { phase: 'reading', done: 1 });
    store.getState().failJob(id, { code: 'cancelled', message: 'cancelled' });
    store.getState().finishJob(id);
    expect(store.getState().jobs[id]).toMatchObject({
      state: 'cancelled',
      progress: null,
      error: null,
    });
  });

  it('dismisses ended jobs only', () => {
    const store = createAppStore();
    const { startJob, finishJob, failJob, cancelJob, dismissJob } = store.getState();
    const done = startJob('load ref');
    finishJob(done);
    const failed = startJob('load bad');
    failJob(failed, loadError);
    const cancelled = startJob('load big');
    cancelJob(cancelled);
    const running = startJob('load cur');
    dismissJob(failed);
    expect(Object.keys(store.getState().jobs)).toEqual([done, cancelled, running]);
    dismissJob(done);
    dismissJob(cancelled);
    expect(Object.keys(store.getState().jobs)).toEqual([running]);
    const before = store.getState();
    dismissJob(running);
    dismissJob('job-99');
    expect(store.getState()).toBe(before);
    expect(store.getState().jobs[running]?.state).toBe('running');
  });

  it('ignores unknown ids and leaves out undefined progress fields', () => {
    const store = createAppStore();
    const before = store.getState();
    store.getState().finishJob('job-99');
    expect(store.getState()).toBe(before);
    const id = store.getState().startJob('x');
    store.getState().updateJobProgress(id, { phase: 'p', done: 1, total: undefined });
    expect(store.getState().jobs[id]?.progress).toStrictEqual({ phase: 'p', done: 1 });
  });

  it('writes only the jobs key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    const id = store.getState().startJob('x');
    store.getState().updateJobProgress(id, { phase: 'p', done: 1 });
    store.getState().cancelJob(id);
    store.getState().dismissJob(id);
    expect(changedKeys(before, store.getState())).toEqual(['jobs']);
  });
});
