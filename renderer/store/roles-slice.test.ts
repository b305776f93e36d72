import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('roles slice', () => {
  it('keeps roles and kinds per dataset in the SchemaOverrides shape', () => {
    const store = createAppStore();
    const { setRole, setKind } = store.getState();
    setRole('ref', 'y', 'label');
    setRole('ref', 'p', 'score');
    setKind('ref', 'zip', 'categorical');
    setRole('cur', 'y', 'feature');
    setRole('ref', 'p', 'prediction');
    expect(store.getState().overrides).toEqual({
      ref: { roles: { y: 'label', p: 'prediction' }, kinds: { zip: 'categorical' } },
      cur: { roles: { y: 'feature' } },
    });
  });

  it('clears one dataset and leaves the others', () => {
    const store = createAppStore();
    store.getState().setRole('ref', 'y', 'label');
    store.getState().setKind('cur', 'zip', 'text');
    store.getState().clearOverrides('ref');
    expect(store.getState().overrides).toEqual({ cur: { kinds: { zip: 'text' } } });
  });

  it("restores a dataset's earlier corrections, or none", () => {
    const store = createAppStore();
    store.getState().setRole('ref', 'y', 'label');
    const before = store.getState().overrides.ref;
    store.getState().setRole('ref', 'p', 'time');
    store.getState().restoreOverrides('ref', before);
    expect(store.getState().overrides).toEqual({ ref: { roles: { y: 'label' } } });
    store.getState().restoreOverrides('ref', undefined);
    expect(store.getState().overrides).toEqual({});
  });

  it('writes only the overrides key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().setRole('ref', 'y', 'label');
    store.getState().setKind('ref', 'y', 'categorical');
    store.getState().clearOverrides('ref');
    expect(changedKeys(before, store.getState())).toEqual(['overrides']);
  });
});
