/**
 * Cohort collapse. From Monday 2026-09-21 a malware campaign on Android phones in APAC takes over
 * banking apps and spends like the owner: ordinary amounts, the owner's old account, near home,
 * in the daytime. The model relies on exactly those red flags, so in region = 'APAC' AND
 * device = 'android' most frauds now look like ordinary purchases and get ordinary (low) scores,
 * and the campaign adds its own such frauds. Recall there falls from ~0.6 to ~0.1 while every
 * other cohort holds, and the misses are spread evenly over the cohort's feature values, so the
 * cohort itself (not a corner of it) is where the errors are.
 */
import type { TxDraft } from '../transaction.ts';
import type { EqualsPredicate, PlantContext } from './plant-context.ts';
import { activeFromMs } from './plant-context.ts';

export const COHORT_COLLAPSE = {
  failure: 'cohort_collapse',
  dataset: 'production',
  cohort: [
    { column: 'region', op: '=', value: 'APAC' },
    { column: 'device', op: '=', value: 'android' },
  ] satisfies EqualsPredicate[],
  since: '2026-09-21',
  metric: 'recall',
  /** Share of the cohort's frauds that now look ordinary. */
  mimicShare: 0.88,
  /** Extra ring frauds, as a share of the cohort's transactions. */
  ringShare: 0.04,
} as const;

const ACTIVE_FROM_MS = activeFromMs(COHORT_COLLAPSE.since);

/** True for rows of the cohort region = 'APAC' AND device = 'android'. */
export function inCollapseCohort(draft: TxDraft): boolean {
  return draft.features.region === 'APAC' && draft.features.device === 'android';
}

/** Disguises the cohort's frauds (and adds the ring's) as ordinary sessions once active. */
export function plantCohortCollapse(draft: TxDraft, ctx: PlantContext): TxDraft {
  if (ctx.timeMs < ACTIVE_FROM_MS || !inCollapseCohort(draft)) return draft;
  const disguise =
    draft.isFraud === 1
      ? ctx.rng.chance(COHORT_COLLAPSE.mimicShare)
      : ctx.rng.chance(COHORT_COLLAPSE.ringShare);
  if (!disguise) return draft;
  const ordinary = ctx.drawTransaction({ region: 'APAC', device: 'android', riskySession: false });
  return { ...ordinary, isFraud: 1 };
}
