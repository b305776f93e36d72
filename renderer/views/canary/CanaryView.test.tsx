import { describe, expect, it, vi } from 'vitest';
import type { CanaryResult } from '../../../shared/analyses/canary/canary-result.ts';
import { CANARY_VIEW, requestKey } from '../../engine/session.ts';
import { createAppStore, type AppStore } from '../../store/store.ts';
import { makeDataset } from '../../store/test-fixtures.ts';
import { lastChart, renderedCharts } from '../drift/charts/plotly-chart-spy.tsx';
import { renderView } from '../performance/render-view.tsx';
import { canaryRequestOf } from './canary-request.ts';
import { CanaryView } from './CanaryView.tsx';
import { canaryFail, canaryInvalid, canaryLog } from './test-fixtures.ts';

vi.mock('../../charts/PlotlyChart.tsx', () => import('../drift/charts/plotly-chart-spy.tsx'));

/** A store with the canary log open and `result` cached for the view's request. */
function storeWith(result: CanaryResult | null): AppStore {
  const store = createAppStore();
  store.getState().addDataset(canaryLog());
  const request = canaryRequestOf(store.getState());
  if (request === null) throw new Error('no canary request');
  if (result !== null) {
    store.getState().setViewResult(CANARY_VIEW, requestKey(request), result, ['log']);
  }
  return store;
}

describe('CanaryView', () => {
  it('gives the verdict with its score and reasons, the checks by segment and the plots', () => {
    const html = renderView(CanaryView, storeWith(canaryFail()));
    expect(html).toContain('data-testid="canary-verdict">FAIL</strong>');
    expect(html).toContain('score 87.5 of 100, 7 of 8 checks passed');
    expect(html).toContain(
      '<li>recall on card_type = prepaid: failed<span class="critical-mark">critical</span></li>',
    );
    expect(html).toContain(
      'model_version v2 (the canary) against v1 (the baseline), in the log (log.csv)',
    );
    expect(html).toContain('6,500 baseline rows (v1), 6,500 canary rows (v2)');
    expect(html).toContain('0.012 → 0.034');
    expect(html).toContain('Not checked: success rate (no success or status column).');
    // The checks: a header per segment, then its checks, the failed one marked.
    expect(html).toContain('aria-label="Canary checks"');
    expect(html).toMatch(
      /data-segment="card_type = prepaid"><th scope="rowgroup" colSpan="10">card_type = prepaid<span class="muted group-words">1 of 2 checks passed<\/span>/i,
    );
    expect(html).toMatch(/<tr class="check-failed"[^>]*data-check="card_type = prepaid · recall"/);
    expect(html).toContain('<span class="check-result result-fail">FAIL</span>');
    expect(html).toContain('too small to judge');
    expect(html).toContain('aria-label="Make card_type = prepaid the active cohort"');
    // The forest plot starts on the first failing metric; the latency overlay; over time.
    expect(html).toContain('<option value="recall" selected="">recall</option>');
    expect(html).toContain('The red dashed line is the tolerance (3% drop)');
    expect(html).toContain('Failed: card_type = prepaid (−69.2%).');
    expect(renderedCharts.at(-2)?.ariaLabel).toContain('p99 111.8 ms → 123.4 ms');
    expect(lastChart().ariaLabel).toMatch(/^Scores of the baseline \(75\.6% at or below 0\.1/);
    expect(html).toContain('Scores, baseline against canary (beside the checks, not scored)');
    expect(html).toContain('aria-label="Checks per window"');
    expect(html).toContain('Each week of event_time judged on its own');
    // The controls: versions, segments (the default), design, windows and the guardrails.
    expect(html).toContain('<option value="v1" selected="">v1</option>');
    expect(html).toContain('every categorical input with 2 to 20 values (2)');
    expect(html).toContain('Guardrails (STATS.md defaults)');
    expect(html).toContain('aria-label="Guardrails"');
  });

  it('names the inputs whose population differs when INVALID', () => {
    const html = renderView(CanaryView, storeWith(canaryInvalid()));
    expect(html).toContain('data-testid="canary-verdict">INVALID</strong>');
    expect(html).toContain('class="canary-verdict verdict-invalid"');
    expect(html).toContain(
      'The populations differ: amount (PSI 0.41), region (PSI 0.23) are at or beyond the population guardrail (PSI 0.2).',
    );
  });

  it('says when there is no latency or time column', () => {
    const result = canaryFail();
    result.latency = null;
    delete result.timeline;
    renderedCharts.length = 0;
    const html = renderView(CanaryView, storeWith(result));
    expect(html).toContain('No latency column: latency is not compared.');
    expect(html).toContain('No time column: the checks are not made per window.');
    // The forest plot and the scores; no latency chart.
    expect(renderedCharts.map((c) => c.ariaLabel.slice(0, 6))).toEqual([
      expect.not.stringMatching(/^Latenc/),
      'Scores',
    ]);
  });

  it('marks a picked segment and keeps the comparison it came from', () => {
    const store = storeWith(canaryFail());
    store.getState().chooseCanary({
      picked: { from: [], cohort: [{ column: 'card_type', op: '=', value: 'prepaid' }] },
    });
    store.getState().setCohort([{ column: 'card_type', op: '=', value: 'prepaid' }]);
    const html = renderView(CanaryView, store);
    expect(html).toContain('<span class="active-mark">active cohort</span>');
    expect(html).toContain('Now: card_type = prepaid.');
    expect(html).not.toContain('Comparing within');
  });

  it('waits for a comparison within the cohort, saying so', () => {
    const store = storeWith(canaryFail());
    store.getState().setCohort([{ column: 'region', op: '=', value: 'APAC' }]);
    const html = renderView(CanaryView, store);
    expect(html).toContain('Measuring canary…');
    expect(html).toContain('Comparing within <strong>region = APAC</strong>, on both sides.');
  });

  it('says what to open without two versions or two datasets', () => {
    const store = createAppStore();
    store.getState().addDataset(makeDataset('reference', ['amount']));
    expect(renderView(CanaryView, store)).toContain(
      'Open a log with a model-version column holding two versions',
    );
  });
});
