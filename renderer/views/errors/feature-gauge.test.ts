import { describe, expect, it } from 'vitest';
import type { ErrorFeature } from '../../../shared/analyses/errors/errors-result.ts';
import { comparisonWords, featureTone, filterableValue, gaugePosition } from './feature-gauge.ts';

const feature = (fields: Partial<ErrorFeature>): ErrorFeature => ({
  name: 'amount',
  kind: 'numeric',
  value: 12,
  percentile: null,
  reference_share: null,
  reference_n: 100,
  outside_reference: false,
  missing: false,
  ...fields,
});

describe('featureTone', () => {
  it('reds values beyond the range or the 1st/99th percentile, ambers the 5% tails', () => {
    expect(featureTone(feature({ percentile: 1, outside_reference: true }))).toBe('outside');
    expect(featureTone(feature({ percentile: 0.995 }))).toBe('outside');
    expect(featureTone(feature({ percentile: 0.005 }))).toBe('outside');
    expect(featureTone(feature({ percentile: 0.97 }))).toBe('unusual');
    expect(featureTone(feature({ percentile: 0.04 }))).toBe('unusual');
    expect(featureTone(feature({ percentile: 0.5 }))).toBe('usual');
    expect(featureTone(feature({ percentile: 0.05 }))).toBe('usual');
  });

  it('reds a category never seen and ambers a rare one', () => {
    const category = { kind: 'categorical', value: 'crypto', percentile: null };
    expect(featureTone(feature({ ...category, reference_share: 0, outside_reference: true }))).toBe(
      'outside',
    );
    expect(featureTone(feature({ ...category, reference_share: 0.02 }))).toBe('unusual');
    expect(featureTone(feature({ ...category, reference_share: 0.3 }))).toBe('usual');
  });

  it('tells a missing value from one with nothing to compare', () => {
    expect(featureTone(feature({ missing: true, value: null }))).toBe('missing');
    expect(featureTone(feature({ reference_n: 0 }))).toBe('none');
  });
});

describe('comparison words and the gauge', () => {
  it('says where the value sits', () => {
    expect(comparisonWords(feature({ percentile: 0.998 }))).toBe('99.8th percentile');
    expect(comparisonWords(feature({ percentile: 1, outside_reference: true }))).toBe(
      'above every value',
    );
    expect(comparisonWords(feature({ percentile: 0, outside_reference: true }))).toBe(
      'below every value',
    );
    expect(comparisonWords(feature({ reference_share: 0, outside_reference: true }))).toBe(
      'never seen',
    );
    expect(comparisonWords(feature({ reference_share: 0.125 }))).toBe('12.5% of rows');
    expect(comparisonWords(feature({ missing: true }))).toBe('missing in this row');
    expect(comparisonWords(feature({ reference_n: 0 }))).toBe('nothing to compare');
  });

  it('places the marker in percent and offers a filter for present categories only', () => {
    expect(gaugePosition(0.998)).toBe(99.8);
    expect(gaugePosition(-0.1)).toBe(0);
    expect(filterableValue(feature({ value: 'crypto', reference_share: 0 }))).toBe(true);
    expect(filterableValue(feature({ kind: 'categorical', value: 'web', reference_n: 0 }))).toBe(
      true,
    );
    expect(filterableValue(feature({ value: 12.5, reference_n: 0 }))).toBe(false);
    expect(filterableValue(feature({ percentile: 0.5 }))).toBe(false);
    expect(filterableValue(feature({ missing: true, value: null, reference_share: null }))).toBe(
      false,
    );
  });
});
