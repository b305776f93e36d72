// Hand-worked cases of weak-slice discovery: multiclass and regression errors, the subsets that
// leave nothing to search, progress, cancellation, and the temporary tables left behind (none).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../engine/arrow-columns.ts';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine, Progress } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { sql } from '../../sql/sql.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import { runSlices } from './run-slices.ts';
import { slicesSpecFromSchemas } from './slices-spec.ts';

/** `count` rows of `shop, lang`, the first `wrong` of them predicted wrongly. */
function group(shop: string, lang: string, count: number, wrong: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const label = ['cat', 'dog', 'owl'][i % 3] ?? 'cat';
    const predicted = i < wrong ? (label === 'cat' ? 'dog' : 'cat') : label;
    return `${shop},${lang},${label},${predicted}`;
  });
}

// 200 labelled rows, 40 wrong: shop x in French 25 of 50, every other pair 5 of 50; 2 unlabelled.
const multiclassCsv = [
  'shop,lang,animal,guess',
  ...group('x', 'fr', 50, 25),
  ...group('x', 'en', 50, 5),
  ...group('y', 'fr', 50, 5),
  ...group('y', 'en', 50, 5),
  'x,fr,,cat',
  'y,en,,dog',
].join('\n');

// Regression: group a is off by 2 on each of 10 rows, group b by 1 on 5 of 10, group c never.
const regressionCsv = [
  'g,truth,estimate',
  ...Array.from({ length: 10 }, (_, i) => `a,${i},${i + 2}`),
  ...Array.from({ length: 10 }, (_, i) => `b,${i},${i + (i % 2)}`),
  ...Array.from({ length: 5 }, (_, i) => `c,${i},${i}`),
].join('\n');

const roles = { label: 'label', prediction: 'prediction', feature: 'feature' } as const;

let engine: Engine;
let multiclass: DatasetSchema;
let regression: DatasetSchema;
beforeAll(async () => {
  engine = await createNodeEngine();
  multiclass = await loadCsvText(engine, multiclassCsv, 'animals', {
    task: 'multiclass',
    roles: {
      shop: roles.feature,
      lang: roles.feature,
      animal: roles.label,
      guess: roles.prediction,
    },
  });
  regression = await loadCsvText(engine, regressionCsv, 'estimates', {
    task: 'regression',
    roles: { g: roles.feature, truth: roles.label, estimate: roles.prediction },
    kinds: { g: 'categorical' },
  });
});
afterAll(async () => {
  await engine.close();
});

describe('runSlices, worked by hand', () => {
  it('multiclass: 0/1 misclassification; ties go to the larger slice, then the text', async () => {
    const r = await runSlices(engine, slicesSpecFromSchemas(multiclass, null, { minSupport: 10 }));
    expect([r.n, r.mean_error, r.error_measure]).toEqual([200, 0.2, 'misclassification']);
    // shop x ∧ fr: 0.95 (0.5/0.2 - 1) - 0.05 (200/50 - 1) = 1.275; x alone and fr alone:
    // 0.95 (0.3/0.2 - 1) - 0.05 (200/100 - 1) = 0.425 each, same size: "lang = fr" sorts first.
    expect(r.slices.map((s) => [s.text, s.size, s.error_sum])).toEqual([
      ['shop = x AND lang = fr', 50, 25],
      ['lang = fr', 100, 30],
      ['shop = x', 100, 30],
    ]);
    expect(r.slices[0]?.score).toBeCloseTo(1.275, 12);
    expect(r.slices[1]?.score).toBeCloseTo(0.425, 12);
    expect(r.slices[0]?.lift).toBeCloseTo(2.5, 12);
    expect(r.slices[0]?.terms.map((t) => t.text)).toEqual(['shop = x', 'lang = fr']);
  });

  it('regression: squared error, no interval', async () => {
    const r = await runSlices(engine, slicesSpecFromSchemas(regression, null, { minSupport: 5 }));
    expect([r.n, r.mean_error, r.error_measure]).toEqual([25, 45 / 25, 'squared_error']);
    const [top] = r.slices;
    expect([top?.text, top?.size, top?.error_sum, top?.error]).toEqual(['g = a', 10, 40, 4]);
    // 0.95 (4/1.8 - 1) - 0.05 (25/10 - 1)
    expect(top?.score).toBeCloseTo(0.95 * (4 / 1.8 - 1) - 0.075, 12);
    expect([top?.low, top?.high]).toEqual([null, null]);
    expect(r.slices).toHaveLength(1);
  });

  it('says why nothing was searched: no rows in the subset, no errors in it', async () => {
    const none = await runSlices(
      engine,
      slicesSpecFromSchemas(multiclass, null, {
        where: [{ column: 'shop', op: '=', value: 'z' }],
      }),
    );
    expect([none.n, none.slices, none.empty_reason]).toEqual([
      0,
      [],
      'no rows with a known error to search',
    ]);
    const perfect = await runSlices(
      engine,
      slicesSpecFromSchemas(regression, null, { where: [{ column: 'g', op: '=', value: 'c' }] }),
    );
    expect([perfect.n, perfect.mean_error, perfect.empty_reason]).toEqual([
      5,
      0,
      'the model makes no errors on these rows: no slice is worse',
    ]);
  });

  it('searches columns named like its own SQL names (e, k0, c0, w, se, sm)', async () => {
    // The multiclass rows again, under names the search's queries use for their own columns.
    const csv = multiclassCsv
      .replace('shop,lang,animal,guess', 'e,k0,c0,w')
      .split('\n')
      .map((line, i) => (i === 0 ? `${line},se,sm` : `${line},1,2`))
      .join('\n');
    const odd = await loadCsvText(engine, csv, 'odd names', {
      task: 'multiclass',
      roles: {
        e: 'feature',
        k0: 'feature',
        c0: 'label',
        w: 'prediction',
        se: 'feature',
        sm: 'ignored',
      },
    });
    const r = await runSlices(engine, slicesSpecFromSchemas(odd, null, { minSupport: 10 }));
    // se is 1 on every row: each slice with it has the same rows as the one without, and sorts
    // right after it (same score and size, longer text).
    expect(r.slices.map((s) => [s.text, s.size, s.error_sum])).toEqual([
      ['e = x AND k0 = fr', 50, 25],
      ['e = x AND k0 = fr AND se = 1', 50, 25],
      ['e = x', 100, 30],
      ['e = x AND se = 1', 100, 30],
      ['k0 = fr', 100, 30],
      ['k0 = fr AND se = 1', 100, 30],
    ]);
  });

  it('reports progress in steps; a cancelled run stops and leaves no table behind', async () => {
    const seen: Progress[] = [];
    await runSlices(engine, slicesSpecFromSchemas(multiclass, null, { minSupport: 10 }), {
      onProgress: (p) => seen.push(p),
    });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.every((p) => p.total === 5 && p.unit === 'steps')).toBe(true);

    const controller = new AbortController();
    await expect(
      runSlices(engine, slicesSpecFromSchemas(multiclass, null, { minSupport: 10 }), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'level 2') controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    const left = readRows(
      await engine.query(
        sql`SELECT count(*)::DOUBLE AS n FROM duckdb_tables() WHERE table_name LIKE 'faultline_slices%'`,
      ),
    );
    expect(left[0]?.n).toBe(0);
  });
});
