import { describe, expect, it } from 'vitest';
import { parseWorkspace, workspaceToJson } from '../../shared/workspace/workspace-file.ts';
import { defaultCalibrationChoices } from '../store/calibration-choices-slice.ts';
import { defaultCanaryChoices } from '../store/canary-choices-slice.ts';
import { defaultPerformanceChoices } from '../store/performance-choices-slice.ts';
import { defaultSlicesChoices } from '../store/slices-choices-slice.ts';
import { createAppStore } from '../store/store.ts';
import { makeDataset } from '../store/test-fixtures.ts';
import { restoreWorkspace } from './restore-workspace.ts';
import { investigated, investigation, reopened, savedAt } from './test-fixtures.ts';
import { workspaceOfState } from './workspace-of-state.ts';

describe('restoreWorkspace', () => {
  it('gives back the same investigation after a round trip through the file format', () => {
    const saved = investigated();
    const text = workspaceToJson(workspaceOfState(saved.getState(), savedAt));
    const store = reopened();
    restoreWorkspace(store, parseWorkspace(text, 'production.faultline.json'));
    expect(investigation(store.getState())).toEqual(investigation(saved.getState()));
  });

  it('puts back the defaults a workspace saved, over an investigation that was open', () => {
    const text = workspaceToJson(workspaceOfState(reopened().getState(), savedAt));
    const store = investigated();
    restoreWorkspace(store, parseWorkspace(text, 'plain.faultline.json'));
    const s = store.getState();
    expect(s.overrides).toEqual({});
    expect(s.cohort).toEqual([]);
    expect(s.canaryChoices).toEqual(defaultCanaryChoices);
    expect(s.pins).toEqual([]);
    expect(s.notes).toBe('');
    expect(s.activeView).toBe('findings');
  });

  it('takes each view choice it can read and puts the default back for the rest', () => {
    const workspace = parseWorkspace(
      JSON.stringify({
        version: 1,
        saved_at: savedAt,
        files: [],
        choices: {
          performance: { by: ['region'], metric: 7, window: 'fortnight', extra: true },
          slices: { k: 0, maxLevel: 2, alpha: 1.5, picked: { from: 'all' } },
          calibration: { bins: 1, strategy: 'quantile', by: ['region'] },
        },
        active_view: 'no-such-view',
      }),
      'edited.faultline.json',
    );
    const store = createAppStore();
    store.getState().setActiveView('drift');
    restoreWorkspace(store, workspace);
    const s = store.getState();
    expect(s.performanceChoices).toEqual({ ...defaultPerformanceChoices, by: ['region'] });
    expect(s.slicesChoices).toEqual({ ...defaultSlicesChoices, maxLevel: 2 });
    expect(s.calibrationChoices).toEqual({ ...defaultCalibrationChoices, strategy: 'quantile' });
    expect(s.activeView).toBe('drift');
  });

  it('restores corrections only for sides that are open', () => {
    const text = workspaceToJson(workspaceOfState(investigated().getState(), savedAt));
    const store = createAppStore();
    store.getState().addDataset(makeDataset('current', ['amount', 'region'], 'current'));
    restoreWorkspace(store, parseWorkspace(text, 'x.faultline.json'));
    expect(store.getState().overrides).toEqual({
      current: { roles: { amount: 'score' }, kinds: { region: 'categorical' } },
    });
  });
});
