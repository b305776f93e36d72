import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { errorDetailRequestOf, errorsGaps, errorsRequestOf } from './errors-request.ts';

const sort = { by: 'confidence', direction: 'desc' } as const;

describe('errorsRequestOf', () => {
  it('lists the current data against the reference, within the cohort', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current'));
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const request = errorsRequestOf(store.getState(), sort);
    expect(request).toEqual({
      log: { table: 't_current', overrides: {} },
      reference: { table: 't_reference', overrides: {} },
      where: [{ column: 'region', op: '=', value: 'APAC' }],
      sort,
    });
    if (request === null) throw new Error('a request');
    expect(errorDetailRequestOf(request, 42)).toEqual({
      log: request.log,
      reference: request.reference,
      row: 42,
    });
  });

  it('lists a lone reference against itself', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    expect(errorsRequestOf(store.getState(), sort)?.reference).toBeNull();
  });

  it('names what the log lacks, whatever the reference lacks', () => {
    const store = createAppStore();
    const noRoles = fraudColumns().filter((c) => c.role !== 'prediction');
    store.getState().addDataset(openLog('reference', [schemaColumn('region')]));
    store.getState().addDataset(openLog('current', noRoles));
    expect(errorsRequestOf(store.getState(), sort)).toBeNull();
    const log = store.getState().datasets.current;
    if (log === undefined) throw new Error('a log');
    expect(errorsGaps({ log, reference: null })).toEqual([
      expect.stringMatching(/^The log \(current\.csv\) has no prediction or score column/),
    ]);
    store.getState().addDataset(openLog('current'));
    expect(errorsRequestOf(store.getState(), sort)).not.toBeNull();
  });
});
