/**
 * Label shift. Over production a fraud ring cashing out through electronics and gaming
 * merchants (resellable goods, gift cards) adds fraudulent transactions at a rate rising linearly
 * from 0 on 2026-08-31 to `peakExtraShare` of all traffic in the last week. Each added fraud
 * looks like past fraud in those categories (drawn from P(features | fraud, category)), so it is
 * a real change in the mechanism, P(fraud) up with P(features | fraud) unchanged, not a
 * relabelling: the base rate climbs from ~3.5% to ~6%, the model's recall holds, and its scores
 * now under-state the risk.
 */
import type { TxDraft } from '../transaction.ts';
import { PRODUCTION_WINDOW, WEEK_MS } from '../calendar.ts';
import type { PlantContext } from './plant-context.ts';

export const LABEL_SHIFT = {
  failure: 'label_shift',
  dataset: 'production',
  column: 'is_fraud',
  since: '2026-08-31',
  categories: ['electronics', 'gaming'],
  peakExtraShare: 0.022,
} as const;

const RAMP_MS = PRODUCTION_WINDOW.weeks * WEEK_MS;
/** Rejection sampling stops here; at these categories' fraud rate (~8%) it never binds. */
const MAX_ATTEMPTS = 500;

/** Share of traffic that is ring fraud at `timeMs` (0 before production). */
export function fraudWaveShare(timeMs: number): number {
  const progress = (timeMs - PRODUCTION_WINDOW.startMs) / RAMP_MS;
  return LABEL_SHIFT.peakExtraShare * Math.min(Math.max(progress, 0), 1);
}

/** Replaces the transaction by a ring fraud with probability fraudWaveShare(time). */
export function plantLabelShift(draft: TxDraft, ctx: PlantContext): TxDraft {
  if (!ctx.rng.chance(fraudWaveShare(ctx.timeMs))) return draft;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const category = LABEL_SHIFT.categories[ctx.rng.uniform() < 0.55 ? 0 : 1];
    const candidate = ctx.drawTransaction({ merchantCategory: category });
    if (candidate.isFraud === 1) return candidate;
  }
  return draft;
}
