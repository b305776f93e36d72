import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { isSignificant } from '../../stats/multiple-testing.ts';
import {
  openSample,
  plantedFailure,
  realizedCounts,
  sampleColumns,
} from '../../../test-support/samples.ts';
import { isSignificantDrop } from './performance-order.ts';
import type { PerformanceResult } from './performance-result.ts';
import { performanceSpecFromSchemas } from './performance-spec.ts';
import { runPerformance } from './run-performance.ts';

let engine: Engine;
let training: DatasetSchema;
let production: DatasetSchema;
let result: PerformanceResult;

const collapse = plantedFailure('cohort_collapse');
const cohortColumns = (collapse.cohort ?? []).map((p) => p.column);
const plantedCohort = Object.fromEntries((collapse.cohort ?? []).map((p) => [p.column, p.value]));

beforeAll(async () => {
  engine = await createNodeEngine();
  training = await openSample(engine, 'training.parquet', 'training');
  production = await openSample(engine, 'production.parquet', 'production');
  result = await runPerformance(
    engine,
    performanceSpecFromSchemas(production, training, { by: cohortColumns, window: 'week' }),
  );
});
afterAll(async () => {
  await engine.close();
});

describe('runPerformance on the bundled samples (production vs the training reference)', () => {
  it("judges the sample's label against its prediction column, every row counted", () => {
    expect(cohortColumns).toEqual(['region', 'device']);
    expect(result.outcome).toMatchObject({
      label: sampleColumns.label,
      positive: '1',
      prediction: sampleColumns.prediction,
      score: sampleColumns.score,
    });
    expect(result.log.rows).toBe(realizedCounts('production').rows);
    expect(result.overall.n).toBe(realizedCounts('production').rows);
    expect(result.reference?.rows).toBe(realizedCounts('training').rows);
    expect(result.overall.delta?.positives).toBe(realizedCounts('training').frauds);
  });

  it('puts the planted cohort first: the worst, with a significant recall drop', () => {
    const worst = result.cohorts[0];
    expect(worst?.cohort).toEqual(plantedCohort);
    expect(worst?.too_small).toBe(false);
    const recall = worst?.delta?.metrics.recall;
    expect(recall?.baseline).toBeGreaterThan(0.5);
    expect(recall?.delta).toBeLessThan(-0.3);
    expect(isSignificant(recall?.q ?? null)).toBe(true);
    expect(worst && isSignificantDrop(worst, 'recall', true)).toBe(true);
    // No other cohort has a significant recall drop.
    expect(result.cohorts.slice(1).filter((c) => isSignificantDrop(c, 'recall', true))).toEqual([]);
  });

  it("dates the planted cohort's onset to the planted week", () => {
    expect(collapse.since).toBe('2026-09-21');
    expect(result.cohorts[0]?.since).toEqual({ metric: 'recall', window: collapse.since });
    const before = result.cohorts[0]?.timeline?.filter((w) => w.window < (collapse.since ?? ''));
    expect(before?.length).toBe(3);
    for (const w of before ?? []) expect(w.primary?.worse).toBe(false);
  });

  it('sees the label shift: the base rate up from the reference, significantly, and rising', () => {
    const shift = plantedFailure('label_shift');
    expect(shift.expected.direction).toBe('up');
    const baseRate = result.overall.delta?.metrics.base_rate;
    expect(baseRate?.delta).toBeGreaterThan(0);
    expect(isSignificant(baseRate?.q ?? null)).toBe(true);
    const weekly = result.timeline?.map((w) => w.metrics.base_rate ?? 0) ?? [];
    expect(weekly).toHaveLength(8);
    expect(weekly.at(-1)).toBeGreaterThan(weekly[0] ?? 1);
  });

  it('every cohort region × device, nothing NaN', () => {
    expect(result.cohorts.length).toBe(12);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });
});
