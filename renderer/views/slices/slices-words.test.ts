import { describe, expect, it } from 'vitest';
import type { SlicesResult } from '../../../shared/analyses/slices/slices-result.ts';
import {
  errorText,
  historyWords,
  intervalText,
  levelsWords,
  liftText,
  percentText,
  referenceClause,
  scopeWords,
  skippedWords,
  sliceWords,
  slicesHeadline,
} from './slices-words.ts';
import { fraudSlices, slice, term } from './test-fixtures.ts';

describe('slices words', () => {
  it('reads a slice term by term', () => {
    expect(sliceWords(fraudSlices().slices[0] ?? { terms: [] })).toBe(
      'region = APAC and device = android',
    );
    expect(
      sliceWords({
        terms: [
          {
            column: 'amount',
            value: null,
            bin: 2,
            range: [8.3, 15.38],
            text: 'amount in (8.3, 15.38]',
          },
          { column: 'channel', value: null, bin: null, range: null, text: 'channel is missing' },
        ],
      }),
    ).toBe('amount in (8.3, 15.38] and channel is missing');
  });

  it('writes rates as percents for reading, never a rounded 0% or 100%', () => {
    expect(percentText(0.4353)).toBe('44%');
    expect(percentText(0.14)).toBe('14%');
    expect(percentText(0.09)).toBe('9.0%');
    expect(percentText(0.0998)).toBe('10%');
    expect(percentText(0.02577)).toBe('2.6%');
    expect(percentText(0.0052)).toBe('0.52%');
    expect(percentText(0.99999)).toBe('>99%');
    expect(percentText(0.00000001)).toBe('<0.01%');
    expect(percentText(0)).toBe('0%');
    expect(percentText(1)).toBe('100%');
    expect(errorText(0.14, 'misclassification')).toBe('14%');
    expect(errorText(1234.5, 'squared_error')).toBe('1,235');
    expect(errorText(null, 'squared_error')).toBe('–');
    expect(intervalText(0.36, 0.5, 'misclassification')).toBe('[36%, 50%]');
    expect(intervalText(null, null, 'squared_error')).toBe('');
    expect(liftText(3.04)).toBe('3.0×');
    expect(liftText(12.6)).toBe('13×');
  });

  it('names each history for its badge', () => {
    expect(historyWords('broke')).toBe('broke');
    expect(historyWords('always_hard')).toBe('always hard');
    expect(historyWords('unknown')).toBe('not judged');
  });

  it('says in the headline where the model errs most, and that it broke', () => {
    expect(slicesHeadline(fraudSlices())).toBe(
      'The model errs most on region = APAC and device = android: 44% errors [33%, 54%] vs 14% overall (3.1×), 85 rows; in the reference it erred 9.0% there — it broke.',
    );
    expect(slicesHeadline(fraudSlices(false))).toBe(
      'The model errs most on region = APAC and device = android: 44% errors [33%, 54%] vs 14% overall (3.1×), 85 rows.',
    );
  });

  it('tells "always hard" and "too few to judge" apart in the reference clause', () => {
    const [, crypto, prepaid] = fraudSlices().slices;
    if (crypto?.reference === undefined || prepaid?.reference === undefined) throw new Error();
    expect(referenceClause(crypto.reference, 'misclassification')).toBe(
      'in the reference it erred 24% there too — it was always hard',
    );
    expect(referenceClause(prepaid.reference, 'misclassification')).toBe(
      'in the reference it erred 8.3% there, in only 12 rows: too few to judge',
    );
    const none = slice([term('region', 'Mars')], 40, 20, 0.14, [0, 0, 'unknown']).reference;
    if (none === undefined) throw new Error();
    expect(referenceClause(none, 'misclassification')).toBe(
      'the reference has no rows there to compare with',
    );
  });

  it('says why there is no slice', () => {
    const empty: SlicesResult = { ...fraudSlices(), slices: [], levels: [] };
    expect(slicesHeadline(empty)).toBe(
      'No slice of at least 32 rows (up to 3 columns) errs enough above the 14% overall to score: the errors are spread out.',
    );
    expect(slicesHeadline({ ...empty, empty_reason: 'no row of the log is wrong' })).toBe(
      'No weak slices: no row of the log is wrong.',
    );
  });

  it('words a regression search by its squared error', () => {
    const result: SlicesResult = {
      ...fraudSlices(false),
      task: 'regression',
      error_measure: 'squared_error',
      mean_error: 4,
    };
    const [top] = result.slices;
    if (top === undefined) throw new Error();
    result.slices = [{ ...top, error: 12.5, low: null, high: null, lift: 3.125 }];
    expect(slicesHeadline(result)).toBe(
      'The model is furthest off on region = APAC and device = android: mean squared error 12.5 vs 4 overall (3.1×), 85 rows.',
    );
    expect(scopeWords(result)).toBe('Searched 1,000 rows of the log: mean squared error 4.');
  });

  it('says what was searched, how the lattice went and which columns were left out', () => {
    expect(scopeWords(fraudSlices())).toBe('Searched 1,000 rows of the log: 14% of them wrong.');
    expect(levelsWords(fraudSlices().levels)).toBe(
      'level 1: 48 candidates, 48 evaluated, 12 qualifying; level 2: 1,331 candidates, 412 pruned by bounds, 919 evaluated, 40 qualifying',
    );
    expect(skippedWords(fraudSlices().skipped_columns)).toBe(
      'Not searched: merchant_name (free text: nearly every value is unique).',
    );
    expect(skippedWords([])).toBeNull();
  });
});
