import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { makeDataset } from '../store/test-fixtures.ts';
import { fraudColumns, openLog } from './performance/test-fixtures.ts';
import { shownViewId, views } from './registry.ts';

describe('view registry', () => {
  it('gives every view its own id', () => {
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
  });

  it('shows no view until a dataset is open, then the chosen view or the first available', () => {
    const store = createAppStore();
    expect(shownViewId(store.getState())).toBeNull();
    store.getState().addDataset(makeDataset('reference', ['amount']));
    expect(shownViewId(store.getState())).toBe('dataset');
    store.getState().setActiveView('dataset');
    expect(shownViewId(store.getState())).toBe('dataset');
    // A view that is gone (or not available) falls back instead of leaving the page blank.
    store.getState().setActiveView('no-such-view');
    expect(shownViewId(store.getState())).toBe('dataset');
    store.getState().removeDataset('reference');
    expect(shownViewId(store.getState())).toBeNull();
  });

  it('offers Drift once a reference and a current dataset are both open', () => {
    const store = createAppStore();
    const drift = views.find((v) => v.id === 'drift');
    store.getState().addDataset(makeDataset('reference', ['amount']));
    expect(drift?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('current', ['amount']));
    expect(drift?.isAvailable(store.getState())).toBe(true);
    store.getState().setActiveView('drift');
    expect(shownViewId(store.getState())).toBe('drift');
  });

  it('puts Cohorts and Timeline right after Drift', () => {
    const ids = views.map((v) => v.id);
    const drift = ids.indexOf('drift');
    expect(ids.slice(drift, drift + 3)).toEqual(['drift', 'cohorts', 'timeline']);
  });

  it('offers Cohorts once a log is open, even one that lacks a role (the view says which)', () => {
    const store = createAppStore();
    const cohorts = views.find((v) => v.id === 'cohorts');
    expect(cohorts?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('log', ['amount'], 'log'));
    expect(cohorts?.isAvailable(store.getState())).toBe(true);
  });

  it('offers Timeline once the log has a time column', () => {
    const store = createAppStore();
    const timeline = views.find((v) => v.id === 'timeline');
    store.getState().addDataset(
      openLog(
        'current',
        fraudColumns().filter((c) => c.role !== 'time'),
      ),
    );
    expect(timeline?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(openLog('current'));
    expect(timeline?.isAvailable(store.getState())).toBe(true);
  });

  it('offers Calibration right after Timeline once a log is open, even one without a score', () => {
    const ids = views.map((v) => v.id);
    expect(ids.indexOf('calibration')).toBe(ids.indexOf('timeline') + 1);
    const store = createAppStore();
    const calibration = views.find((v) => v.id === 'calibration');
    expect(calibration?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('log', ['amount'], 'log'));
    expect(calibration?.isAvailable(store.getState())).toBe(true);
  });

  it('offers Slices right after Errors once a log is open, even one without a label', () => {
    const ids = views.map((v) => v.id);
    expect(ids.indexOf('slices')).toBe(ids.indexOf('errors') + 1);
    const store = createAppStore();
    const slices = views.find((v) => v.id === 'slices');
    expect(slices?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('log', ['amount'], 'log'));
    expect(slices?.isAvailable(store.getState())).toBe(true);
  });

  it('lands on Findings (Ctrl/Cmd+1) once a current log is open, not for a reference alone', () => {
    expect(views[0]?.id).toBe('findings');
    const store = createAppStore();
    store.getState().addDataset(makeDataset('reference', ['amount']));
    expect(shownViewId(store.getState())).toBe('dataset');
    store.getState().addDataset(makeDataset('current', ['amount']));
    expect(shownViewId(store.getState())).toBe('findings');
  });

  it('offers Canary last (Ctrl/Cmd+9) once any dataset is open: it says what else to open', () => {
    expect(views.at(-1)?.id).toBe('canary');
    expect(views.length).toBe(9);
    const store = createAppStore();
    const canary = views.find((v) => v.id === 'canary');
    expect(canary?.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('reference', ['amount']));
    expect(canary?.isAvailable(store.getState())).toBe(true);
  });
});
