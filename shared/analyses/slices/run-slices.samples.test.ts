// Weak-slice discovery on the bundled samples: the planted cohort collapse (answer key
// "cohort_collapse") is what the search finds first in production, and it broke there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import type { Predicate } from '../../sql/predicate.ts';
import { openSample, plantedFailure, sampleColumns } from '../../../test-support/samples.ts';
import { runSlices } from './run-slices.ts';
import type { Slice, SlicesResult } from './slices-result.ts';
import { slicesSpecFromSchemas } from './slices-spec.ts';

const planted = plantedFailure('cohort_collapse');
const cohort = planted.cohort as (Predicate & { value: string })[];

let engine: Engine;
let training: DatasetSchema;
let production: DatasetSchema;
let result: SlicesResult;

/** The slice's `column = value` terms. */
const termsOf = (s: Slice | undefined) => (s?.terms ?? []).map((t) => [t.column, t.value]);

beforeAll(async () => {
  engine = await createNodeEngine();
  training = await openSample(engine, 'training.parquet', 'training');
  production = await openSample(engine, 'production.parquet', 'production');
  result = await runSlices(engine, slicesSpecFromSchemas(production, training));
});
afterAll(async () => {
  await engine.close();
});

describe('runSlices on the bundled production log, with training as the reference', () => {
  it('finds the planted cohort first, far above the overall error, and says it broke', () => {
    const [top] = result.slices;
    expect(termsOf(top)).toEqual(cohort.map((p) => [p.column, p.value]));
    expect(top?.predicates).toEqual(cohort);
    expect(top?.lift).toBeGreaterThan(2);
    expect(top?.low).toBeGreaterThan(result.mean_error ?? 1);
    expect(top?.reference?.history).toBe('broke');
    expect(top?.reference?.error).toBeLessThan(top?.error ?? 0);
    expect(top?.reference?.q).toBeLessThan(0.05);
  });

  it('searches every labelled row with the defaults, best first', () => {
    expect(result.n).toBe(production.rows);
    expect(result.min_support).toBe(Math.max(32, Math.ceil(0.01 * production.rows)));
    expect(result.slices.length).toBeLessThanOrEqual(10);
    const scores = result.slices.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of result.slices) {
      expect(s.size).toBeGreaterThanOrEqual(result.min_support);
      expect(s.score).toBeGreaterThan(0);
    }
    expect(result.levels.map((l) => l.level)).toEqual([1, 2, 3]);
    expect(result.skipped_columns.map((c) => c.column)).not.toContain(sampleColumns.label);
  });

  it('within the planted cohort, the search runs on its rows only', async () => {
    const inside = await runSlices(
      engine,
      slicesSpecFromSchemas(production, null, { where: cohort, maxLevel: 2 }),
    );
    expect(inside.n).toBe(result.slices[0]?.size);
    // Every row has region = APAC there: a term on it can only repeat the filter.
    const pinned = new Map(cohort.map((p) => [p.column, p.value]));
    for (const t of inside.slices.flatMap((s) => s.terms)) {
      if (pinned.has(t.column)) expect(t.value).toBe(pinned.get(t.column));
    }
    expect(inside.slices.length).toBeGreaterThan(0);
  });

  it('one time window: the weeks before the collapse hold no APAC android slice', async () => {
    const before = await runSlices(
      engine,
      slicesSpecFromSchemas(production, null, {
        where: [{ column: sampleColumns.time, op: '<', value: planted.since as string }],
      }),
    );
    expect(before.n).toBeLessThan(production.rows);
    expect(before.slices.map((s) => s.text)).not.toContain(result.slices[0]?.text);
  });

  it('one window of the log is compared with the whole reference', async () => {
    const week = await runSlices(
      engine,
      slicesSpecFromSchemas(production, training, {
        window: { start: '2026-10-19', end: '2026-10-26' },
      }),
    );
    expect(week.n).toBeGreaterThan(0);
    expect(week.n).toBeLessThan(production.rows / 4);
    expect(week.reference_mean_error).toBe(result.reference_mean_error);
    expect(week.slices.every((s) => (s.reference?.size ?? 0) > 0)).toBe(true);
  });
});
