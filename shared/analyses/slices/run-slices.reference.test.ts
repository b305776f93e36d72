// SliceLine against ../shared/reference/sliceline.json: the top-k slices an exhaustive
// enumeration found (make_reference.py), with their sizes, error sums, scores and tie order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../engine/duckdb.node.ts';
import type { Engine } from '../../engine/engine.ts';
import type { DatasetSchema } from '../../schema/dataset-schema.ts';
import { loadCsvText } from '../../../test-support/csv-table.ts';
import { expectClose } from '../../../test-support/reference.ts';
import {
  readSlicelineData,
  slicelineCase,
  type SlicelineSlice,
} from '../../../test-support/sliceline-reference.ts';
import { runSlices } from './run-slices.ts';
import { slicesSpecFromSchemas } from './slices-spec.ts';

const reference = slicelineCase;

/**
 * The reference rows as a binary log whose misclassification is the reference's error column
 * (label = error, prediction = 0); `amount_bin` read as text, or left out for `amount` to be cut.
 */
function referenceLog(binned: boolean): string {
  const keep = ['region', 'device', 'plan', 'channel', 'tier', binned ? 'amount_bin' : 'amount'];
  return [
    [...keep, 'label', 'prediction'].join(','),
    ...readSlicelineData().map((r) =>
      [...keep.map((c) => r[c] ?? ''), r[reference.inputs.error_column] ?? '', '0'].join(','),
    ),
  ].join('\n');
}

const roles = (features: string[]) => ({
  task: 'binary' as const,
  roles: {
    label: 'label' as const,
    prediction: 'prediction' as const,
    ...Object.fromEntries(features.map((f) => [f, 'feature' as const])),
  },
});

let engine: Engine;
let binned: DatasetSchema;
let numeric: DatasetSchema;
beforeAll(async () => {
  engine = await createNodeEngine();
  const features = ['region', 'device', 'plan', 'channel', 'tier'];
  binned = await loadCsvText(engine, referenceLog(true), 'binned', {
    ...roles([...features, 'amount_bin']),
    kinds: { amount_bin: 'categorical' },
  });
  numeric = await loadCsvText(engine, referenceLog(false), 'numeric', {
    ...roles([...features, 'amount']),
    kinds: { amount: 'numeric' },
  });
});
afterAll(async () => {
  await engine.close();
});

describe('runSlices against the exhaustive enumeration of sliceline.json', () => {
  for (const { params, info, expected } of reference.runs) {
    const name = `alpha ${params.alpha}, k ${params.k}, max level ${params.max_level}, min support ${params.min_support ?? 'default'}`;
    const options = {
      alpha: params.alpha,
      k: params.k,
      maxLevel: params.max_level,
      minSupport: params.min_support,
    };

    it(`${name}: the same slices in the same order, sizes, error sums and scores`, async () => {
      const result = await runSlices(engine, slicesSpecFromSchemas(binned, null, options));
      expect(result.slices.map((s) => s.text)).toEqual(expected.map((s) => s.text));
      result.slices.forEach((s, i) => {
        const e = expected[i] as SlicelineSlice;
        expect(s.level).toBe(e.level);
        expect(s.size).toBe(e.size);
        expect(s.error_sum).toBe(e.error_sum);
        expectClose(s.error, e.error, `${e.text} error`);
        expectClose(s.score, e.score, `${e.text} score`);
        // amount_bin is read as a number: its values compare as text.
        expect(s.terms.map((t) => [t.column, t.value === null ? null : String(t.value)])).toEqual(
          e.predicates.map((p) => [p.column, p.value]),
        );
      });
      if (info) {
        expect(result.n).toBe(info.n);
        expect(result.min_support).toBe(info.min_support);
        expectClose(result.mean_error, info.mean_error, 'mean error');
      }
    });

    it(`${name}: amount cut into 5 equal-mass bins gives the same slices`, async () => {
      const result = await runSlices(engine, slicesSpecFromSchemas(numeric, null, options));
      const amount = result.columns.find((c) => c.name === 'amount');
      amount?.edges?.forEach((edge, i) =>
        expectClose(edge, reference.inputs.amount_edges[i] ?? NaN, `amount edge ${i}`),
      );
      expect(result.slices.map((s) => s.text.replaceAll('amount =', 'amount_bin ='))).toEqual(
        expected.map((s) => s.text),
      );
      expect(result.slices.map((s) => s.size)).toEqual(expected.map((s) => s.size));
    });
  }
});
