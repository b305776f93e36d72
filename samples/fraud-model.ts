/**
 * The deployed models. Each is the calibrated estimate of P(fraud) given what it sees:
 * score = E[logistic(seen + unseen)] over the unseen hidden signal, so in the training window a
 * score of 0.3 means 30% fraud. v1 sees the features; v2 also reads part of the hidden signal,
 * which makes it sharper (higher AUC and recall) while staying calibrated.
 */
import type { Rng } from './prng.ts';
import type { ModelVersion, TxDraft } from './transaction.ts';
import { roundTo } from './transaction.ts';
import {
  CATEGORY_EFFECT,
  HIDDEN_SEEN_BY_V2_SD,
  HIDDEN_UNSEEN_SD,
  HIDDEN_WEIGHT_BY_FLAGS,
  hiddenWeight,
  sigmoid,
  visibleFraudLogit,
} from './fraud-truth.ts';

const GRID_MIN = -20;
const GRID_MAX = 20;
const GRID_STEP = 1 / 64;

/** Tabulates m -> E[sigmoid(m + sd Z)], Z standard normal, by a fine trapezoid over |Z| <= 7. */
function expectedSigmoidTable(sd: number): Float64Array {
  const size = Math.round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1;
  const nodes = 281;
  const zs: number[] = [];
  const weights: number[] = [];
  let weightSum = 0;
  for (let k = 0; k < nodes; k += 1) {
    const z = -7 + (14 * k) / (nodes - 1);
    const w = Math.exp(-0.5 * z * z) * (k === 0 || k === nodes - 1 ? 0.5 : 1);
    zs.push(z);
    weights.push(w);
    weightSum += w;
  }
  const table = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const m = GRID_MIN + i * GRID_STEP;
    let acc = 0;
    for (let k = 0; k < nodes; k += 1) acc += (weights[k] ?? 0) * sigmoid(m + sd * (zs[k] ?? 0));
    table[i] = acc / weightSum;
  }
  return table;
}

function lookup(table: Float64Array, logit: number): number {
  const position = (Math.min(Math.max(logit, GRID_MIN), GRID_MAX) - GRID_MIN) / GRID_STEP;
  const i = Math.min(Math.floor(position), table.length - 2);
  const t = position - i;
  return (table[i] ?? 0) * (1 - t) + (table[i + 1] ?? 0) * t;
}

/** v1 integrates over all the hidden signal, whose spread depends on the weight. */
const V1_TABLES = new Map(
  HIDDEN_WEIGHT_BY_FLAGS.map((w) => [
    w,
    expectedSigmoidTable(Math.hypot(w * HIDDEN_SEEN_BY_V2_SD, HIDDEN_UNSEEN_SD)),
  ]),
);
const V2_TABLE = expectedSigmoidTable(HIDDEN_UNSEEN_SD);

/** Both models were trained before 'crypto' existed: its one-hot is all zeros, a zero effect. */
function trainedCategoryEffect(category: keyof typeof CATEGORY_EFFECT): number {
  return category === 'crypto' ? 0 : CATEGORY_EFFECT[category];
}

/** v1's unrounded probability of fraud. */
export function v1Probability(draft: TxDraft): number {
  // Every weight has its table; the fallback only satisfies the type checker.
  const table = V1_TABLES.get(hiddenWeight(draft.features)) ?? V2_TABLE;
  return lookup(table, visibleFraudLogit(draft.features, trainedCategoryEffect));
}

/** v2's unrounded probability; `logitShift` lets planted/canary-segment.ts bias a segment. */
export function v2Probability(draft: TxDraft, logitShift = 0): number {
  const seen = visibleFraudLogit(draft.features, trainedCategoryEffect) + draft.hiddenSeenByV2;
  return lookup(V2_TABLE, seen + logitShift);
}

/** The logged score: 4 decimals in [0, 1]. */
export function loggedScore(probability: number): number {
  return roundTo(Math.min(Math.max(probability, 0), 1), 4);
}

/** The logged decision, from the logged score so the two columns always agree. */
export function decision(score: number): 0 | 1 {
  return score >= 0.5 ? 1 : 0;
}

/** Serving latency: lognormal body plus a rare slow tail (GC pauses, cold caches). */
export function drawLatencyMs(rng: Rng, version: ModelVersion): number {
  const median = version === 'v2' ? 44 : 38;
  const tailMean = version === 'v2' ? 95 : 80;
  let ms = rng.lognormal(median, 0.32);
  if (rng.chance(0.02)) ms += rng.exponential(tailMean);
  return Math.max(1, Math.round(ms));
}
