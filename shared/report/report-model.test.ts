import { describe, expect, it } from 'vitest';
import type { RegressionPerformanceResult } from '../analyses/performance/performance-task-result.ts';
import type { Investigation } from '../investigation/investigation.ts';
import { fullFindings, fullInvestigation, reportContext } from './report-fixtures.test-support.ts';
import { buildReport, type ReportModel, type ReportSection } from './report-model.ts';

const build = (inv: Investigation = fullInvestigation(), context = reportContext()) => {
  const { findings, summary } = fullFindings();
  return buildReport(inv, findings, summary, context);
};

/** The section's content, failing the test when it was skipped. */
function shown<T>(section: ReportSection<T> | null): T {
  if (section === null || !section.shown) throw new Error('the section was not shown');
  return section;
}

describe('buildReport: every number as the analyses gave it', () => {
  const inv = fullInvestigation();
  const model = build(inv);

  it('copies the drift rows of the columns that matter, with CLI.md keys and values unchanged', () => {
    const drift = shown(model.drift);
    for (const row of drift.columns) {
      const source = inv.drift?.columns.find((c) => c.name === row.name);
      expect(row.psi).toBe(source?.psi);
      expect(row.band).toBe(source?.band);
      expect(row.since).toBe(source?.since);
      expect(row.missing).toEqual(source?.missing);
      expect(row.ks).toEqual(source?.ks);
      expect(row.chi2).toEqual(source?.chi2);
    }
  });

  it('keeps the overall performance, calibration and canary numbers as they are', () => {
    expect(shown(model.performance).overall).toEqual(inv.performance?.overall);
    const calibration = shown(model.calibration);
    expect(calibration.ece).toBe(inv.calibration?.ece);
    expect(calibration.bins).toEqual(inv.calibration?.bins);
    expect(calibration.reference?.ece).toBe(inv.calibration?.reference?.ece);
    const canary = shown(model.canary);
    expect([canary.verdict, canary.score]).toEqual([inv.canary?.verdict, inv.canary?.score]);
    expect(shown(model.slices).slices).toEqual(inv.slices?.slices);
  });

  it('is JSON as it is: stringify and parse give the same object back', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('holds the checklist in order, with the context passed through', () => {
    expect(Object.keys(model)).toEqual([
      'kind',
      'schema_version',
      'title',
      'generated_at',
      'faultline_version',
      'summary',
      'findings',
      'performance',
      'timeline',
      'drift',
      'cohorts',
      'slices',
      'pinned',
      'calibration',
      'canary',
      'examples',
      'notes',
      'inputs',
      'parameters',
      'skipped',
    ]);
    expect(model.generated_at).toBe('2026-10-20T09:30:00.000Z');
    expect(model.faultline_version).toBe('0.1.0');
    expect(model.inputs).toEqual(reportContext().inputs);
    expect(model.findings.map((f) => f.id)).toEqual(fullFindings().findings.map((f) => f.id));
  });
});

describe('buildReport: what each section shows', () => {
  const model = build();

  it('shows drifted, moderate and missing-shifted columns, those a finding names first', () => {
    const drift = shown(model.drift);
    // amount and merchant_category are named by findings (in that order), then by PSI.
    expect(drift.columns.map((c) => c.name)).toEqual([
      'amount',
      'merchant_category',
      'merchant name',
      'channel',
    ]);
    expect(drift.other_columns).toEqual([
      { name: 'region', kind: 'categorical', role: 'feature', psi: 0.004, band: 'stable' },
    ]);
  });

  it('lists at most 10 new categories of a column, and says how many there were', () => {
    const inv = fullInvestigation();
    const column = inv.drift?.columns.find((c) => c.name === 'merchant_category');
    if (column) {
      column.new_categories = Array.from({ length: 14 }, (_, i) => ({
        value: `new_${i}`,
        count: 14 - i,
        share: (14 - i) / 1000,
      }));
    }
    const row = shown(build(inv).drift).columns.find((c) => c.name === 'merchant_category');
    expect(row?.new_categories.map((c) => c.value)).toEqual(
      Array.from({ length: 10 }, (_, i) => `new_${i}`),
    );
    expect(row?.new_categories_total).toBe(14);
  });

  it("draws the timeline from the primary metric's windows, with every finding's onset", () => {
    const t = shown(model.timeline);
    expect(t.metric).toBe('recall');
    expect(t.reference).toBe(0.8);
    expect(t.windows.map((w) => [w.window, w.value, w.worse])).toEqual([
      ['2026-09-21', 0.81, false],
      ['2026-09-28', 0.79, false],
      ['2026-10-05', 0.52, true],
      ['2026-10-12', 0.5, true],
    ]);
    expect(t.since).toBe('2026-10-05');
    expect(t.onsets.map((o) => [o.finding, o.since])).toEqual([
      ['performance:recall', '2026-10-05'],
      ['drift:amount', '2026-10-05'],
      ['drift:merchant_category', '2026-09-28'],
    ]);
  });

  it('names each cohort in --where syntax, quoting a column name that needs it', () => {
    expect(shown(model.cohorts).cohorts.map((c) => c.name)).toEqual([
      "region = 'APAC'",
      `"merchant name" = 'x|y'`,
    ]);
  });

  it('keeps only the failing canary checks, and counts the rest', () => {
    const canary = shown(model.canary);
    expect(canary.checks.map((c) => [c.segment.name, c.metric, c.passed])).toEqual([
      ['card_type = prepaid', 'recall', false],
    ]);
    expect([canary.checks_total, canary.too_small]).toEqual([2, 0]);
    expect(canary.checks[0]).not.toHaveProperty('counts');
  });

  it('shows the id and the key features of the error rows, those the findings name first', () => {
    const examples = shown(model.examples);
    expect(examples.columns).toEqual(['id', 'amount', 'region', 'merchant name']);
    expect(examples.rows[0]).toEqual({
      row: 7,
      label: 1,
      predicted: 0,
      confidence: 0.998,
      error: null,
      values: { id: 'tx_7', amount: 1234.5, region: 'APAC', 'merchant name': '<b>&"\'</b>' },
    });
  });

  it('lists the pins measured, then the pins of the context the investigation did not measure', () => {
    expect(model.pinned.map((p) => [p.pin.name, p.skipped, p.overall?.metrics.recall])).toEqual([
      ['EU', null, 0.6],
      ["device = 'ios'", 'Pinned after the investigation ran: not measured in it.', undefined],
    ]);
  });
});

describe('buildReport: sections that could not run say why', () => {
  it("gives the investigation's reason for a skipped analysis", () => {
    const inv: Investigation = {
      ...fullInvestigation(),
      drift: null,
      calibration: null,
      canary: null,
      skipped: [
        { section: 'drift', reason: 'drift: no reference to compare the current data with' },
        { section: 'calibration', reason: 'no score column' },
      ],
    };
    const model: ReportModel = build(inv);
    expect(model.drift).toEqual({
      shown: false,
      reason: 'drift: no reference to compare the current data with',
    });
    expect(model.calibration).toEqual({ shown: false, reason: 'no score column' });
    // No canary asked for: no canary section at all.
    expect(model.canary).toBeNull();
    expect(model.skipped).toEqual(inv.skipped);
  });

  it('shows a canary that was asked for and could not run as skipped', () => {
    const inv = { ...fullInvestigation(), canary: null };
    inv.skipped = [{ section: 'canary', reason: 'the log has no model-version column' }];
    expect(build(inv).canary).toEqual({
      shown: false,
      reason: 'the log has no model-version column',
    });
  });

  it('reads a regression timeline from the metrics when windows carry no onset check', () => {
    const group = (mae: number) => ({
      rows: 100,
      n: 100,
      metrics: { mae, rmse: mae * 1.3, mean_error: 0.1, r2: 0.8 },
      too_small: false,
    });
    const untested = (baseline: number, value: number) => ({
      baseline,
      value,
      delta: value - baseline,
      z: null,
      p: null,
      q: null,
    });
    const performance: RegressionPerformanceResult = {
      task: 'regression',
      log: { rows: 200 },
      reference: { rows: 100 },
      by: [],
      outcome: { label: 'y', prediction: 'y_hat' },
      primary_metric: 'mae',
      overall: {
        ...group(2.5),
        delta: {
          against: 'reference',
          n: 100,
          too_small: false,
          metrics: {
            mae: untested(1.5, 2.5),
            rmse: untested(2, 3.25),
            mean_error: untested(0, 0.1),
            r2: untested(0.9, 0.8),
          },
        },
      },
      cohorts: [],
      window: { column: 't', unit: 'day', requested: 'day', span_days: 1, rows_without_time: 0 },
      timeline: [
        { window: '2026-01-01', ...group(1.6), primary: null },
        { window: '2026-01-02', ...group(3.4), primary: null },
      ],
    };
    const t = shown(build({ ...fullInvestigation(), performance }).timeline);
    expect(t.reference).toBe(1.5);
    expect(t.since).toBeNull();
    expect(t.windows.map((w) => [w.value, w.baseline, w.worse])).toEqual([
      [1.6, 1.5, null],
      [3.4, 1.5, null],
    ]);
  });
});
