import { describe, expect, it } from 'vitest';
import { aucFromRankSum } from './auc.ts';

describe('aucFromRankSum', () => {
  it('works the hand case of binary_classification.json with a tie across classes', () => {
    // Scores 0.1 0.2 0.35 0.4 0.4 0.4 0.6 0.7 0.8 0.9 with labels 0 0 1 0 0 1 1 0 1 1: ranks 1..10,
    // the three 0.4s share rank 5. Positives: 3 + 5 + 7 + 9 + 10 = 34; U = 34 - 15 = 19; AUC 19/25.
    expect(aucFromRankSum({ positives: 5, negatives: 5, positiveRankSum: 34 })).toBe(0.76);
  });

  it('is 1 when every positive outranks every negative, 0.5 when all scores tie', () => {
    expect(aucFromRankSum({ positives: 2, negatives: 3, positiveRankSum: 4 + 5 })).toBe(1);
    // Five tied rows: midrank 3 each.
    expect(aucFromRankSum({ positives: 2, negatives: 3, positiveRankSum: 6 })).toBe(0.5);
  });

  it('is null when a class is absent', () => {
    expect(aucFromRankSum({ positives: 0, negatives: 4, positiveRankSum: 0 })).toBeNull();
    expect(aucFromRankSum({ positives: 4, negatives: 0, positiveRankSum: 10 })).toBeNull();
  });
});
