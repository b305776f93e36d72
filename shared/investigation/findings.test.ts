// The findings' rules on hand-built investigations: nothing ran, nothing wrong, no label; each
// kind's thresholds and words; what is never a finding (too small, not significant, the score's
// drift); folding a failure seen twice; the ranking.
import { describe, expect, it } from 'vitest';
import type { Predicate } from '../sql/predicate.ts';
import type { Finding } from './finding.ts';
import { findingsOf } from './findings.ts';
import { summarizeFindings } from './findings-summary.ts';
import {
  calibration,
  calibrationBin,
  canary,
  canaryCheck,
  cohort,
  drift,
  driftColumn,
  emptyInvestigation,
  performance,
  slice,
  slices,
  window,
  type Counts,
} from './test-fixtures.ts';

const is = (column: string, value: string): Predicate => ({ column, op: '=', value });
const apac = is('region', 'APAC');
const android = is('device', 'android');
const reference: Counts = { n: 2000, positives: 100, tp: 60, predicted: 70 };
const unchanged = performance(reference, reference, 1);
const byKind = (findings: Finding[], kind: Finding['kind']) =>
  findings.filter((f) => f.kind === kind);

describe('findingsOf on investigations with nothing to say', () => {
  it('finds nothing when nothing ran, and the summary says what could not run', () => {
    const investigation = emptyInvestigation({
      reference: null,
      skipped: [
        { section: 'drift', reason: 'drift: no reference to compare the current data with' },
      ],
    });
    const findings = findingsOf(investigation);
    expect(findings).toEqual([]);
    const summary = summarizeFindings(findings, investigation);
    expect(summary).toMatchObject({ status: 'healthy', what: null, who: null, since: null });
    expect(summary.headline).toBe(
      'Healthy: no analysis finds the model worse in its own data (not run: drift).',
    );
  });

  it('says a passing canary plainly, as a low finding that leaves the status healthy', () => {
    const passing = canary('PASS', [
      canaryCheck([], { metric: 'recall', baseline: 0.6, canary: 0.61, passed: true }),
      canaryCheck([apac], { metric: 'recall', baseline: 0.6, canary: 0.6, passed: true }),
    ]);
    const investigation = emptyInvestigation({
      performance: unchanged,
      drift: drift([driftColumn('amount'), driftColumn('region')]),
      calibration: calibration(
        [calibrationBin(0, 900, 9, 0.01), calibrationBin(9, 100, 95, 0.96)],
        0.01,
      ),
      canary: passing,
    });
    const findings = findingsOf(investigation);
    expect(findings.map((f) => [f.kind, f.severity, f.title])).toEqual([
      [
        'canary',
        'low',
        'Canary model_version v2 passes against v1 (score 100, 2 of 2 checks passed)',
      ],
    ]);
    const summary = summarizeFindings(findings, investigation);
    expect(summary.status).toBe('healthy');
    expect(summary.headline).toContain('canary model_version v2 passes against v1');
  });

  it('without a label: drift alone speaks, never higher than medium without impact', () => {
    const findings = findingsOf(
      emptyInvestigation({
        drift: drift([driftColumn('amount', { psi: 0.5, band: 'significant', since: null })]),
        skipped: [{ section: 'performance', reason: 'performance: no label column in the log' }],
      }),
    );
    expect(findings.map((f) => [f.id, f.severity, f.title])).toEqual([
      ['drift:amount', 'medium', 'amount drifted (PSI 0.5, significant)'],
    ]);
  });
});

