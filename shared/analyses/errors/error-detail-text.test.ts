import { describe, expect, it } from 'vitest';
import { detailText, formatValue, type FeatureFacts } from './error-detail-text.ts';
import type { Cell, ErrorFeature } from './errors-result.ts';

const ranked = (name: string, value: Cell, percentile: number, outside = false): FeatureFacts => ({
  feature: {
    name,
    kind: 'numeric',
    value,
    percentile,
    reference_share: null,
    reference_n: 1000,
    outside_reference: outside,
    missing: false,
  },
  min: 3,
  max: 12_000,
});

const category = (name: string, value: Cell, share: number): FeatureFacts => ({
  feature: {
    name,
    kind: 'categorical',
    value,
    percentile: null,
    reference_share: share,
    reference_n: 1000,
    outside_reference: share === 0,
    missing: false,
  },
  min: null,
  max: null,
});

const missing = (name: string): FeatureFacts => {
  const f: ErrorFeature = { ...ranked(name, null, 0).feature, percentile: null, missing: true };
  return { feature: f, min: null, max: null };
};

describe('detailText', () => {
  it('one sentence per unusual feature, in the order given', () => {
    expect(
      detailText(
        [
          category('merchant_category', 'crypto', 0),
          ranked('amount', 9400, 0.998),
          ranked('hour', 3, 0.021),
          category('device', 'fax', 0.0004),
          category('region', 'EU', 0.03),
          ranked('age', 40, 0.5),
        ],
        'reference',
      ),
    ).toEqual([
      'merchant_category = crypto: never seen in the reference',
      'amount = 9,400: 99.8th percentile of the reference',
      'hour = 3: 2.1th percentile of the reference',
      "device = fax: <0.1% of the reference's rows",
      "region = EU: 3.0% of the reference's rows",
    ]);
  });

  it('outside the range, with the end it passes', () => {
    expect(
      detailText([ranked('amount', 940_000, 1, true), ranked('amount_low', -1.5, 0, true)], 'log'),
    ).toEqual([
      'amount = 940,000: above every value in the log (max 12,000)',
      'amount_low = -1.5: below every value in the log (min 3)',
    ]);
  });

  it('five sentences at most, then the rest by name; missing values after', () => {
    const facts = [
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => ranked(n, 1, 0.99)),
      missing('h'),
    ];
    const text = detailText(facts, 'reference');
    expect(text).toHaveLength(7);
    expect(text[5]).toBe('2 more unusual features: f, g');
    expect(text[6]).toBe('h is missing in this row');
  });

  it('says when nothing is unusual, or nothing can be compared', () => {
    expect(
      detailText([ranked('age', 40, 0.5), category('region', 'EU', 0.3)], 'reference'),
    ).toEqual([
      'every feature is usual for the reference: between its 5th and 95th percentiles, or a category of at least 5% of its rows',
    ]);
    expect(detailText([], 'reference')).toEqual(['the log has no feature columns to compare']);
    const none: FeatureFacts = {
      feature: { ...category('x', 'a', 0).feature, reference_share: null, reference_n: 0 },
      min: null,
      max: null,
    };
    none.feature.outside_reference = false;
    expect(detailText([none], 'reference')).toEqual([
      'no values in the reference to compare x with',
    ]);
  });
});

describe('formatValue', () => {
  it('four significant digits, whole numbers with separators from 1,000', () => {
    expect([0.123456, 683, -1.5, 12_345.6, 1e6, true, 'EU', null].map(formatValue)).toEqual([
      '0.1235',
      '683',
      '-1.5',
      '12,346',
      '1,000,000',
      'true',
      'EU',
      'null',
    ]);
  });
});
