import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARDRAILS } from '../../../shared/analyses/canary/canary-guardrails.ts';
import { createAppStore } from '../../store/store.ts';
import { canaryLog } from '../canary/test-fixtures.ts';
import { openLog } from '../performance/test-fixtures.ts';
import { investigateRequestOf } from './findings-request.ts';
import { showEvidence } from './show-evidence.ts';

const prepaid = [{ column: 'card_type', op: '=' as const, value: 'prepaid' }];

describe('investigateRequestOf', () => {
  it('asks for nothing until a log is open', () => {
    expect(investigateRequestOf(createAppStore().getState())).toBeNull();
  });

  it('investigates the current data against the reference, and the log as the canary', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current'));
    store.getState().addDataset(canaryLog());
    store.getState().setCohort(prepaid);
    store.getState().pin({ kind: 'cohort', name: 'card_type = prepaid', predicates: prepaid });
    store.getState().setCanaryGuardrails({ population_psi_max: 0.3 });
    expect(investigateRequestOf(store.getState())).toEqual({
      reference: { table: 't_reference', overrides: {} },
      current: { table: 't_current', overrides: {} },
      canary: {
        source: {
          kind: 'model_column',
          log: { table: 't_log', overrides: {} },
          column: 'model_version',
          baseline: 'v1',
          canary: 'v2',
        },
        guardrails: { ...DEFAULT_GUARDRAILS, population_psi_max: 0.3 },
      },
      where: prepaid,
      pinned: [{ kind: 'cohort', name: 'card_type = prepaid', predicates: prepaid }],
    });
  });

  it('has no canary without a model column holding two versions', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current'));
    const request = investigateRequestOf(store.getState());
    expect(request?.canary).toBeNull();
    expect(request?.reference).toEqual({ table: 't_reference', overrides: {} });
  });
});

describe('showEvidence', () => {
  it("opens the evidence's view and makes its rows the active cohort", () => {
    const store = createAppStore();
    showEvidence(store, { view: 'canary', cohort: prepaid });
    expect(store.getState().activeView).toBe('canary');
    expect(store.getState().cohort).toEqual(prepaid);
  });

  it('keeps the active cohort for evidence about every row', () => {
    const store = createAppStore();
    store.getState().setCohort(prepaid);
    showEvidence(store, { view: 'drift', column: 'amount' });
    expect(store.getState().activeView).toBe('drift');
    expect(store.getState().cohort).toEqual(prepaid);
    expect(store.getState().evidenceColumn).toBe('amount');
    showEvidence(store, { view: 'timeline' });
    expect(store.getState().evidenceColumn).toBeNull();
  });
});
