import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { calibrationRequestOf } from './calibration-request.ts';
import { calibrationSides } from './calibration-sides.ts';

const score = () => schemaColumn('fraud_score', { role: 'score', kind: 'numeric', type: 'DOUBLE' });
const scored = () => [...fraudColumns(), score()];

describe('calibrationSides', () => {
  it("takes the performance views' log and reference", () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference', scored()));
    store.getState().addDataset(openLog('current', scored()));
    const sides = calibrationSides(store.getState().datasets);
    expect(sides?.log.id).toBe('current');
    expect(sides?.reference?.id).toBe('reference');
    expect(sides?.gaps).toEqual([]);
    expect(sides?.referenceLeftOut).toBeNull();
  });

  it('names what the log lacks: a label, a binary task, a score, a numeric score', () => {
    const gapOf = (columns = scored(), task: 'binary' | 'multiclass' = 'binary') => {
      const store = createAppStore();
      const log = openLog('current', columns);
      store.getState().addDataset({ ...log, schema: { ...log.schema, task } });
      return calibrationSides(store.getState().datasets)?.gaps;
    };
    expect(gapOf()).toEqual([]);
    expect(gapOf(scored().filter((c) => c.role !== 'label'))?.[0]).toMatch(
      /^The log \(current\.csv\) has no label column: calibration compares/,
    );
    expect(gapOf(scored(), 'multiclass')?.[0]).toMatch(
      /^The log \(current\.csv\) has a label that is not binary \(task: multiclass\)/,
    );
    expect(gapOf(fraudColumns())?.[0]).toBe(
      "The log (current.csv) has no score column: calibration needs the predicted probability of the positive class, not only a predicted label. Set a column's role to score in the Dataset view.",
    );
    expect(
      gapOf([
        ...fraudColumns(),
        schemaColumn('fraud_score', { role: 'score', type: 'VARCHAR' }),
      ])?.[0],
    ).toMatch(/has a score 'fraud_score' of type VARCHAR, not a number/);
  });

  it('leaves out a reference without a score, saying so', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference'));
    store.getState().addDataset(openLog('current', scored()));
    const sides = calibrationSides(store.getState().datasets);
    expect(sides?.reference).toBeNull();
    expect(sides?.gaps).toEqual([]);
    expect(sides?.referenceLeftOut).toMatch(
      /^The reference \(reference\.csv\) has no score column: .* Its curve is left out\.$/,
    );
  });
});

describe('calibrationRequestOf', () => {
  it('asks for the chosen bins and cohort column within the active cohort', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('reference', scored()));
    store.getState().addDataset(openLog('current', scored()));
    store.getState().setCohort([{ column: 'region', op: '=', value: 'EU' }]);
    expect(calibrationRequestOf(store.getState())).toEqual({
      log: { table: 't_current', overrides: {} },
      reference: { table: 't_reference', overrides: {} },
      bins: 10,
      strategy: 'uniform',
      by: [],
      where: [{ column: 'region', op: '=', value: 'EU' }],
    });
    store.getState().chooseCalibration({ bins: 15, strategy: 'quantile', by: 'region' });
    expect(calibrationRequestOf(store.getState())).toMatchObject({
      bins: 15,
      strategy: 'quantile',
      by: ['region'],
    });
  });

  it('drops a chosen column that can no longer be a cohort, and waits while the log lacks a score', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('current', scored()));
    store.getState().chooseCalibration({ by: 'fraud_score' });
    expect(calibrationRequestOf(store.getState())?.by).toEqual([]);
    expect(calibrationRequestOf(store.getState())?.reference).toBeNull();
    store.getState().addDataset(openLog('current'));
    expect(calibrationRequestOf(store.getState())).toBeNull();
  });
});
