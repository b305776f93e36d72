// The investigation on the bundled samples (training as the reference, production as the current
// log, the canary log split by its model column): its findings name every planted failure with
// the answer key's column, values and onset, and quote the numbers the generator counted.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../engine/duckdb.node.ts';
import type { Engine, Progress } from '../engine/engine.ts';
import {
  canaryByModel,
  openSample,
  plantedColumn,
  plantedFailure,
  realizedCounts,
  samplePath,
  sampleColumns,
  stableColumns,
} from '../../test-support/samples.ts';
import type { Finding, FindingKind, FindingsSummary } from './finding.ts';
import { findingsOf } from './findings.ts';
import { summarizeFindings } from './findings-summary.ts';
import type { Investigation } from './investigation.ts';
import { runInvestigation } from './run-investigation.ts';

/** The generator's realized counts the planted failures are checked against. */
const realized = (
  JSON.parse(readFileSync(samplePath('answer-key.json'), 'utf8')) as {
    realized: {
      training: { truePositives: number; frauds: number };
      production: { truePositives: number; frauds: number };
      headline: {
        cohortRecall: Record<
          'training' | 'productionSince',
          { frauds: number; truePositives: number }
        >;
      };
    };
  }
).realized;

let engine: Engine;
let investigation: Investigation;
let findings: Finding[];
let summary: FindingsSummary;
const progress: Progress[] = [];
let runMs = 0;

beforeAll(async () => {
  engine = await createNodeEngine();
  const reference = await openSample(engine, 'training.parquet', 'training');
  const current = await openSample(engine, 'production.parquet', 'production');
  const log = await openSample(engine, 'canary.parquet', 'canary');
  const started = Date.now();
  investigation = await runInvestigation(
    engine,
    { reference, current, canary: { kind: 'model_column', log } },
    { onProgress: (p) => progress.push(p) },
  );
  runMs = Date.now() - started;
  findings = findingsOf(investigation);
  summary = summarizeFindings(findings, investigation);
});
afterAll(async () => {
  await engine.close();
});

const one = (kind: FindingKind, column?: string): Finding => {
  const found = findings.filter(
    (f) => f.kind === kind && (column === undefined || f.evidence.column === column),
  );
  expect(found, `${kind} ${column ?? ''}`).toHaveLength(1);
  return found[0] as Finding;
};

const driftColumn = (name: string) => investigation.drift?.columns.find((c) => c.name === name);

