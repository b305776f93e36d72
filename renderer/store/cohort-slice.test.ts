import { describe, expect, it } from 'vitest';
import type { Predicate } from '../engine/predicate-types.ts';
import { createAppStore } from './store.ts';
import { changedKeys, dataRefs } from './test-fixtures.ts';

describe('cohort slice', () => {
  it('sets and clears the filter as predicates', () => {
    const store = createAppStore();
    const predicates: Predicate[] = [
      { column: 'region', op: 'IN', value: ['EU', 'APAC'] },
      { column: 'age', op: '>=', value: 30 },
    ];
    store.getState().setCohort(predicates);
    expect(store.getState().cohort).toEqual(predicates);
    store.getState().clearCohort();
    expect(store.getState().cohort).toEqual([]);
  });

  it("is not changed by later edits to the caller's array", () => {
    const store = createAppStore();
    const list = ['EU'];
    const predicates: Predicate[] = [{ column: 'region', op: 'IN', value: list }];
    store.getState().setCohort(predicates);
    list.push('US');
    predicates.push({ column: 'age', op: '>', value: 1 });
    expect(store.getState().cohort).toEqual([{ column: 'region', op: 'IN', value: ['EU'] }]);
  });

  it('writes only the cohort key', () => {
    const store = createAppStore();
    const before = dataRefs(store.getState());
    store.getState().setCohort([{ column: 'a', op: '=', value: null }]);
    store.getState().clearCohort();
    expect(changedKeys(before, store.getState())).toEqual(['cohort']);
  });
});
