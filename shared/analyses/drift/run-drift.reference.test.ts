import { numericDriftCases } from '../../../test-support/drift-reference.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { expectClose, expectP, loadReference, refNumber } from '../../../test-support/reference.ts';
import { runDrift } from './run-drift.ts';
import type { DriftColumnResult, DriftSideSummary } from './drift-result.ts';
import type { DriftKind } from './drift-spec.ts';

// Every reference case runs on a column whose name needs quoting everywhere.
const COLUMN = 'select "we\'ird" ü,col';

interface CategoricalCase {
  name: string;
  inputs: { reference: (string | null)[]; current: (string | null)[] };
  expected: {
    categories: string[];
    reference_counts: number[];
    current_counts: number[];
    p: number[];
    q: number[];
    pooled_into_other: string[] | null;
    missing: { reference: number; current: number };
    psi: number;
    band: string;
    js: number;
    chi2: { stat: number; dof: number; p: number };
    linf: number;
    new_categories: { value: string; count: number; share: number }[];
    vanished: string[];
  };
}

const numericCases = numericDriftCases();
const categoricalCases = loadReference<{ cases: CategoricalCase[] }>(
  'categorical_drift.json',
).cases;

let engine: Engine;
let tables = 0;

async function load(values: unknown[], kind: DriftKind): Promise<string> {
  const name = `ref_${tables++}`;
  const vector =
    kind === 'numeric'
      ? vectorFromArray(values.map(refNumber), new Float64())
      : vectorFromArray(values as (string | null)[], new Utf8());
  await engine.insertArrowIpc(name, tableToIPC(new Table({ [COLUMN]: vector }), 'stream'), {
    create: true,
  });
  return name;
}

async function drift(inputs: { reference: unknown[]; current: unknown[] }, kind: DriftKind) {
  const type = kind === 'numeric' ? 'DOUBLE' : 'VARCHAR';
  const result = await runDrift(engine, {
    referenceTable: await load(inputs.reference, kind),
    currentTable: await load(inputs.current, kind),
    columns: [{ name: COLUMN, kind, referenceType: type, currentType: type }],
  });
  expect(result.reference.rows).toBe(inputs.reference.length);
  expect(result.current.rows).toBe(inputs.current.length);
  const column = result.columns[0];
  if (!column) throw new Error('no column in the result');
  expect(column.name).toBe(COLUMN);
  return column;
}

function expectCloseAll(actual: readonly number[] | null, expected: number[], what: string) {
  expect(actual?.length, `${what} length`).toBe(expected.length);
  expected.forEach((e, k) => expectClose(actual?.[k] ?? null, e, `${what}[${k}]`));
}

function expectSide(
  actual: DriftColumnResult['reference'],
  expected: Record<string, unknown>,
  what: string,
) {
  const side = actual as DriftSideSummary;
  for (const key of ['rows', 'n', 'nulls', 'invalid']) {
    expect(side[key as 'rows'], `${what}.${key}`).toBe(expected[key]);
  }
  for (const key of [
    'missing_rate',
    'invalid_rate',
    'mean',
    'std',
    'min',
    'max',
    'p01',
    'p05',
    'p50',
    'p95',
    'p99',
  ] as const) {
    expectClose(side[key], expected[key] as number | null, `${what}.${key}`);
  }
}

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('runDrift against numeric_drift.json', () => {
  for (const c of numericCases) {
    it(c.name, async () => {
      const r = await drift(c.inputs, 'numeric');
      const e = c.expected;
      expectSide(r.reference, e.reference, 'reference');
      expectSide(r.current, e.current, 'current');
      expect(r.bins?.mode).toBe(e.binning.mode);
      if (e.binning.mode === 'quantile') expect(r.bins?.edges).toEqual(e.binning.edges);
      else expect(r.bins?.categories).toEqual(e.binning.categories);
      expect(r.bins?.reference_counts).toEqual(e.binning.reference_counts);
      expect(r.bins?.current_counts).toEqual(e.binning.current_counts);
      expectCloseAll(r.bins?.p ?? null, e.binning.p, 'p');
      expectCloseAll(r.bins?.q ?? null, e.binning.q, 'q');
      expectClose(r.psi, e.psi, 'psi');
      expect(r.band).toBe(e.band);
      expect(r.drifted).toBe(e.band === 'significant');
      expectClose(r.js, e.js, 'js');
      expectClose(r.ks?.d ?? null, e.ks.d, 'ks.d');
      expectClose(r.ks?.en ?? null, e.ks.en, 'ks.en');
      expect(r.ks?.n).toBe(e.ks.n);
      expectP(r.ks?.p ?? null, e.ks.p, 'ks.p');
      // One test in the table: BH leaves it as it is.
      expectP(r.ks?.q ?? null, e.ks.p, 'ks.q');
      expectClose(r.wasserstein?.w ?? null, e.wasserstein.w, 'w');
      expectClose(r.wasserstein?.std_reference ?? null, e.wasserstein.std_reference, 'std_R');
      expectClose(r.wasserstein?.normed ?? null, e.wasserstein.normed, 'normed');
      expect(r.wasserstein?.drift).toBe(e.wasserstein.drift);
      expect(r.constant_reference).toBe(e.constant_reference);
      expectClose(r.out_of_range, e.out_of_range, 'out_of_range');
      expect(r.chi2).toBeNull();
      expect(r.linf).toBeNull();
      expectClose(r.missing.reference, e.reference.missing_rate ?? null, 'missing.reference');
      expectClose(r.missing.current, e.current.missing_rate ?? null, 'missing.current');
      expectClose(r.invalid.current, e.current.invalid_rate ?? null, 'invalid.current');
    });
  }
});

describe('runDrift against categorical_drift.json', () => {
  for (const c of categoricalCases) {
    it(c.name, async () => {
      const r = await drift(c.inputs, 'categorical');
      const e = c.expected;
      expect(r.bins?.mode).toBe('categorical');
      expect(r.bins?.categories).toEqual(e.categories);
      expect(r.bins?.pooled).toBe(e.pooled_into_other?.length ?? 0);
      expect(r.bins?.reference_counts).toEqual(e.reference_counts);
      expect(r.bins?.current_counts).toEqual(e.current_counts);
      expectCloseAll(r.bins?.p ?? null, e.p, 'p');
      expectCloseAll(r.bins?.q ?? null, e.q, 'q');
      expectClose(r.missing.reference, e.missing.reference, 'missing.reference');
      expectClose(r.missing.current, e.missing.current, 'missing.current');
      expectClose(r.psi, e.psi, 'psi');
      expect(r.band).toBe(e.band);
      expect(r.drifted).toBe(e.band === 'significant');
      expectClose(r.js, e.js, 'js');
      expectClose(r.chi2?.stat ?? null, e.chi2.stat, 'chi2.stat');
      expect(r.chi2?.dof).toBe(e.chi2.dof);
      expectP(r.chi2?.p ?? null, e.chi2.p, 'chi2.p');
      expectClose(r.linf, e.linf, 'linf');
      expect(r.new_categories.map((n) => [n.value, n.count])).toEqual(
        e.new_categories.map((n) => [n.value, n.count]),
      );
      e.new_categories.forEach((n, k) =>
        expectClose(r.new_categories[k]?.share ?? null, n.share, `new ${n.value} share`),
      );
      expect(r.vanished.map((v) => v.value)).toEqual(e.vanished);
      expect(r.ks).toBeNull();
      expect(r.wasserstein).toBeNull();
      expect(r.out_of_range).toBeNull();
    });
  }
});