describe('performance and cohort findings', () => {
  // 35 of 240 positives caught from 2026-01-12 on, against 60 of 100 in the reference.
  const collapse = cohort(
    [apac, android],
    { n: 4000, positives: 300, tp: 75, predicted: 90 },
    reference,
    1e-9,
    {
      windows: [
        window('2026-01-05', { n: 1000, positives: 60, tp: 40, predicted: 45 }),
        window('2026-01-12', { n: 1000, positives: 80, tp: 10, predicted: 15 }),
        window('2026-01-19', { n: 2000, positives: 160, tp: 25, predicted: 30 }),
      ],
      since: '2026-01-12',
    },
  );
  const coarser = cohort(
    [apac],
    { n: 6000, positives: 400, tp: 150, predicted: 170 },
    reference,
    1e-5,
  );
  const web = cohort(
    [is('channel', 'web')],
    { n: 3000, positives: 100, tp: 51, predicted: 60 },
    reference,
    0.01,
  );
  const tooSmall = cohort(
    [is('device', 'ios')],
    { n: 20, positives: 4, tp: 0, predicted: 0 },
    reference,
    1e-4,
  );
  const notSignificant = cohort(
    [is('channel', 'phone')],
    { n: 3000, positives: 100, tp: 40, predicted: 45 },
    reference,
    0.2,
  );

  it('quotes a cohort since its onset: the windows from then on, k summed over n', () => {
    const findings = findingsOf(
      emptyInvestigation({
        performance: unchanged,
        cohorts: [collapse, coarser, web, tooSmall, notSignificant],
      }),
    );
    const cohorts = byKind(findings, 'cohort');
    expect(cohorts.map((f) => [f.severity, f.title])).toEqual([
      [
        'critical',
        'Recall fell from 0.60 to 0.15 for region = APAC AND device = android since 2026-01-12 (240 frauds)',
      ],
      ['medium', 'Recall fell from 0.60 to 0.51 for channel = web (100 frauds)'],
    ]);
    const [first] = cohorts;
    expect(first?.numbers).toMatchObject({
      k: 35,
      n: 240,
      value: 35 / 240,
      baseline: 0.6,
      since: '2026-01-12',
    });
    expect(first?.numbers.magnitude).toBeCloseTo(1 - 35 / 240 / 0.6, 12);
    expect(first?.who).toEqual([apac, android]);
    expect(first?.evidence).toEqual({ view: 'cohorts', cohort: [apac, android] });
  });

  it('grades cohorts by relative drop: 50% critical, 20% high, else medium', () => {
    const at = (tp: number) =>
      cohort(
        [is('c', String(tp))],
        { n: 2000, positives: 100, tp, predicted: tp + 5 },
        reference,
        1e-6,
      );
    const findings = findingsOf(
      emptyInvestigation({ cohorts: [at(30), at(29), at(48), at(47), at(49)] }),
    );
    // 30/100 against 0.6 is exactly a 50% drop; 48 exactly 20%.
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['cohort:c = 29', 'critical'],
      ['cohort:c = 30', 'critical'],
      ['cohort:c = 47', 'high'],
      ['cohort:c = 48', 'high'],
      ['cohort:c = 49', 'medium'],
    ]);
  });

  it('names at most five cohorts, and none with q at or above 0.05 or too small to judge', () => {
    const many = Array.from({ length: 7 }, (_, i) =>
      cohort(
        [is('c', `v${i}`)],
        { n: 2000, positives: 100, tp: 20 + i, predicted: 30 },
        reference,
        1e-6,
      ),
    );
    const qHigh = { ...web, delta: web.delta ? { ...web.delta } : null };
    if (qHigh.delta) {
      qHigh.delta.metrics = {
        ...qHigh.delta.metrics,
        recall: { ...qHigh.delta.metrics.recall, q: 0.05 },
      };
    }
    expect(byKind(findingsOf(emptyInvestigation({ cohorts: many })), 'cohort')).toHaveLength(5);
    expect(findingsOf(emptyInvestigation({ cohorts: [qHigh, tooSmall, notSignificant] }))).toEqual(
      [],
    );
  });

  it('grades the overall drop: critical from 20%, else high; nothing without a reference', () => {
    const big = performance({ n: 4000, positives: 200, tp: 90, predicted: 100 }, reference, 1e-5);
    const small = performance(
      { n: 4000, positives: 200, tp: 110, predicted: 120 },
      reference,
      0.01,
    );
    const [critical] = findingsOf(emptyInvestigation({ performance: big }));
    expect(critical).toMatchObject({
      kind: 'performance',
      severity: 'critical',
      title: 'Recall fell from 0.60 to 0.45 overall (200 frauds)',
      since: null,
      who: null,
      evidence: { view: 'timeline' },
    });
    expect(findingsOf(emptyInvestigation({ performance: small }))[0]?.severity).toBe('high');
    const noReference = { ...big, overall: { ...big.overall } };
    delete noReference.overall.delta;
    expect(findingsOf(emptyInvestigation({ performance: noReference }))).toEqual([]);
  });

  it('names the top weak slices once: broke high, otherwise medium, never the cohort again', () => {
    const crypto = [is('merchant_category', 'crypto')];
    const night = [is('hour', '3')];
    const findings = findingsOf(
      emptyInvestigation({
        cohorts: [collapse],
        slices: slices([
          slice([apac, android], 4000, 0.3, 'broke'),
          slice(crypto, 500, 0.2, 'broke'),
          slice(night, 400, 0.1, 'always_hard'),
          slice([is('channel', 'web')], 300, 0.4, 'broke'),
        ]),
      }),
    );
    expect(byKind(findings, 'slice').map((f) => [f.severity, f.title, f.who])).toEqual([
      [
        'high',
        'The model errs on 20.0% of merchant_category = crypto (500 rows), 4.0× the overall rate, up from 5.0% in the reference',
        crypto,
      ],
      [
        'medium',
        'The model errs on 10.0% of hour = 3 (400 rows), 2.0× the overall rate, as in the reference',
        night,
      ],
    ]);
  });
});

