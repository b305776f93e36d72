import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../../shared/analyses/canary/canary-guardrails.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { fraudColumns, openLog } from '../performance/test-fixtures.ts';
import { canaryRequestOf, hasTimeColumn, segmentCandidates } from './canary-request.ts';
import { canarySides } from './canary-sides.ts';
import { pickSegment } from './pick-segment.ts';
import { canaryLog } from './test-fixtures.ts';

const prepaid = [{ column: 'card_type', op: '=' as const, value: 'prepaid' }];

/** The sample's three files: a reference and a current dataset, and the canary log. */
function opened(): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference'));
  store.getState().addDataset(openLog('current'));
  store.getState().addDataset(canaryLog());
  return store;
}

describe('canaryRequestOf', () => {
  it('splits the log by its model column, v1 the baseline and v2 the canary, by default', () => {
    const store = opened();
    expect(canaryRequestOf(store.getState())).toEqual({
      source: {
        kind: 'model_column',
        log: { table: 't_log', overrides: {} },
        column: 'model_version',
        baseline: 'v1',
        canary: 'v2',
      },
      by: null,
      design: 'auto',
      window: 'auto',
      guardrails: DEFAULT_GUARDRAILS,
      where: [],
    });
  });

  it('asks with the choices, the guardrails and the active cohort', () => {
    const store = opened();
    store.getState().chooseCanary({
      baseline: 'v2',
      canary: 'v1',
      by: ['card_type', 'gone'],
      design: 'split',
      window: 'week',
    });
    store.getState().setCanaryGuardrails({ critical: ['precision'] });
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(canaryRequestOf(store.getState())).toMatchObject({
      source: { baseline: 'v2', canary: 'v1' },
      // A chosen column the log no longer has is left out.
      by: ['card_type'],
      design: 'split',
      window: 'week',
      guardrails: { critical: ['precision'] },
      where: [{ column: 'region', op: '=', value: 'APAC' }],
    });
  });

  it('compares the current data with the reference when no log holds two versions', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current'));
    expect(canaryRequestOf(store.getState())?.source).toEqual({
      kind: 'files',
      baseline: { table: 't_reference', overrides: {} },
      canary: { table: 't_current', overrides: {} },
    });
    store.getState().removeDataset('reference');
    expect(canaryRequestOf(store.getState())).toBeNull();
  });

  it('keeps comparing where a picked segment came from while it is the cohort', () => {
    const store = opened();
    pickSegment(store, [], prepaid);
    expect(store.getState().cohort).toEqual(prepaid);
    expect(canaryRequestOf(store.getState())?.where).toEqual([]);
    store.getState().setCohort([{ column: 'device', op: '=', value: 'ios' }]);
    expect(canaryRequestOf(store.getState())?.where).toEqual([
      { column: 'device', op: '=', value: 'ios' },
    ]);
  });
});

describe('segment columns and windows', () => {
  it("offers the baseline's categorical inputs with 2 to 20 values, never the model column", () => {
    const sides = canarySides(opened().getState().datasets);
    if (sides === null) throw new Error('no sides');
    expect(segmentCandidates(sides)).toEqual(['region', 'card_type']);
    expect(hasTimeColumn(sides)).toBe(true);
  });

  it('offers no windows without a time column', () => {
    const store = createAppStore();
    const columns = fraudColumns().filter((c) => c.role !== 'time');
    store.getState().addDataset(openLog('reference', columns));
    store.getState().addDataset(openLog('current', columns));
    const sides = canarySides(store.getState().datasets);
    if (sides === null) throw new Error('no sides');
    expect(hasTimeColumn(sides)).toBe(false);
  });
});
