import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { driftSpecFromSchemas } from './drift-spec.ts';
import type { DriftResult } from './drift-result.ts';
import { runDrift } from './run-drift.ts';
import { readScalar } from '../../engine/arrow-columns.ts';
import { ident, sql, table } from '../../sql/sql.ts';
import {
  openSample,
  plantedFailure,
  realizedCounts,
  sampleColumns,
} from '../../../test-support/samples.ts';

let engine: Engine;
let result: DriftResult;
let schemas: DatasetSchema[];

beforeAll(async () => {
  engine = await createNodeEngine();
  schemas = [
    await openSample(engine, 'training.parquet', 'training'),
    await openSample(engine, 'production.parquet', 'production'),
  ];
  const [reference, current] = schemas;
  if (!reference || !current) throw new Error('samples not loaded');
  result = await runDrift(engine, driftSpecFromSchemas(reference, current));
});
afterAll(async () => {
  await engine.close();
});

const column = (name: string | undefined) => {
  const c = result.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no drift row for ${name}`);
  return c;
};

describe('runDrift on the bundled samples (training vs production)', () => {
  it("compares every feature and the model's score, label and prediction, nothing else", () => {
    const features = schemas[0]?.columns.filter(
      (c) => c.role === 'feature' && (c.kind === 'numeric' || c.kind === 'categorical'),
    );
    const { label, score, prediction } = sampleColumns;
    const roles = Object.fromEntries(result.columns.map((c) => [c.name, c.role]));
    expect(roles).toEqual({
      ...Object.fromEntries((features ?? []).map((c) => [c.name, 'feature'])),
      [label]: 'label',
      [score]: 'score',
      [prediction]: 'prediction',
    });
    expect(result.reference.rows).toBe(realizedCounts('training').rows);
    expect(result.current.rows).toBe(realizedCounts('production').rows);
  });

  it('finds the label shift: fraud counts as generated, the base rate up, chi-square q < 0.05', () => {
    const p = plantedFailure('label_shift');
    const c = column(p.column);
    expect(c).toMatchObject({ role: 'label', kind: 'categorical' });
    expect(c.bins?.categories).toEqual(['0', '1']);
    const frauds = (side: 'training' | 'production') => realizedCounts(side).frauds;
    expect(c.bins?.reference_counts).toEqual([13000 - frauds('training'), frauds('training')]);
    expect(c.bins?.current_counts).toEqual([26000 - frauds('production'), frauds('production')]);
    expect(p.expected.direction).toBe('up');
    expect(c.bins?.q?.[1]).toBeGreaterThan(c.bins?.p?.[1] ?? 1);
    expect(c.chi2?.q).toBeLessThan(0.05);
    expect(c.tests.map((t) => t.name)).toEqual(['chi2']);
    expect(c.reason).toMatch(
      /chi² = [\d.]+ \(dof 1\), q = [\de-]+ — significant, but small by PSI/,
    );
  });

  it("finds the miscalibrated score's drift (prediction drift), and the prediction's shift", async () => {
    const p = plantedFailure('miscalibration');
    const score = column(p.column);
    expect(score).toMatchObject({ role: 'score', kind: 'numeric', drifted: true });
    expect(score.ks?.q).toBeLessThan(0.05);
    // The predicted-positive count of each side, by plain SQL.
    const positives = async (name: string) =>
      readScalar(
        await engine.query(sql`SELECT count(*)::DOUBLE FROM ${table(name)}
          WHERE ${ident(sampleColumns.prediction)} = 1`),
      );
    const prediction = column(sampleColumns.prediction);
    expect(prediction.role).toBe('prediction');
    expect(prediction.bins?.reference_counts[1]).toBe(await positives('training'));
    expect(prediction.bins?.current_counts[1]).toBe(await positives('production'));
  });

  it("finds the unit change: amount's band is significant", () => {
    const p = plantedFailure('unit_change');
    const amount = column(p.column);
    expect(amount.kind).toBe('numeric');
    expect(amount.band).toBe(p.expected.psiBand);
    expect(amount.drifted).toBe(true);
    expect(amount.ks?.q).toBeLessThan(0.05);
    expect(amount.out_of_range).toBeGreaterThan(0);
  });

  it('finds the new category', () => {
    const p = plantedFailure('new_category');
    const c = column(p.column);
    expect(c.kind).toBe('categorical');
    expect(c.new_categories.map((n) => n.value)).toEqual(p.expected.newCategories);
    expect(c.new_categories[0]?.share).toBeGreaterThan(0);
    expect(c.chi2?.q).toBeLessThan(0.05);
  });

  it('flags the missing-rate shift, with the non-null distribution stable', () => {
    const p = plantedFailure('missing_rate_jump');
    const c = column(p.column);
    expect(c.missing.reference).toBe(p.expected.referenceMissingRate);
    expect(c.missing.current).toBeGreaterThan(0.05);
    expect(c.missing.shifted).toBe(p.expected.missingRateShiftFlagged);
    expect(c.band).toBe(p.expected.nonNullDistribution);
    expect(c.drifted).toBe(false);
  });

  it('flags no other missing-rate shift', () => {
    const shifted = result.columns.filter((c) => c.missing.shifted).map((c) => c.name);
    expect(shifted).toEqual([plantedFailure('missing_rate_jump').column]);
  });

  it('is JSON-safe: no NaN or Infinity anywhere', () => {
    const text = JSON.stringify(result);
    expect(JSON.parse(text)).toEqual(result);
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(result);
  });
});