describe('drift, missing, new-category and label-shift findings', () => {
  const amount = driftColumn('amount', {
    kind: 'numeric',
    psi: 0.8,
    band: 'significant',
    since: '2026-02-02',
    bins: {
      mode: 'quantile',
      edges: [10, 20],
      categories: null,
      pooled: 0,
      reference_counts: [330, 330, 340],
      current_counts: [100, 200, 700],
      p: [0.33, 0.33, 0.34],
      q: [0.1, 0.2, 0.7],
    },
    impact: {
      lift: 2,
      bin: '(20, +inf]',
      index: 2,
      bins: [
        {
          index: 0,
          label: '(-inf, 10]',
          rows: 100,
          errors: 2,
          error_rate: { value: 0.02, low: 0.005, high: 0.07 },
          lift: 0.4,
        },
        {
          index: 2,
          label: '(20, +inf]',
          rows: 700,
          errors: 70,
          error_rate: { value: 0.1, low: 0.08, high: 0.124 },
          lift: 2,
        },
      ],
    },
  });
  // Errors concentrate in a value whose share fell: drift and errors do not meet.
  const merchant = driftColumn('merchant_category', {
    psi: 0.3,
    band: 'significant',
    since: '2026-01-26',
    new_categories: [
      { value: 'crypto', count: 40, share: 0.04 },
      { value: 'vr', count: 5, share: 0.005 },
    ],
    bins: {
      mode: 'categorical',
      edges: null,
      categories: ['food', 'travel', 'crypto'],
      pooled: 0,
      reference_counts: [600, 400, 0],
      current_counts: [300, 660, 40],
      p: [0.6, 0.4, 0],
      q: [0.3, 0.66, 0.04],
    },
    impact: {
      lift: 2,
      bin: 'food',
      index: 0,
      bins: [
        {
          index: 0,
          label: 'food',
          rows: 300,
          errors: 30,
          error_rate: { value: 0.1, low: 0.07, high: 0.14 },
          lift: 2,
        },
      ],
    },
  });
  const channel = driftColumn('channel', { psi: 0.15, band: 'moderate' });
  const score = driftColumn('fraud_score', {
    role: 'score',
    kind: 'numeric',
    psi: 4,
    band: 'significant',
  });
  const distance = driftColumn('distance_km', {
    kind: 'numeric',
    missing: {
      reference: 0,
      current: 0.2,
      shifted: true,
      delta: 0.2,
      z: 20,
      p: 1e-30,
      q: 1e-29,
      since: '2026-03-02',
    },
  });
  const labelShift = (band: 'stable' | 'significant', psi: number) =>
    driftColumn('is_fraud', {
      role: 'label',
      psi,
      band,
      chi2: { stat: 30, dof: 1, p: 1e-7, q: 1e-6 },
      bins: {
        mode: 'categorical',
        edges: null,
        categories: [0, 1],
        pooled: 0,
        reference_counts: [970, 30],
        current_counts: [950, 50],
        p: [0.97, 0.03],
        q: [0.95, 0.05],
      },
    });
  const table = drift([amount, merchant, channel, score, distance, labelShift('stable', 0.01)], {
    rows: 1000,
    errors: 50,
  });
  table.window = {
    column: 't',
    unit: 'week',
    requested: 'auto',
    span_days: 60,
    min_values: 30,
    rows_without_time: 0,
  };
  table.timeline = ['2026-02-23', '2026-03-02', '2026-03-09'].map((w, i) => ({
    window: w,
    rows: 100,
    columns: [
      {
        name: 'distance_km',
        psi: 0.01,
        band: 'stable',
        missing_rate: [0, 0.3, 0.35][i] ?? null,
        n: 100,
      },
    ],
  }));
  const findings = findingsOf(emptyInvestigation({ performance: unchanged, drift: table }));
  const titled = (f: Finding) => [f.id, f.severity, f.title, f.since];

  it('grades drift by whether the errors sit where the column moved; a moderate band is low', () => {
    expect(byKind(findings, 'drift').map(titled)).toEqual([
      [
        'drift:amount',
        'high',
        'amount drifted (PSI 0.8, significant) since 2026-02-02; errors concentrate in its top bin (> 20)',
        '2026-02-02',
      ],
      [
        'drift:merchant_category',
        'medium',
        'merchant_category drifted (PSI 0.3, significant) since 2026-01-26',
        '2026-01-26',
      ],
      [
        'drift:channel',
        'low',
        'channel shifted moderately (PSI 0.15, under the 0.2 that counts as drift)',
        null,
      ],
    ]);
    expect(findings.find((f) => f.id === 'drift:amount')?.evidence).toEqual({
      view: 'drift',
      column: 'amount',
    });
  });

  it("never makes a drift finding of the model's score", () => {
    expect(findings.some((f) => f.evidence.column === 'fraud_score')).toBe(false);
  });

  it('names a missing-rate jump with the rates of the windows since its onset', () => {
    expect(byKind(findings, 'missing').map(titled)).toEqual([
      [
        'missing:distance_km',
        'high',
        'distance_km is missing in 30.0–35.0% of rows each week since 2026-03-02 (0.0% in the reference)',
        '2026-03-02',
      ],
    ]);
  });

  it('names new values from 1% of the current values, with their shares', () => {
    expect(byKind(findings, 'new_category').map(titled)).toEqual([
      [
        'new_category:merchant_category',
        'medium',
        'merchant_category has a new value never seen in the reference: crypto (4.0% of current values); the column drifted since 2026-01-26',
        '2026-01-26',
      ],
    ]);
  });

  it("names the label's shift by its base rates: medium when only the test moved, high when the band did", () => {
    expect(byKind(findings, 'label_shift').map(titled)).toEqual([
      [
        'label_shift:is_fraud',
        'medium',
        'The fraud rate rose from 3.0% in the reference to 5.0% in the current data (is_fraud: chi-square q = 1e-6; PSI 0.01, stable)',
        null,
      ],
    ]);
    const significant = findingsOf(
      emptyInvestigation({
        performance: unchanged,
        drift: drift([labelShift('significant', 0.25)]),
      }),
    );
    expect(significant.map((f) => [f.kind, f.severity])).toEqual([['label_shift', 'high']]);
  });
});

