import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../shared/analyses/canary/canary-guardrails.ts';
import {
  canarySha,
  investigated,
  julySha,
  productionSha,
  reopened,
  savedAt,
  trainingSha,
} from './test-fixtures.ts';
import { savedSources, workspaceOfState } from './workspace-of-state.ts';

describe('workspaceOfState', () => {
  it('lists every open file by side, in opening order, with its hash, size, rows and format', () => {
    const workspace = workspaceOfState(investigated().getState(), savedAt);
    expect(workspace.version).toBe(1);
    expect(workspace.saved_at).toBe(savedAt);
    expect(workspace.files).toEqual([
      {
        side: 'reference',
        name: 'training.parquet',
        path: null,
        sha256: trainingSha,
        size: 500,
        rows: 13_000,
        format: 'parquet',
      },
      {
        side: 'current',
        name: 'june.csv',
        path: null,
        sha256: productionSha,
        size: 900,
        rows: 12_000,
        format: 'csv',
      },
      {
        side: 'current',
        name: 'july.csv.gz',
        path: null,
        sha256: julySha,
        size: 300,
        rows: 14_000,
        format: 'csv',
      },
      {
        side: 'log',
        name: 'canary.parquet',
        path: null,
        sha256: canarySha,
        size: 700,
        rows: 13_000,
        format: 'parquet',
      },
    ]);
    expect(savedSources(investigated().getState()).map((s) => s.fileId)).toEqual([
      null,
      'grant_june_000000000',
      'grant_july_000000000',
      null,
    ]);
  });

  it('keeps corrections by side, the choices by view, pins, notes and the shown view', () => {
    const workspace = workspaceOfState(investigated().getState(), savedAt);
    expect(workspace.overrides).toEqual({
      current: { roles: { amount: 'score' }, kinds: { region: 'categorical' } },
      log: { roles: { model_version: 'model' } },
    });
    expect(workspace.canary).toMatchObject({
      baseline: 'v1',
      canary: 'v2',
      guardrails: { ...DEFAULT_GUARDRAILS, population_psi_max: 0.4, critical: ['recall'] },
    });
    expect(Object.keys(workspace.choices ?? {})).toEqual(['performance', 'calibration', 'slices']);
    expect(workspace.choices?.calibration).toEqual({
      bins: 15,
      strategy: 'quantile',
      by: 'region',
    });
    expect(workspace.pins).toHaveLength(1);
    expect(workspace.active_view).toBe('cohorts');
  });

  it('saves the view shown (the first available) when none was chosen', () => {
    const store = reopened();
    expect(workspaceOfState(store.getState(), savedAt).active_view).toBe('findings');
  });
});
