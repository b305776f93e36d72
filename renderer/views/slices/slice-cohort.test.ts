import { describe, expect, it } from 'vitest';
import type { Predicate } from '../../engine/predicate-types.ts';
import { createAppStore } from '../../store/store.ts';
import { pickSlice, sameCohort, searchedWithin, sliceCohort } from './slice-cohort.ts';

const apac: Predicate = { column: 'region', op: '=', value: 'APAC' };
const android: Predicate = { column: 'device', op: '=', value: 'android' };
const above: Predicate = { column: 'amount', op: '>', value: 100 };
const bin: Predicate[] = [
  { column: 'amount', op: '>', value: 120 },
  { column: 'amount', op: '<=', value: 300 },
];

describe('slice cohort', () => {
  it('is the subset searched and the slice, ANDed, a shared predicate once', () => {
    expect(sliceCohort([], { predicates: [apac, android] })).toEqual([apac, android]);
    expect(sliceCohort([apac], { predicates: [apac, android] })).toEqual([apac, android]);
    // A bin cut within amount > 100 keeps it: the slice's rows are both.
    expect(sliceCohort([above], { predicates: bin })).toEqual([above, ...bin]);
  });

  it('compares cohorts by their predicates in any order', () => {
    expect(sameCohort([apac, android], [android, apac])).toBe(true);
    expect(sameCohort([apac], [apac, android])).toBe(false);
    expect(sameCohort([], [])).toBe(true);
    expect(
      sameCohort(
        [{ column: 'amount', op: '>', value: 1 }],
        [{ column: 'amount', op: '>', value: '1' }],
      ),
    ).toBe(false);
  });

  it('searches where a pick came from only while the cohort is still the pick', () => {
    const picked = { from: [apac], cohort: [apac, android] };
    expect(searchedWithin([android, apac], picked)).toEqual([apac]);
    expect(searchedWithin([apac], picked)).toEqual([apac]);
    expect(searchedWithin([android], picked)).toEqual([android]);
    expect(searchedWithin([android], null)).toEqual([android]);
  });

  it('a pick sets the active cohort and remembers the search it came from', () => {
    const store = createAppStore();
    store.getState().setCohort([apac]);
    pickSlice(store, [apac], { predicates: [android] });
    expect(store.getState().cohort).toEqual([apac, android]);
    expect(store.getState().slicesChoices.picked).toEqual({
      from: [apac],
      cohort: [apac, android],
    });
  });
});
