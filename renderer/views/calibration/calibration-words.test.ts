import { describe, expect, it } from 'vitest';
import {
  binRangeText,
  compactCount,
  confidence,
  confidenceWords,
  edgeText,
  rateWords,
} from './calibration-words.ts';

describe('calibration words', () => {
  it('writes edges and ranges for reading, the first bin closed', () => {
    expect(edgeText(3 * 0.1)).toBe('0.3');
    expect(edgeText(0.000492137)).toBe('0.0004921');
    expect(binRangeText({ bin: 0, lo: 0, hi: 0.1 })).toBe('[0, 0.1]');
    expect(binRangeText({ bin: 7, lo: 0.7000000000000001, hi: 0.8 })).toBe('(0.7, 0.8]');
  });

  it('calls a bin over-confident only when its interval lies wholly below the score', () => {
    expect(confidence({ mean_score: 0.74, low: 0.26, high: 0.57 })).toBe('over');
    expect(confidence({ mean_score: 0.002, low: 0.021, high: 0.025 })).toBe('under');
    expect(confidence({ mean_score: 0.5, low: 0.3, high: 0.5 })).toBeNull();
    expect(confidenceWords('over')).toBe('over-confident');
    expect(confidenceWords(null)).toBe('');
  });

  it('names the observed rate after the label', () => {
    expect(rateWords({ label: 'is_fraud', positive: '1', score: 'p' })).toBe('fraud rate');
    expect(rateWords({ label: 'has_churned', positive: 'true', score: 'p' })).toBe('churned rate');
    expect(rateWords({ label: 'default_flag', positive: 'Yes', score: 'p' })).toBe(
      'default flag rate',
    );
    expect(rateWords({ label: 'species', positive: 'cat', score: 'p' })).toBe(
      'rate of species = cat',
    );
  });

  it('shortens counts for chart labels', () => {
    expect(compactCount(598)).toBe('598');
    expect(compactCount(2600)).toBe('2.6K');
    expect(compactCount(25260)).toBe('25.3K');
  });
});
