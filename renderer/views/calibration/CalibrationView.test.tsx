import { describe, expect, it, vi } from 'vitest';
import type { CalibrationResult } from '../../../shared/analyses/calibration/calibration-result.ts';
import { CALIBRATION_VIEW, requestKey } from '../../engine/session.ts';
import type { CalibrationChoices } from '../../store/calibration-choices-slice.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { lastChart } from '../drift/charts/plotly-chart-spy.tsx';
import { renderView } from '../performance/render-view.tsx';
import { fraudColumns, openLog, schemaColumn } from '../performance/test-fixtures.ts';
import { calibrationRequestOf } from './calibration-request.ts';
import { CalibrationView } from './CalibrationView.tsx';
import { fraudCalibration } from './test-fixtures.ts';

vi.mock('../../charts/PlotlyChart.tsx', () => import('../drift/charts/plotly-chart-spy.tsx'));

const scored = () => [
  ...fraudColumns(),
  schemaColumn('fraud_score', { role: 'score', kind: 'numeric', type: 'DOUBLE' }),
];

/** A store with a reference and a current log, `choices` made, and `result` cached for them. */
function storeWith(
  result: CalibrationResult | null,
  choices: Partial<CalibrationChoices> = {},
): AppStore {
  const store = createAppStore();
  store.getState().addDataset(openLog('reference', scored()));
  store.getState().addDataset(openLog('current', scored()));
  store.getState().chooseCalibration(choices);
  const request = calibrationRequestOf(store.getState());
  if (request === null) throw new Error('no calibration request');
  if (result !== null) {
    store
      .getState()
      .setViewResult(CALIBRATION_VIEW, requestKey(request), result, ['reference', 'current']);
  }
  return store;
}

describe('CalibrationView', () => {
  it('says where the score is off, draws the diagram and lists the numbers', () => {
    const html = renderView(CalibrationView, storeWith(fraudCalibration(false)));
    expect(html).toContain(
      'aria-label="Calibration summary"><p>Over-confident above 0.5: in 4 bins the observed fraud rate is below the score beyond its 95% interval; ECE 0.043 vs 0.00045 in the reference.</p>',
    );
    expect(html).toContain('Reliability diagram of fraud_score');
    expect(html).toContain('aria-label="Calibration numbers"');
    expect(html).toContain('Reference <span class="side-name">reference.csv</span>');
    expect(html).toContain('aria-label="Reliability bins of the log"');
    // The Brier score's residual, signed: Brier − (REL − RES + UNC).
    expect(html).toMatch(/data-measure="residual".*?data-side="log">−0\.027</);
    expect(html).toMatch(/data-bin="\(0\.7, 0\.8\]".*?<strong[^>]*>over-confident<\/strong>/);
    expect(html).toContain('<option value="10" selected="">10</option>');
    expect(html).toContain('<option value="uniform" selected="">equal width</option>');
    expect(html).not.toContain('aria-label="Calibration by');
  });

  it('lists the cohorts with Filter buttons, and a Filter or a curve point sets the cohort', () => {
    const store = storeWith(fraudCalibration(), { by: 'region' });
    const html = renderView(CalibrationView, store);
    expect(html).toContain('aria-label="Calibration by region"');
    expect(html).toContain('aria-label="Make region = APAC the active cohort"');
    expect(html).toContain('<option value="region" selected="">region</option>');
    // A point of EU's curve (customdata: its rank) makes EU the cohort.
    lastChart().onPointClick?.({ curveNumber: 4, pointIndex: 0, customdata: 1 });
    expect(store.getState().cohort).toEqual([{ column: 'region', op: '=', value: 'EU' }]);
    // The log's own points carry no cohort.
    lastChart().onPointClick?.({ curveNumber: 2, pointIndex: 0 });
    expect(store.getState().cohort).toEqual([{ column: 'region', op: '=', value: 'EU' }]);
  });

  it('waits for a result not computed yet, and says the cohort it is computed within', () => {
    const store = storeWith(fraudCalibration());
    store.getState().chooseCalibration({ strategy: 'quantile' });
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const html = renderView(CalibrationView, store);
    expect(html).toContain('Measuring calibration…');
    expect(html).toContain('Within the cohort <strong>region = APAC</strong>, on both sides.');
  });

  it('names the missing score instead of running', () => {
    const store = createAppStore();
    store.getState().addDataset(openLog('current'));
    const html = renderView(CalibrationView, store);
    expect(html).toContain('The log (current.csv) has no score column');
    expect(html).not.toContain('Measuring calibration');
  });
});
