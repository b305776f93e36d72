import { describe, expect, it } from 'vitest';
import { skippedParts } from './calibration-skipped-text.ts';

describe('skippedParts', () => {
  const count = (n: number) => `${n} rows`;

  it('names each reason rows were left out, with its count', () => {
    expect(skippedParts({ no_label: 3, no_score: 0, invalid_score: 2 }, count)).toEqual([
      '3 rows without a label',
      '2 rows with a NaN or infinite score',
    ]);
  });

  it('is empty when every row counted', () => {
    expect(skippedParts({ no_label: 0, no_score: 0, invalid_score: 0 }, count)).toEqual([]);
  });
});
