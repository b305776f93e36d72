// The canary analysis on the bundled samples, against the generator's answer key: v2 is better
// overall but FAILs on the planted segment (card_type = prepaid recall); a canary identical to its
// baseline PASSes with no failing check; populations from different traffic are INVALID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import {
  canaryByModel,
  openSample,
  plantedColumn,
  plantedFailure,
} from '../../../test-support/samples.ts';
import type { CanaryCheck, CanaryResult } from './canary-result.ts';
import { canarySpecFromFiles, canarySpecFromModelColumn } from './canary-spec.ts';
import { runCanary } from './run-canary.ts';

const planted = plantedFailure('canary_segment');
const [segment] = planted.segment ?? [];

let engine: Engine;
let canary: DatasetSchema;
let training: DatasetSchema;
let production: DatasetSchema;
let result: CanaryResult;

const check = (r: CanaryResult, segmentName: string, metric: string): CanaryCheck | undefined =>
  r.checks.find((c) => c.segment.name === segmentName && c.metric === metric);

beforeAll(async () => {
  engine = await createNodeEngine();
  canary = await openSample(engine, 'canary.parquet', 'canary');
  training = await openSample(engine, 'training.parquet', 'training');
  production = await openSample(engine, 'production.parquet', 'production');
  const spec = canarySpecFromModelColumn(
    canary,
    { baseline: 'v1', canary: 'v2' },
    { window: 'day' },
  );
  result = await runCanary(engine, spec);
});
afterAll(async () => {
  await engine.close();
});

describe('runCanary on the canary sample (v1 baseline, v2 canary, split traffic)', () => {
  const v1 = canaryByModel('v1');
  const v2 = canaryByModel('v2');
  const name = `${segment?.column} = ${segment?.value}`;

  it('FAILs with the planted segment recall as the first failing reason', () => {
    expect(result.verdict).toBe('FAIL');
    expect(result.design).toBe('split');
    expect(result.failing[0]).toMatch(
      new RegExp(`^${name}: recall fell from 0\\.6957 to 0\\.2143`),
    );
    const c = check(result, name, 'recall');
    expect(c?.critical).toBe(true);
    expect(c?.passed).toBe(false);
    expect(c?.counts?.baseline[1]).toBe(v1.prepaidFrauds);
    expect(c?.counts?.canary[1]).toBe(v2.prepaidFrauds);
    expect(c?.baseline).toBeCloseTo(v1.prepaidRecall, 4);
    expect(c?.canary).toBeCloseTo(v2.prepaidRecall, 4);
    expect(result.checks[0]).toBe(c);
  });

  it('finds the canary better overall: recall and AUC up, as the generator counted them', () => {
    const recall = check(result, 'all', 'recall');
    const auc = check(result, 'all', 'auc');
    expect(recall?.baseline).toBeCloseTo(v1.recall, 4);
    expect(recall?.canary).toBeCloseTo(v2.recall, 4);
    expect(auc?.baseline).toBeCloseTo(v1.auc, 4);
    expect(auc?.canary).toBeCloseTo(v2.auc, 4);
    expect(recall?.passed).toBe(true);
    expect(auc?.passed).toBe(true);
  });

  it('sees the same population, and the p99 latencies under the 500 ms ceiling', () => {
    expect(result.population.valid).toBe(true);
    expect(result.population.psi).toBeLessThan(0.1);
    const p99 = check(result, 'all', 'latency_p99');
    expect(p99?.baseline).toBeCloseTo(v1.p99LatencyMs, 2);
    expect(p99?.canary).toBeCloseTo(v2.p99LatencyMs, 2);
    expect(check(result, 'all', 'latency_p99_ceiling')?.passed).toBe(true);
    expect(result.latency?.quantiles.canary.p99).toBe(p99?.canary);
    const histogram = result.latency;
    const total = (xs: number[] | undefined) => (xs ?? []).reduce((a, b) => a + b, 0);
    expect(total(histogram?.baseline)).toBe(
      check(result, 'all', 'latency_p99')?.counts?.baseline[0],
    );
    expect(total(histogram?.canary)).toBe(check(result, 'all', 'latency_p99')?.counts?.canary[0]);
  });

  it('counts every scored row of each side in the score histogram beside the checks', () => {
    const histogram = result.beside.score_histogram;
    const auc = check(result, 'all', 'auc');
    const scored = (counts: number[] | undefined) => (counts ?? []).reduce((a, b) => a + b, 0);
    expect(histogram?.edges).toHaveLength(11);
    expect(histogram?.baseline.reduce((a, b) => a + b, 0)).toBe(scored(auc?.counts?.baseline));
    expect(histogram?.canary.reduce((a, b) => a + b, 0)).toBe(scored(auc?.counts?.canary));
  });

  it('has a day per window over the canary fortnight, whose rows add up to each side', () => {
    const windows = result.timeline?.windows ?? [];
    expect(windows.map((w) => w.window)[0]).toBe(planted.since);
    expect(windows).toHaveLength(14);
    const sum = (side: 'baseline' | 'canary') => windows.reduce((a, w) => a + w.rows[side], 0);
    expect([sum('baseline'), sum('canary')]).toEqual([result.rows.baseline, result.rows.canary]);
  });
});

describe('runCanary with a threshold', () => {
  it('cuts the score there instead of reading the logged prediction column', async () => {
    const cut = await runCanary(
      engine,
      canarySpecFromModelColumn(canary, { baseline: 'v1', canary: 'v2' }, { threshold: 0.2 }),
    );
    expect(result.columns.prediction).toBe('predicted_fraud');
    expect(cut.columns.prediction).toBeNull();
    expect(cut.threshold).toBe(0.2);
    const predicted = (r: CanaryResult) => check(r, 'all', 'precision')?.counts?.baseline[1] ?? 0;
    expect(predicted(cut)).toBeGreaterThan(predicted(result));
  });
});

describe('runCanary on controls', () => {
  it('PASSes a canary identical to its baseline, paired by id (shadow), with no failing check', async () => {
    const r = await runCanary(engine, canarySpecFromFiles(training, training));
    expect(r.design).toBe('shadow');
    expect(r.verdict).toBe('PASS');
    expect(r.score).toBe(100);
    expect(r.failing).toEqual([]);
    expect(r.population.psi).toBe(0);
    const accuracy = check(r, 'all', 'accuracy');
    expect(accuracy?.test).toBe('McNemar (no continuity correction)');
    expect(accuracy?.paired?.baseline_only_correct).toBe(0);
    expect(accuracy?.delta).toBe(0);
  });

  it('calls populations from different traffic INVALID, naming the drifted inputs', async () => {
    const r = await runCanary(engine, canarySpecFromFiles(training, production));
    expect(r.verdict).toBe('INVALID');
    expect(r.population.valid).toBe(false);
    expect(r.population.invalid_columns).toContain(plantedColumn('unit_change'));
    expect(r.failing[0]).toContain(plantedColumn('unit_change'));
  });
});
