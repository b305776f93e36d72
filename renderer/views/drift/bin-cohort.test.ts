import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DriftColumnResult,
  DriftResult,
} from '../../../shared/analyses/drift/drift-result.ts';
import { driftSpecFromSchemas, type DriftSpec } from '../../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../../shared/analyses/drift/run-drift.ts';
import { createNodeEngine } from '../../../shared/engine/duckdb.node.ts';
import type { Engine } from '../../../shared/engine/engine.ts';
import type { Predicate } from '../../engine/predicate-types.ts';
import { openSample } from '../../../test-support/samples.ts';
import { binCohort, narrowCohort } from './bin-cohort.ts';

let engine: Engine;
let spec: DriftSpec;
let result: DriftResult;

beforeAll(async () => {
  engine = await createNodeEngine();
  const reference = await openSample(engine, 'training.parquet', 'training');
  const current = await openSample(engine, 'production.parquet', 'production');
  spec = driftSpecFromSchemas(reference, current);
  result = await runDrift(engine, spec);
});
afterAll(async () => {
  await engine.close();
});

const column = (name: string): DriftColumnResult => {
  const c = result.columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no drift row for ${name}`);
  return c;
};

/** Rows of each side within a cohort, as the drift analysis counts them under its filter. */
async function rowsWithin(name: string, where: Predicate[]) {
  const only = spec.columns.filter((c) => c.name === name);
  const within = await runDrift(engine, { ...spec, columns: only, where });
  return { reference: within.reference.rows, current: within.current.rows };
}

describe('binCohort selects exactly the rows of the bin it was made from', () => {
  it.each(['amount', 'merchant_category'])(
    '%s: every bin, counted again under its predicates',
    async (name) => {
      const c = column(name);
      const bins = c.bins;
      if (bins === null) throw new Error(`${name} has no bins`);
      expect(bins.current_counts.length).toBeGreaterThan(1);
      for (const [index, current] of bins.current_counts.entries()) {
        const predicates = binCohort(c, index);
        if (predicates === null) throw new Error(`bin ${index} of ${name} has no cohort`);
        expect(await rowsWithin(name, predicates)).toEqual({
          reference: bins.reference_counts[index],
          current,
        });
      }
    },
  );

  it('the missing pseudo-bin selects the null rows', async () => {
    const c = column('distance_from_home_km');
    const predicates = binCohort(c, null, '(missing)');
    expect(predicates).toEqual([{ column: 'distance_from_home_km', op: '=', value: null }]);
    expect(c.current.nulls).toBeGreaterThan(0);
    expect((await rowsWithin(c.name, predicates ?? [])).current).toBe(c.current.nulls);
  });
});

describe('binCohort refuses what predicates cannot say', () => {
  const categorical = {
    name: 'merchant',
    bins: {
      mode: 'categorical' as const,
      edges: null,
      categories: ['a', 'b', '(other)'],
      pooled: 12,
      reference_counts: [1, 1, 1],
      current_counts: [1, 1, 1],
      p: null,
      q: null,
    },
  };
  it('the pooled (other) bin and invalid values have no cohort', () => {
    expect(binCohort(categorical, 2)).toBeNull();
    expect(binCohort(categorical, null, '(invalid)')).toBeNull();
    expect(binCohort(categorical, 1)).toEqual([{ column: 'merchant', op: '=', value: 'b' }]);
  });
  it('a category literally named (other) is a cohort when nothing was pooled', () => {
    const named = { ...categorical, bins: { ...categorical.bins, pooled: 0 } };
    expect(binCohort(named, 2)).toEqual([{ column: 'merchant', op: '=', value: '(other)' }]);
  });
  it('the single bin of a constant reference is the whole column, not a cohort', () => {
    const constant = {
      name: 'x',
      bins: { ...categorical.bins, mode: 'quantile' as const, edges: [], categories: null },
    };
    expect(binCohort(constant, 0)).toBeNull();
  });
});

describe('narrowCohort', () => {
  it('keeps predicates on other columns and replaces those on the bin’s column', () => {
    const cohort = [
      { column: 'region', op: '=' as const, value: 'APAC' },
      { column: 'amount', op: '>' as const, value: 10 },
    ];
    expect(narrowCohort(cohort, 'amount', [{ column: 'amount', op: '<=', value: 5 }])).toEqual([
      { column: 'region', op: '=', value: 'APAC' },
      { column: 'amount', op: '<=', value: 5 },
    ]);
  });
});
