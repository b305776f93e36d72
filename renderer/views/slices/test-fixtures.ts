import type {
  Slice,
  SliceHistory,
  SliceTerm,
  SlicesResult,
} from '../../../shared/analyses/slices/slices-result.ts';
import { wilsonInterval } from '../../../shared/stats/wilson.ts';

/** A categorical term `column = value`. */
export const term = (column: string, value: string): SliceTerm => ({
  column,
  value,
  bin: null,
  range: null,
  text: `${column} = ${value}`,
});

/**
 * A misclassification slice of `size` rows with `wrong` errors against an overall rate of
 * `mean`, and `referenceWrong` of `referenceSize` in the reference with `history`.
 */
export function slice(
  terms: SliceTerm[],
  size: number,
  wrong: number,
  mean: number,
  reference?: [referenceSize: number, referenceWrong: number, history: SliceHistory],
): Slice {
  const { low, high } = wilsonInterval(wrong, size);
  const error = wrong / size;
  const out: Slice = {
    predicates: terms.map((t) => ({ column: t.column, op: '=', value: t.value })),
    terms,
    text: terms.map((t) => `${t.column} = ${String(t.value)}`).join(' AND '),
    level: terms.length,
    size,
    error_sum: wrong,
    error,
    low,
    high,
    lift: error / mean,
    score: 0.95 * (error / mean - 1) - 0.05 * (1000 / size - 1),
  };
  if (reference !== undefined) {
    const [refSize, refWrong, history] = reference;
    const interval = wilsonInterval(refWrong, refSize);
    out.reference = {
      size: refSize,
      error: refSize === 0 ? null : refWrong / refSize,
      low: interval.low,
      high: interval.high,
      p: history === 'broke' ? 1e-6 : 0.4,
      q: history === 'broke' ? 1e-5 : 0.5,
      history,
    };
  }
  return out;
}

/**
 * The samples' story in small: 1,000 rows, 14% wrong; the model errs most on APAC android phones
 * (43% of 85 rows, 9% in the reference: it broke), crypto merchants were always hard, and the
 * reference has too few rows of the third slice to judge it.
 */
export function fraudSlices(withReference = true): SlicesResult {
  const mean = 0.14;
  const ref = <T>(r: T) => (withReference ? r : undefined);
  return {
    task: 'binary',
    error_measure: 'misclassification',
    n: 1000,
    mean_error: mean,
    alpha: 0.95,
    k: 10,
    max_level: 3,
    min_support: 32,
    slices: [
      slice(
        [term('region', 'APAC'), term('device', 'android')],
        85,
        37,
        mean,
        ref([100, 9, 'broke']),
      ),
      slice([term('merchant_category', 'crypto')], 200, 50, mean, ref([150, 36, 'always_hard'])),
      slice([term('card_type', 'prepaid')], 40, 9, mean, ref([12, 1, 'unknown'])),
    ],
    levels: [
      { level: 1, candidates: 48, pruned: 0, evaluated: 48, qualifying: 12 },
      { level: 2, candidates: 1331, pruned: 412, evaluated: 919, qualifying: 40 },
    ],
    columns: [
      { name: 'region', edges: null },
      { name: 'device', edges: null },
    ],
    skipped_columns: [
      { column: 'merchant_name', reason: 'free text: nearly every value is unique' },
    ],
    reference_mean_error: withReference ? 0.08 : null,
    empty_reason: null,
  };
}
