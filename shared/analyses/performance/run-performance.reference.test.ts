import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import { binaryCases, type BinaryCase } from '../../../test-support/binary-reference.ts';
import { expectClose, expectP, loadReference } from '../../../test-support/reference.ts';
import { binaryProportions } from '../../stats/binary-metrics.ts';
import type { PerformanceGroup } from './performance-result.ts';
import type { PerformanceSpec } from './performance-spec.ts';
import { runPerformance } from './run-performance.ts';

// Every case runs on columns whose names need quoting everywhere, named like the query's aliases.
const LABEL = 'y';
const SCORE = 's "p" ü';
const CASE = 'select';

const cases = binaryCases();
let engine: Engine;
let tables = 0;

async function load(
  columns: Record<string, { values: unknown[]; type: 'int' | 'double' | 'text' }>,
) {
  const name = `bin_${tables++}`;
  const vectors = Object.fromEntries(
    Object.entries(columns).map(([column, { values, type }]) => [
      column,
      type === 'int'
        ? vectorFromArray(values as number[], new Int32())
        : type === 'double'
          ? vectorFromArray(values as number[], new Float64())
          : vectorFromArray(values as string[], new Utf8()),
    ]),
  );
  await engine.insertArrowIpc(name, tableToIPC(new Table(vectors), 'stream'), { create: true });
  return name;
}

const spec = (
  table: string,
  by: PerformanceSpec['by'] = [],
  reference?: string,
): PerformanceSpec => {
  const outcome = { label: LABEL, positive: '1', prediction: null, score: SCORE, threshold: 0.5 };
  return {
    log: { table, outcome },
    ...(reference !== undefined ? { reference: { table: reference, outcome } } : {}),
    by,
  };
};

/** A group's numbers against a case's expected values, within the README's tolerance. */
function expectCase(g: PerformanceGroup, c: BinaryCase) {
  const e = c.expected;
  expect(g.n).toBe(e.n);
  expect(g.positives).toBe(e.positives);
  expect(g.confusion).toEqual(e.confusion);
  expect(g.too_small).toBe(e.too_small);
  for (const name of binaryProportions) {
    const ref = e.intervals[name];
    const got = g.metrics.intervals[name];
    expectClose(g.metrics[name], e.metrics[name], `${c.name} ${name}`);
    expect([got.k, got.n], `${c.name} ${name} k/n`).toEqual([ref?.k, ref?.n]);
    expectClose(got.low, ref?.low ?? null, `${c.name} ${name}.low`);
    expectClose(got.high, ref?.high ?? null, `${c.name} ${name}.high`);
  }
  expectClose(g.metrics.f1, e.metrics.f1, `${c.name} f1`);
  expect(g.metrics.f1_undefined).toBe(e.metrics.f1_undefined);
  expectClose(g.metrics.auc, e.metrics.auc, `${c.name} auc`);
  expectClose(g.metrics.log_loss, e.metrics.log_loss, `${c.name} log_loss`);
  expectClose(g.metrics.brier, e.metrics.brier, `${c.name} brier`);
}

beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('runPerformance against binary_classification.json', () => {
  it('has the five cases, with AUC ties, scores of exactly 0 and 1, one class, none predicted', () => {
    expect(cases.map((c) => c.name)).toEqual([
      'ties_and_extremes',
      'unbalanced',
      'one_class',
      'hand_small',
      'nothing_predicted_positive',
    ]);
    const extremes = cases[0]?.inputs.score ?? [];
    expect(extremes).toContain(0);
    expect(extremes).toContain(1);
  });

  for (const c of cases) {
    it(`${c.name}: every metric of the whole log`, async () => {
      const table = await load({
        [LABEL]: { values: c.inputs.y, type: 'int' },
        [SCORE]: { values: c.inputs.score, type: 'double' },
      });
      const r = await runPerformance(engine, spec(table));
      expectCase(r.overall, c);
      expect(r.log.rows).toBe(c.inputs.y.length);
      expect(r.cohorts).toEqual([]);
      expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
    });
  }

  it('all five cases in one table, one cohort each: the same numbers per cohort', async () => {
    const table = await load({
      [LABEL]: { values: cases.flatMap((c) => c.inputs.y), type: 'int' },
      [SCORE]: { values: cases.flatMap((c) => c.inputs.score), type: 'double' },
      [CASE]: { values: cases.flatMap((c) => c.inputs.y.map(() => c.name)), type: 'text' },
    });
    const by = [{ name: CASE, mode: 'value' as const, logType: 'VARCHAR', referenceType: null }];
    const r = await runPerformance(engine, spec(table, by));
    expect(r.cohorts).toHaveLength(cases.length);
    for (const c of cases) {
      const cohort = r.cohorts.find((x) => x.cohort[CASE] === c.name);
      if (!cohort) throw new Error(`no cohort ${c.name}`);
      expectCase(cohort, c);
      expect(cohort.predicates).toEqual([{ column: CASE, op: '=', value: c.name }]);
      expect(cohort.delta?.against).toBe('rest');
    }
  });
});

interface ZCase {
  group1: { k: number; n: number };
  group2: { k: number; n: number };
  delta: number;
  z: number | null;
  p: number | null;
  too_small: boolean;
}

describe('runPerformance deltas against tests.json two-proportion cases', () => {
  const zCases = loadReference<{ two_proportion_z: ZCase[] }>('tests.json').two_proportion_z;
  // The base rate is k/n with k label-1 rows among n: reference = group 1, log = group 2.
  const rows = ({ k, n }: { k: number; n: number }) => ({
    [LABEL]: { values: Array.from({ length: n }, (_, i) => (i < k ? 1 : 0)), type: 'int' as const },
    [SCORE]: { values: Array.from({ length: n }, () => 0.5), type: 'double' as const },
  });
  for (const c of zCases) {
    it(`${c.group1.k}/${c.group1.n} → ${c.group2.k}/${c.group2.n}`, async () => {
      const reference = await load(rows(c.group1));
      const log = await load(rows(c.group2));
      const r = await runPerformance(engine, spec(log, [], reference));
      const d = r.overall.delta;
      expect(d?.against).toBe('reference');
      expectClose(d?.metrics.base_rate.delta ?? null, c.delta, 'delta');
      expectClose(d?.metrics.base_rate.z ?? null, c.z, 'z');
      expectP(d?.metrics.base_rate.p ?? null, c.p, 'p');
      expect(d?.too_small).toBe(c.too_small);
    });
  }
});
