import { describe, expect, it } from 'vitest';
import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { pickSlice } from './slice-cohort.ts';
import { slicesRequestOf, slicesWindowOf } from './slices-request.ts';
import { slicesSides } from './slices-sides.ts';
import { term, slice } from './test-fixtures.ts';

/** 2026-08-31 (a Monday) to 2026-10-25, as the samples' production log. */
const productionSpan: DatasetSchema['timeSpan'] = {
  start: Date.UTC(2026, 7, 31, 0, 12),
  end: Date.UTC(2026, 9, 25, 23, 50),
};

const withDevice = () => [...fraudColumns(), schemaColumn('device')];

/** A reference and a current log, the current one with a time span. */
function opened(reference = withDevice()): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference', reference));
  const current = openLog('current', withDevice());
  store.getState().addDataset({
    ...current,
    schema: { ...current.schema, timeSpan: productionSpan },
  });
  return store;
}

describe('slicesSides', () => {
  it('takes the performance views’ log and reference', () => {
    const sides = slicesSides(opened().getState().datasets);
    expect(sides?.log.id).toBe('current');
    expect(sides?.reference?.id).toBe('reference');
    expect(sides?.gaps).toEqual([]);
    expect(sides?.referenceLeftOut).toBeNull();
  });

  it('names what the log lacks: a label, or features to cut by', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        withDevice().filter((c) => c.role !== 'label'),
      ),
    );
    expect(slicesSides(store.getState().datasets)?.gaps[0]).toMatch(
      /^The log \(current\.csv\) has no label column/,
    );
    store.getState().addDataset(
      openLog(
        'current',
        fraudColumns().filter((c) => c.role !== 'feature'),
      ),
    );
    expect(slicesSides(store.getState().datasets)?.gaps).toEqual([
      'The log (current.csv) has no feature columns to search: set the role of the columns to cut it by to feature in the Dataset view.',
    ]);
  });

  it('leaves out a reference without a feature of the log, saying which', () => {
    const sides = slicesSides(opened(fraudColumns()).getState().datasets);
    expect(sides?.reference).toBeNull();
    expect(sides?.referenceLeftOut).toBe(
      "The reference (reference.csv) has no 'device': the slices are not compared with it.",
    );
  });
});

describe('slicesWindowOf', () => {
  it("lists the log's weeks (auto for 8 weeks) and finds the chosen one", () => {
    const sides = slicesSides(opened().getState().datasets);
    if (sides === null) throw new Error('no sides');
    const all = slicesWindowOf(sides, { windowUnit: 'auto', window: null });
    expect(all.windows).toHaveLength(8);
    expect(all.windows[0]).toEqual({ unit: 'week', start: '2026-08-31', end: '2026-09-07' });
    expect(all.windows.at(-1)).toEqual({ unit: 'week', start: '2026-10-19', end: '2026-10-26' });
    expect(all.window).toBeNull();
    const one = slicesWindowOf(sides, { windowUnit: 'week', window: '2026-09-21' });
    expect(one.window).toEqual({ unit: 'week', start: '2026-09-21', end: '2026-09-28' });
    // A start that is not a window of the unit is no window.
    expect(slicesWindowOf(sides, { windowUnit: 'month', window: '2026-09-21' }).window).toBeNull();
    expect(slicesWindowOf(sides, { windowUnit: 'month', window: '2026-09-01' }).windows).toEqual([
      { unit: 'month', start: '2026-08-01', end: '2026-09-01' },
      { unit: 'month', start: '2026-09-01', end: '2026-10-01' },
      { unit: 'month', start: '2026-10-01', end: '2026-11-01' },
    ]);
  });

  it('offers no window without a time column', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        withDevice().filter((c) => c.role !== 'time'),
      ),
    );
    const sides = slicesSides(store.getState().datasets);
    if (sides === null) throw new Error('no sides');
    expect(slicesWindowOf(sides, { windowUnit: 'auto', window: '2026-09-21' })).toEqual({
      windows: [],
      window: null,
    });
  });
});

describe('slicesRequestOf', () => {
  it('asks with the defaults, both sides and the active cohort', () => {
    const store = opened();
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    expect(slicesRequestOf(store.getState())).toEqual({
      log: { table: 't_current', overrides: {} },
      reference: { table: 't_reference', overrides: {} },
      alpha: 0.95,
      k: 10,
      maxLevel: 3,
      minSupport: null,
      window: null,
      where: [{ column: 'region', op: '=', value: 'APAC' }],
    });
    store.getState().chooseSlices({ k: 20, maxLevel: 2, alpha: 0.9, minSupport: 64 });
    expect(slicesRequestOf(store.getState())).toMatchObject({
      k: 20,
      maxLevel: 2,
      alpha: 0.9,
      minSupport: 64,
    });
  });

  it('searches one window of the log, its slices compared with the whole reference', () => {
    const store = opened();
    store.getState().chooseSlices({ window: '2026-10-19' });
    expect(slicesRequestOf(store.getState())).toMatchObject({
      reference: { table: expect.any(String) as string },
      window: { unit: 'week', start: '2026-10-19', end: '2026-10-26' },
    });
  });

  it('keeps searching where a picked slice came from while it is the cohort', () => {
    const store = opened();
    const apac = [{ column: 'region', op: '=' as const, value: 'APAC' }];
    store.getState().setCohort(apac);
    pickSlice(store, apac, slice([term('device', 'android')], 85, 37, 0.14));
    expect(store.getState().cohort).toEqual([
      ...apac,
      { column: 'device', op: '=', value: 'android' },
    ]);
    expect(slicesRequestOf(store.getState())?.where).toEqual(apac);
    // Another view narrows the cohort further: the search follows it.
    store.getState().setCohort([{ column: 'device', op: '=', value: 'ios' }]);
    expect(slicesRequestOf(store.getState())?.where).toEqual([
      { column: 'device', op: '=', value: 'ios' },
    ]);
    store.getState().clearCohort();
    expect(slicesRequestOf(store.getState())?.where).toEqual([]);
  });

  it('waits while the log lacks a role', () => {
    const store = createAppStore();
    store.getState().addDataset(
      openLog(
        'current',
        withDevice().filter((c) => c.role !== 'label'),
      ),
    );
    expect(slicesRequestOf(store.getState())).toBeNull();
  });
});