describe('runInvestigation on the bundled samples', () => {
  it('runs every analysis, with progress in steps, in well under the suite budget', () => {
    expect(investigation.skipped).toEqual([]);
    expect(investigation.current.rows).toBe(realizedCounts('production').rows);
    expect(investigation.reference?.rows).toBe(realizedCounts('training').rows);
    for (const part of ['drift', 'performance', 'calibration', 'slices', 'errors', 'canary']) {
      expect(investigation[part as keyof Investigation], part).not.toBeNull();
    }
    expect(progress.map((p) => p.phase)).toEqual([
      'drift',
      'performance',
      'cohorts',
      'calibration',
      'slices',
      'errors',
      'canary',
      'done',
    ]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(progress.every((p) => p.total === 7 && p.unit === 'steps')).toBe(true);
    expect(runMs).toBeLessThan(40_000);
  });

  it('ranks the cohorts most degraded first: the planted collapse, found by pairing columns', () => {
    const planted = plantedFailure('cohort_collapse');
    const [worst] = investigation.cohorts;
    expect(worst?.predicates).toEqual(planted.cohort);
    expect(worst?.since).toEqual({ metric: 'recall', window: planted.since });
    expect(investigation.cohorts.length).toBeLessThanOrEqual(10);
  });

  it('lists the most confident errors first, 20 of them', () => {
    const rows = investigation.errors?.rows ?? [];
    expect(rows).toHaveLength(20);
    const confidence = rows.map((r) => r.confidence ?? 0);
    expect(confidence).toEqual([...confidence].sort((a, b) => b - a));
  });
});

describe('findingsOf on the bundled samples', () => {
  it("names the canary critical, after the running model's critical findings", () => {
    const planted = plantedFailure('canary_segment');
    const first = findings.find((f) => f.kind === 'canary');
    const lastCritical = findings.filter((f) => f.severity === 'critical').at(-1);
    expect(first).toBe(lastCritical);
    expect(first?.kind).toBe('canary');
    expect(first?.severity).toBe('critical');
    expect(first?.who).toEqual(planted.segment);
    expect(first?.evidence).toEqual({ view: 'canary', cohort: planted.segment });
    expect(
      `${String(first?.numbers.failed_metric)} on ${String(first?.numbers.failed_segment)}`,
    ).toBe(planted.expected.failedCriticalCheck);
    expect(first?.numbers.baseline).toBeCloseTo(canaryByModel('v1').prepaidRecall, 4);
    expect(first?.numbers.value).toBeCloseTo(canaryByModel('v2').prepaidRecall, 4);
    expect(first?.title).toBe(
      `Canary model_version v2 fails against v1: recall fell from 0.70 to 0.21 for card_type = prepaid (${canaryByModel('v2').prepaidFrauds} frauds in the canary)`,
    );
  });

  it('names the cohort collapse with its onset and the recall the generator counted since', () => {
    const planted = plantedFailure('cohort_collapse');
    const [cohort] = findings.filter((f) => f.kind === 'cohort');
    if (cohort === undefined) throw new Error('no cohort finding');
    const { training, productionSince } = realized.headline.cohortRecall;
    expect(cohort.severity).toBe('critical');
    expect(cohort.who).toEqual(planted.cohort);
    expect(cohort.since).toBe(planted.since);
    expect(cohort.evidence).toEqual({ view: 'cohorts', cohort: planted.cohort });
    expect(cohort.numbers.k).toBe(productionSince.truePositives);
    expect(cohort.numbers.n).toBe(productionSince.frauds);
    expect(cohort.numbers.value).toBe(productionSince.truePositives / productionSince.frauds);
    expect(cohort.numbers.baseline).toBeCloseTo(training.truePositives / training.frauds, 12);
    expect(cohort.title).toBe(
      `Recall fell from 0.63 to 0.05 for region = APAC AND device = android since ${planted.since} (${productionSince.frauds} frauds)`,
    );
    // The same collapse seen through region alone, or cut by channel, is not named again.
    const cohortWho = findings.filter((f) => f.kind === 'cohort' || f.kind === 'slice');
    const sharingApac = cohortWho.filter((f) =>
      f.who?.some((p) => p.column === 'region' && p.value === 'APAC'),
    );
    expect(sharingApac).toHaveLength(1);
  });

  it('names the overall recall drop, with the counts of both logs', () => {
    const performance = one('performance');
    const { training, production } = realized;
    expect(performance.numbers.baseline).toBeCloseTo(training.truePositives / training.frauds, 12);
    expect(performance.numbers.value).toBeCloseTo(production.truePositives / production.frauds, 12);
    expect(performance.evidence).toEqual({ view: 'timeline' });
  });

  it("names amount's unit change from its onset, where the errors concentrate", () => {
    const planted = plantedFailure('unit_change');
    const drift = one('drift', plantedColumn('unit_change'));
    expect(drift.since).toBe(planted.since);
    expect(drift.numbers.psi).toBe(driftColumn('amount')?.psi);
    expect(drift.numbers.band).toBe(planted.expected.psiBand);
    expect(drift.severity).toBe('high');
    expect(drift.title).toMatch(
      /^amount drifted \(PSI 0\.66, significant\) since 2026-10-05; errors concentrate in its top bin/,
    );
  });

  it('names crypto as a new merchant category, with its share of the current values', () => {
    const planted = plantedFailure('new_category');
    const finding = one('new_category', planted.column);
    const crypto = driftColumn(planted.column ?? '')?.new_categories.find(
      (v) => v.value === planted.value,
    );
    expect(finding.severity).toBe('medium');
    expect(finding.numbers.values).toBe(planted.value);
    expect(finding.numbers.share).toBe(crypto?.share);
    expect(finding.since).toBe(planted.since);
    expect(finding.title).toContain(`${planted.value ?? ''} (4.1% of current values)`);
  });

  it('names the missing distance from its onset, missing never before', () => {
    const planted = plantedFailure('missing_rate_jump');
    const finding = one('missing', planted.column);
    expect(finding.severity).toBe('high');
    expect(finding.since).toBe(planted.since);
    expect(finding.numbers.reference_rate).toBe(planted.expected.referenceMissingRate);
    expect(finding.evidence).toEqual({ view: 'drift', column: planted.column });
  });

  it('names the label shift up, from base rates equal to the frauds per row of each log', () => {
    const planted = plantedFailure('label_shift');
    const finding = one('label_shift', planted.column);
    const train = realizedCounts('training');
    const prod = realizedCounts('production');
    expect(finding.numbers.reference_rate).toBeCloseTo(train.frauds / train.rows, 12);
    expect(finding.numbers.current_rate).toBeCloseTo(prod.frauds / prod.rows, 12);
    expect(planted.expected.direction).toBe('up');
    expect(finding.title).toMatch(/^The fraud rate rose from 3\.2% in the reference to 4\.7%/);
  });

  it('names the miscalibration: the score claims more than is observed in the top bins', () => {
    const planted = plantedFailure('miscalibration');
    const finding = one('calibration');
    expect(finding.numbers.ece).toBe(investigation.calibration?.ece);
    expect(finding.numbers.reference_ece).toBe(investigation.calibration?.reference?.ece);
    expect(planted.expected.observedBelowScore).toBe(true);
    const binsAbove = planted.expected.binsAbove as number;
    const top = investigation.calibration?.bins.filter((b) => b.lo >= binsAbove) ?? [];
    expect(top.length).toBeGreaterThan(0);
    for (const b of top) expect(b.high).toBeLessThan(b.mean_score);
    expect(finding.title).toContain('below the scores in 5 bins from 0.5 to 1');
    expect(finding.evidence).toEqual({ view: 'calibration' });
  });

  it('never calls a stable input drifted, nor the score or prediction', () => {
    const columnKinds = findings.filter((f) =>
      ['drift', 'missing', 'new_category'].includes(f.kind),
    );
    for (const f of columnKinds) {
      expect(stableColumns).not.toContain(f.evidence.column);
      expect([sampleColumns.score, sampleColumns.prediction]).not.toContain(f.evidence.column);
    }
  });

  it('ranks by severity, the running model before the canary, the rows a drop cost, magnitude', () => {
    const order = { critical: 0, high: 1, medium: 2, low: 3 };
    const excess = (f: Finding) => Number(f.numbers.excess_errors ?? 0);
    for (let i = 1; i < findings.length; i++) {
      const [a, b] = [findings[i - 1] as Finding, findings[i] as Finding];
      expect(order[a.severity]).toBeLessThanOrEqual(order[b.severity]);
      const comparable = a.severity === b.severity && a.kind !== 'canary' && b.kind !== 'canary';
      if (comparable) expect(excess(a)).toBeGreaterThanOrEqual(excess(b));
      if (comparable && excess(a) === excess(b)) {
        expect(Number(a.numbers.magnitude)).toBeGreaterThanOrEqual(Number(b.numbers.magnitude));
      }
    }
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  });

  it('sums up as failing: the cohort collapse as what, for whom and since when', () => {
    expect(summary.status).toBe('failing');
    expect(findings[0]?.kind).toBe('cohort');
    expect(summary.what).toBe(findings[0]?.title);
    expect(summary.who).toBe('region = APAC AND device = android');
    expect(summary.since).toBe(plantedFailure('cohort_collapse').since);
    expect(summary.headline.startsWith(`Failing: ${findings[0]?.title ?? ''}`)).toBe(true);
  });
});
