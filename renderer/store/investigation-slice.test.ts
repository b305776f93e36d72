import { describe, expect, it } from 'vitest';
import type { Pin } from '../../shared/investigation/investigation.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

const apacAndroid: Pin = {
  kind: 'slice',
  name: 'region = APAC AND device = android',
  predicates: [
    { column: 'region', op: '=', value: 'APAC' },
    { column: 'device', op: '=', value: 'android' },
  ],
};

describe('investigation slice', () => {
  it('starts with nothing pinned and no notes', () => {
    const s = createAppStore().getState();
    expect(s.pins).toEqual([]);
    expect(s.notes).toBe('');
    expect(s.exporting).toBeNull();
    expect(s.evidenceColumn).toBeNull();
  });

  it('opens one export dialog at a time and closes it', () => {
    const store = createAppStore();
    store.getState().setExporting('report');
    store.getState().setExporting('fixtures');
    expect(store.getState().exporting).toBe('fixtures');
    store.getState().setExporting(null);
    expect(store.getState().exporting).toBeNull();
  });

  it('pins once by name, in order, and unpins by name; only its own keys change', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    const prepaid: Pin = {
      kind: 'cohort',
      name: 'card_type = prepaid',
      predicates: [{ column: 'card_type', op: '=', value: 'prepaid' }],
    };
    store.getState().pin(apacAndroid);
    store.getState().pin(prepaid);
    store.getState().pin(apacAndroid);
    expect(store.getState().pins.map((p) => p.name)).toEqual([apacAndroid.name, prepaid.name]);
    store.getState().unpin(apacAndroid.name);
    expect(store.getState().pins).toEqual([prepaid]);
    store.getState().setNotes('paged the fraud team');
    expect(changedKeys(before, store.getState()).sort()).toEqual(['notes', 'pins']);
  });

  it('keeps a copy: a caller mutating its predicates (or an IN list) cannot change the store', () => {
    const store = createAppStore();
    const values = ['APAC', 'EU'];
    const pin: Pin = {
      kind: 'cohort',
      name: 'region IN (APAC, EU)',
      predicates: [{ column: 'region', op: 'IN', value: values }],
    };
    store.getState().pin(pin);
    values.push('US');
    pin.predicates.push({ column: 'device', op: '=', value: 'ios' });
    expect(store.getState().pins[0]?.predicates).toEqual([
      { column: 'region', op: 'IN', value: ['APAC', 'EU'] },
    ]);
  });

  it('restores pins and notes from a workspace at once', () => {
    const store = createAppStore();
    store.getState().pin(apacAndroid);
    store.getState().restoreInvestigation([], 'reopened');
    expect(store.getState().pins).toEqual([]);
    expect(store.getState().notes).toBe('reopened');
  });
});
