/**
 * Canary segment. v2 is the better model overall: it also reads a device-intelligence signal
 * (part of what v1 cannot see), so its AUC and recall are higher. But its training set was built
 * with a join that dropped most prepaid-card chargebacks, so v2 learned that prepaid cards
 * rarely see fraud: on card_type = 'prepaid' its scores sit far below the truth and its recall
 * there is much worse than v1's. A canary analysis must FAIL v2 on that segment even though the
 * overall numbers improve.
 */
import type { TxFeatures } from '../transaction.ts';
import type { EqualsPredicate } from './plant-context.ts';

export const CANARY_SEGMENT = {
  failure: 'canary_segment',
  dataset: 'canary',
  baselineModel: 'v1',
  canaryModel: 'v2',
  segment: [{ column: 'card_type', op: '=', value: 'prepaid' }] satisfies EqualsPredicate[],
  metric: 'recall',
  since: '2026-10-26',
  /** What v2 wrongly learned: prepaid fraud odds times exp(-10.5). */
  prepaidLogitShift: -10.5,
} as const;

/** v2's logit shift for a transaction (non-zero on the failing segment only). */
export function canarySegmentShift(features: TxFeatures): number {
  return features.cardType === 'prepaid' ? CANARY_SEGMENT.prepaidLogitShift : 0;
}