describe('calibration findings', () => {
  // Observed 0.1 at a mean score of 0.02 (900 rows), 0.5 at 0.95 (100 rows): ECE 0.117.
  const off = [calibrationBin(0, 900, 90, 0.02), calibrationBin(9, 100, 50, 0.95)];
  const one = (referenceEce: number | null, bins = off) =>
    findingsOf(emptyInvestigation({ calibration: calibration(bins, referenceEce) }));

  it('is high from ECE 0.05 at twice the reference, saying where observed misses the scores', () => {
    const [finding] = one(0.01);
    expect(finding).toMatchObject({
      severity: 'high',
      title:
        'fraud_score is miscalibrated (ECE 0.117, 0.010 in the reference): the observed fraud rate sits above the scores in [0, 0.1] and below the scores in (0.9, 1]',
      evidence: { view: 'calibration' },
    });
    expect(finding?.numbers.ece).toBeCloseTo(0.9 * 0.08 + 0.1 * 0.45, 12);
    expect(finding?.numbers.direction).toBe('mixed');
  });

  it('is medium from ECE 0.02 above the reference, or under twice it; none at or below it', () => {
    expect(one(0.07)[0]?.severity).toBe('medium');
    expect(one(null)[0]?.severity).toBe('medium');
    expect(one(0.2)).toEqual([]);
    // Observed 0.031 at 0.01 over every row: ECE 0.021, the scores too low; 0.029 gives 0.019.
    const low = [calibrationBin(0, 1000, 31, 0.01)];
    expect(one(0.001, low).map((f) => [f.severity, f.numbers.direction])).toEqual([
      ['medium', 'above'],
    ]);
    expect(one(0.001, [calibrationBin(0, 1000, 29, 0.01)])).toEqual([]);
  });
});

