import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { expectClose, loadReference } from '../../../test-support/reference.ts';
import type { CalibrationCurve } from './calibration-result.ts';
import type { CalibrationSpec, CalibrationStrategy } from './calibration-spec.ts';
import { runCalibration } from './run-calibration.ts';

/** One case of ../shared/reference/calibration.json (the fields the tests read). */
interface CalibrationCase {
  name: string;
  inputs: { y: number[]; score: number[]; bins: number; strategy: CalibrationStrategy };
  expected: {
    edges: number[];
    bins: {
      bin: number;
      n: number;
      mean_score: number;
      observed: number;
      low: number;
      high: number;
    }[];
    ece: number;
    mce: number;
    brier: { total: number; rel: number; res: number; unc: number; residual: number };
  };
}

const cases = loadReference<{ cases: CalibrationCase[] }>('calibration.json').cases;

// Column names that need quoting everywhere, named like the query's own aliases.
const LABEL = 'y';
const SCORE = 's "p" ü';
const CASE = 'kt';

let engine: Engine;
let tables = 0;

async function load(columns: Record<string, number[] | string[]>): Promise<string> {
  const name = `cal_${tables++}`;
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([column, values]) => [
      column,
      typeof values[0] === 'string'
        ? vectorFromArray(values as string[], new Utf8())
        : column === LABEL
          ? vectorFromArray(values as number[], new Int32())
          : vectorFromArray(values as number[], new Float64()),
    ]),
  );
  await engine.insertArrowIpc(name, tableToIPC(new Table(vectors), 'stream'), { create: true });
  return name;
}

const side = (table: string) => ({
  table,
  label: LABEL,
  positive: '1',
  score: SCORE,
  scoreType: 'DOUBLE',
});

const spec = (
  table: string,
  c: CalibrationCase,
  by: CalibrationSpec['by'] = [],
  reference?: string,
): CalibrationSpec => ({
  log: side(table),
  ...(reference !== undefined ? { reference: side(reference) } : {}),
  by,
  bins: c.inputs.bins,
  strategy: c.inputs.strategy,
});

/** A curve against a case's expected values, within the README's tolerance; counts exactly. */
function expectCurve(curve: CalibrationCurve, c: CalibrationCase): void {
  const e = c.expected;
  expect(curve.n).toBe(c.inputs.y.length);
  expect(curve.edges).toHaveLength(e.edges.length);
  curve.edges.forEach((edge, i) => expectClose(edge, e.edges[i] ?? null, `${c.name} edge ${i}`));
  expect(curve.bins.map((b) => [b.bin, b.n])).toEqual(e.bins.map((b) => [b.bin, b.n]));
  curve.bins.forEach((b, i) => {
    const x = e.bins[i];
    const what = `${c.name} bin ${b.bin}`;
    expectClose(b.mean_score, x?.mean_score ?? null, `${what} mean_score`);
    expectClose(b.observed, x?.observed ?? null, `${what} observed`);
    expectClose(b.low, x?.low ?? null, `${what} low`);
    expectClose(b.high, x?.high ?? null, `${what} high`);
    expect(b.lo).toBe(b.bin === 0 ? 0 : curve.edges[b.bin - 1]);
    expect(b.hi).toBe(b.bin === c.inputs.bins - 1 ? 1 : curve.edges[b.bin]);
  });
  expectClose(curve.ece, e.ece, `${c.name} ece`);
  expectClose(curve.mce, e.mce, `${c.name} mce`);
  for (const k of ['total', 'rel', 'res', 'unc', 'residual'] as const) {
    expectClose(curve.brier[k], e.brier[k], `${c.name} brier.${k}`);
  }
}

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('runCalibration against calibration.json', () => {
  it('has both strategies, scores of exactly 0 and 1, and scores on and one ulp off the edges', () => {
    expect(cases.map((c) => [c.name, c.inputs.strategy])).toEqual([
      ['beta_scores_uniform', 'uniform'],
      ['beta_scores_quantile', 'quantile'],
      ['edge_ulp_uniform', 'uniform'],
    ]);
    expect(cases[0]?.inputs.score).toEqual(expect.arrayContaining([0, 1]));
  });

  for (const c of cases) {
    it(`${c.name}: bins, ECE, MCE and the Brier decomposition`, async () => {
      const table = await load({ [LABEL]: c.inputs.y, [SCORE]: c.inputs.score });
      const r = await runCalibration(engine, spec(table, c));
      expectCurve(r, c);
      expect(r.rows).toBe(c.inputs.y.length);
      expect(r.skipped).toEqual({ no_label: 0, no_score: 0, invalid_score: 0 });
      expect(r).not.toHaveProperty('cohorts');
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    });

    it(`${c.name}: the same curve as a reference, and as one cohort of several`, async () => {
      // Every case in one table, one cohort each: under `quantile` each cohort gets its own edges.
      const all = cases.filter((x) => x.inputs.bins === c.inputs.bins);
      const table = await load({
        [LABEL]: all.flatMap((x) => x.inputs.y),
        [SCORE]: all.flatMap((x) => x.inputs.score),
        [CASE]: all.flatMap((x) => x.inputs.y.map(() => x.name)),
      });
      const alone = await load({ [LABEL]: c.inputs.y, [SCORE]: c.inputs.score });
      const by = [{ name: CASE, mode: 'value' as const, logType: 'VARCHAR', referenceType: null }];
      const r = await runCalibration(engine, { ...spec(table, c, by), reference: side(alone) });
      const cohort = r.cohorts?.find((x) => x.cohort[CASE] === c.name);
      if (!cohort || !r.reference) throw new Error(`no cohort or reference for ${c.name}`);
      expectCurve(cohort, c);
      expect(cohort.predicates).toEqual([{ column: CASE, op: '=', value: c.name }]);
      expectCurve(r.reference, c);
      expect(r.n).toBe(all.reduce((acc, x) => acc + x.inputs.y.length, 0));
    });
  }

  it('edge_ulp_uniform: each score in the bin the reference gives it', async () => {
    const c = cases.find((x) => x.name === 'edge_ulp_uniform');
    const bins = (c?.expected as { bin_of_each_score?: number[] } | undefined)?.bin_of_each_score;
    if (!c || !bins) throw new Error('no edge_ulp_uniform case');
    // One row per cohort: each cohort's only bin is the row's bin.
    const table = await load({
      [LABEL]: c.inputs.y,
      [SCORE]: c.inputs.score,
      [CASE]: c.inputs.score.map((_, i) => `row ${i}`),
    });
    const by = [{ name: CASE, mode: 'value' as const, logType: 'VARCHAR', referenceType: null }];
    const r = await runCalibration(engine, spec(table, c, by));
    const binOf = (i: number) =>
      r.cohorts?.find((x) => x.cohort[CASE] === `row ${i}`)?.bins.map((b) => b.bin);
    expect(c.inputs.score.map((_, i) => binOf(i)?.[0])).toEqual(bins);
  });
});
