/**
 * New category. From Monday 2026-09-28 merchant_category 'crypto' appears in ~8% of rows: a
 * partnership added crypto-exchange merchants. Training never saw it, so the model gives it no
 * category effect (an all-zero one-hot) while its merchants carry their own risk ratings. The
 * fraud truth treats crypto as somewhat risky, so the model is a little optimistic there.
 */
import { drawMerchantRisk } from '../population.ts';
import type { TxFeatures } from '../transaction.ts';
import type { PlantContext } from './plant-context.ts';
import { activeFromMs } from './plant-context.ts';

export const NEW_CATEGORY = {
  failure: 'new_category',
  dataset: 'production',
  column: 'merchant_category',
  value: 'crypto',
  since: '2026-09-28',
  share: 0.08,
} as const;

const ACTIVE_FROM_MS = activeFromMs(NEW_CATEGORY.since);

/** Moves NEW_CATEGORY.share of transactions to crypto merchants once active. */
export function plantNewCategory(features: TxFeatures, ctx: PlantContext): TxFeatures {
  if (ctx.timeMs < ACTIVE_FROM_MS) return features;
  if (!ctx.rng.chance(NEW_CATEGORY.share)) return features;
  return {
    ...features,
    merchantCategory: 'crypto',
    merchantRisk: drawMerchantRisk(ctx.rng, 'crypto'),
  };
}