describe('canary findings', () => {
  const prepaid = [is('card_type', 'prepaid')];
  const failed = canaryCheck(prepaid, {
    metric: 'recall',
    baseline: 0.7,
    canary: 0.2,
    counts: { baseline: [14, 20], canary: [5, 25] },
    passed: false,
    reason:
      'card_type = prepaid: recall fell from 0.7000 to 0.2000 (-71.4%, beyond the 3% tolerance), q = 0.002 < 0.05',
  });
  const fine = canaryCheck([], { metric: 'recall', baseline: 0.6, canary: 0.62, passed: true });

  it('FAIL is critical, titled by the failed check, its segment the evidence', () => {
    const [finding] = findingsOf(
      emptyInvestigation({ performance: unchanged, canary: canary('FAIL', [failed, fine]) }),
    );
    expect(finding).toMatchObject({
      severity: 'critical',
      title:
        'Canary model_version v2 fails against v1: recall fell from 0.70 to 0.20 for card_type = prepaid (25 frauds in the canary)',
      who: prepaid,
      evidence: { view: 'canary', cohort: prepaid },
    });
  });

  it('INVALID is critical, naming the inputs that moved; MARGINAL is high', () => {
    const invalid = canary('INVALID', [fine], {
      population: {
        psi: 0.7,
        valid: false,
        columns: [{ name: 'amount', kind: 'numeric', psi: 0.7, band: 'significant' }],
        invalid_columns: ['amount'],
      },
    });
    expect(findingsOf(emptyInvestigation({ canary: invalid }))[0]).toMatchObject({
      severity: 'critical',
      title:
        'Canary model_version v2 cannot be judged against v1: the two did not see the same traffic (amount PSI 0.7)',
      who: null,
      evidence: { view: 'canary' },
    });
    const marginal = canary('MARGINAL', [{ ...failed, critical: false }, fine]);
    expect(findingsOf(emptyInvestigation({ canary: marginal }))[0]?.severity).toBe('high');
  });
});

describe('the ranking', () => {
  it('puts the drop that cost more rows first, whatever the percentages', () => {
    // fuel: recall 0.6 -> 0 on 20 frauds (12 missed beyond the baseline rate);
    // android: 0.6 -> 0.1 on 200 frauds (100 missed beyond it).
    const fuel = cohort(
      [is('merchant_category', 'fuel')],
      { n: 400, positives: 20, tp: 0, predicted: 0 },
      reference,
      1e-6,
    );
    const big = cohort(
      [android],
      { n: 4000, positives: 200, tp: 20, predicted: 20 },
      reference,
      1e-12,
    );
    const findings = findingsOf(emptyInvestigation({ cohorts: [fuel, big] }));
    expect(findings.map((f) => [f.id, f.severity, f.numbers.excess_errors])).toEqual([
      ['cohort:device = android', 'critical', expect.closeTo(100, 9)],
      ['cohort:merchant_category = fuel', 'critical', expect.closeTo(12, 9)],
    ]);
  });

  it('orders by severity, the running model before the canary, then magnitude', () => {
    const collapse = cohort(
      [apac],
      { n: 2000, positives: 100, tp: 0, predicted: 0 },
      reference,
      1e-12,
    );
    const findings = findingsOf(
      emptyInvestigation({
        canary: canary('FAIL', [
          canaryCheck([], { metric: 'recall', baseline: 0.6, canary: 0.3, passed: false }),
        ]),
        cohorts: [collapse],
        drift: drift([
          driftColumn('a', { psi: 0.25, band: 'significant' }),
          driftColumn('b', { psi: 0.9, band: 'significant' }),
          driftColumn('c', { psi: 0.12, band: 'moderate' }),
        ]),
      }),
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['cohort:region = APAC', 'critical'],
      ['canary', 'critical'],
      ['drift:b', 'medium'],
      ['drift:a', 'medium'],
      ['drift:c', 'low'],
    ]);
  });
});
