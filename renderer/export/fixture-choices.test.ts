import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/store.ts';
import { canaryLog } from '../views/canary/test-fixtures.ts';
import { openLog } from '../views/performance/test-fixtures.ts';
import { fixtureName, fixtureOrigins, fixtureRequestOf } from './fixture-choices.ts';

const apacAndroid = [
  { column: 'region', op: '=' as const, value: 'APAC' },
  { column: 'device', op: '=' as const, value: 'android' },
];

function opened() {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference'));
  store.getState().addDataset(openLog('current'));
  store.getState().addDataset(canaryLog());
  return store;
}

describe('fixture choices', () => {
  it("offers the investigated log against the reference, and the canary's baseline rows", () => {
    const s = opened().getState();
    const origins = fixtureOrigins(s.datasets, s.canaryChoices);
    expect(origins.map((o) => [o.id, o.log.side, o.reference?.side ?? null, o.only])).toEqual([
      ['log', 'current', 'reference', []],
      ['baseline', 'log', 'log', [{ column: 'model_version', op: '=', value: 'v1' }]],
    ]);
  });

  it("asks for a pinned slice within the baseline model, guarded by the baseline's own metrics there", () => {
    const store = opened();
    const s = store.getState();
    const baseline = fixtureOrigins(s.datasets, s.canaryChoices)[1];
    if (baseline === undefined) throw new Error('no baseline origin');
    const pin = {
      kind: 'slice' as const,
      name: 'region = APAC AND device = android',
      predicates: apacAndroid,
    };
    const request = fixtureRequestOf(baseline, { kind: 'pin', pin }, 'apac', s);
    expect(request.what).toEqual({
      kind: 'predicates',
      predicates: [{ column: 'model_version', op: '=', value: 'v1' }, ...apacAndroid],
      as: 'slice',
    });
    expect(request.reference).toEqual(request.log);
    expect(request.log.table).toBe('t_log');
  });

  it('keeps the confident errors within the active cohort', () => {
    const store = opened();
    store.getState().setCohort([{ column: 'region', op: '=', value: 'EU' }]);
    const s = store.getState();
    const log = fixtureOrigins(s.datasets, s.canaryChoices)[0];
    if (log === undefined) throw new Error('no log origin');
    const request = fixtureRequestOf(log, { kind: 'confident_errors', limit: 25 }, 'errors', s);
    expect(request.what).toEqual({
      kind: 'confident_errors',
      limit: 25,
      where: [{ column: 'region', op: '=', value: 'EU' }],
    });
    expect(request.referenceName).toBe(s.datasets.reference?.name);
  });

  it('names a fixture after its rows, as a file name', () => {
    const pin = { kind: 'cohort' as const, name: 'card_type = prepaid', predicates: [] };
    expect(fixtureName({ kind: 'pin', pin })).toBe('card-type-prepaid');
    expect(fixtureName({ kind: 'confident_errors', limit: 50 })).toBe('confident-errors-50');
  });
});
