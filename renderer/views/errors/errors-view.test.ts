import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/store.ts';
import { makeDataset } from '../../store/test-fixtures.ts';
import { views } from '../registry.ts';
import { errorsView } from './errors-view.ts';

describe('errorsView', () => {
  it('comes after Calibration', () => {
    const ids = views.map((v) => v.id);
    expect(ids.indexOf('errors')).toBe(ids.indexOf('calibration') + 1);
  });

  it('is offered once a log is open, even one that lacks a role (the view says which)', () => {
    const store = createAppStore();
    expect(errorsView.isAvailable(store.getState())).toBe(false);
    store.getState().addDataset(makeDataset('log', ['amount'], 'log'));
    expect(errorsView.isAvailable(store.getState())).toBe(true);
  });
});
