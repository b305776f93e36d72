import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import {
  openSample,
  plantedFailure,
  realizedCounts,
  sampleColumns,
  samplePath,
} from '../../../test-support/samples.ts';
import type { CalibrationCurve, CalibrationResult } from './calibration-result.ts';
import { calibrationSpecFromSchemas } from './calibration-spec.ts';
import { runCalibration } from './run-calibration.ts';

/** A calibration bin as the generator counted it (samples/realized-counts.ts), rates rounded. */
interface RealizedBin {
  bin: string;
  rows: number;
  meanScore: number | null;
  observedFraudRate: number | null;
}

const realized = (
  JSON.parse(readFileSync(samplePath('answer-key.json'), 'utf8')) as {
    realized: Record<'training' | 'production', { calibrationBins: RealizedBin[] }>;
  }
).realized;

/** The key's rates have 4 decimals: within half a unit of the last one. */
const ROUNDING = 0.00005 + 1e-12;

const miscalibration = plantedFailure('miscalibration');
const expected = miscalibration.expected as {
  binsAbove: number;
  observedBelowScore: boolean;
  observedFraudRateInBins07To09: number;
};

let engine: Engine;
let training: DatasetSchema;
let production: DatasetSchema;
let result: CalibrationResult;

/** Every realized bin: n exactly, mean score and observed rate to the key's rounding. */
function expectRealizedBins(curve: CalibrationCurve, bins: RealizedBin[]): void {
  expect(bins).toHaveLength(10);
  bins.forEach((want, index) => {
    const got = curve.bins.find((b) => b.bin === index);
    expect(got?.n ?? 0, `${want.bin} rows`).toBe(want.rows);
    if (want.rows === 0 || !got) return;
    expect(Math.abs(got.mean_score - (want.meanScore ?? NaN)), `${want.bin} mean`).toBeLessThan(
      ROUNDING,
    );
    expect(Math.abs(got.observed - (want.observedFraudRate ?? NaN)), `${want.bin}`).toBeLessThan(
      ROUNDING,
    );
  });
}

beforeAll(async () => {
  engine = await createNodeEngine();
  training = await openSample(engine, 'training.parquet', 'training');
  production = await openSample(engine, 'production.parquet', 'production');
  result = await runCalibration(engine, calibrationSpecFromSchemas(production, training));
});
afterAll(async () => {
  await engine.close();
});

describe('runCalibration on the bundled samples (production vs the training reference)', () => {
  it("reads the sample's label and score, every row counted", () => {
    expect(result.outcome).toEqual({
      label: sampleColumns.label,
      positive: '1',
      score: sampleColumns.score,
    });
    const { rows, frauds } = realizedCounts('production');
    expect([result.rows, result.n, result.positives]).toEqual([rows, rows, frauds]);
    const ref = realizedCounts('training');
    expect([result.reference?.n, result.reference?.positives]).toEqual([ref.rows, ref.frauds]);
  });

  it('has the bins the generator counted, on both sides', () => {
    expectRealizedBins(result, realized.production.calibrationBins);
    if (!result.reference) throw new Error('no reference curve');
    expectRealizedBins(result.reference, realized.training.calibrationBins);
  });

  it('finds the planted miscalibration: above 0.7 the observed fraud rate is below the score', () => {
    expect(miscalibration.column).toBe(sampleColumns.score);
    const above = result.bins.filter((b) => b.lo >= expected.binsAbove - 1e-9);
    expect(above.map((b) => b.bin)).toEqual([7, 8, 9]);
    for (const b of above) {
      expect(b.observed < b.mean_score).toBe(expected.observedBelowScore);
      // Not noise: the whole Wilson interval sits below the mean score.
      expect(b.high).toBeLessThan(b.mean_score);
    }
    const band = result.bins.filter((b) => b.bin === 7 || b.bin === 8);
    const rate =
      band.reduce((acc, b) => acc + b.positives, 0) / band.reduce((acc, b) => acc + b.n, 0);
    expect(Math.abs(rate - expected.observedFraudRateInBins07To09)).toBeLessThan(0.05);
  });

  it('training is well calibrated (ECE below 0.01), production is not', () => {
    expect(result.reference?.ece).toBeLessThan(0.01);
    expect(result.ece).toBeGreaterThan(result.reference?.ece ?? Infinity);
    expect(result.mce).toBeGreaterThan(0.3);
  });

  it('equal-mass bins and a cohort column on the same data keep every row', async () => {
    const r = await runCalibration(
      engine,
      calibrationSpecFromSchemas(production, null, { strategy: 'quantile', by: ['region'] }),
    );
    expect(r.n).toBe(realizedCounts('production').rows);
    expect(r.cohorts?.reduce((acc, c) => acc + c.n, 0)).toBe(r.n);
    expect(r.bins.reduce((acc, b) => acc + b.n, 0)).toBe(r.n);
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });
});
