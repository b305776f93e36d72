/**
 * The true fraud mechanism: P(fraud) = logistic(visible(features) + hidden). `visible` is a
 * logistic score of the logged features; `hidden` is the part of a fraudster's behaviour no
 * logged column shows. v2 reads most of it from a device-intelligence input
 * (HIDDEN_SEEN_BY_V2_SD); the rest no model sees. The hidden part is why v1's AUC stays between
 * 0.85 and 0.9 while v2 reaches ~0.97, and the red flags are why v1 still catches ~60% of fraud
 * at 0.5: most fraud comes from risky sessions that raise several flags at once.
 */
import type { Rng } from './prng.ts';
import type { CardType, Channel, MerchantCategory, TxDraft, TxFeatures } from './transaction.ts';

export const HIDDEN_SEEN_BY_V2_SD = 4.5;
export const HIDDEN_UNSEEN_SD = 0.4;

/** Sets the training base rate (about 3.3%). */
const INTERCEPT = -11.4;
/** Red flags compound: one is often innocent, three almost never (see redFlagCount). */
const RED_FLAG_LINEAR = 1.0;
const RED_FLAG_SQUARED = 1.5;
/** More than three flags add nothing: the score is already certain. */
const RED_FLAG_CAP = 3;

/** Per-category fraud effect. 'crypto' is the truth for a category the v1 model never saw. */
export const CATEGORY_EFFECT: Record<MerchantCategory, number> = {
  grocery: -0.3,
  travel: 0.2,
  electronics: 0.4,
  gaming: 0.5,
  fuel: -0.1,
  restaurants: -0.2,
  fashion: 0,
  pharmacy: -0.3,
  crypto: 0.4,
};

const CARD_EFFECT: Record<CardType, number> = { credit: 0, debit: 0.05, prepaid: 0.4 };
const CHANNEL_EFFECT: Record<Channel, number> = { online: 0.25, in_store: -0.35, phone: 0.15 };

/**
 * How much the hidden signal weighs, by red-flag count (capped): it decides ordinary-looking
 * cases, while a transaction with three red flags is fraud whatever a device fingerprint says.
 */
export const HIDDEN_WEIGHT_BY_FLAGS = [1, 0.7, 0.45, 0.25];

/** The classic red flags, each rare in ordinary traffic and common in a risky session. */
export function redFlagCount(x: TxFeatures): number {
  const amountRatio = x.amount / x.avgAmount30d;
  return (
    (amountRatio >= 4 ? 1 : 0) +
    (x.accountAgeDays < 30 ? 1 : 0) +
    (x.merchantRisk >= 0.6 ? 1 : 0) +
    (x.distanceFromHomeKm >= 300 ? 1 : 0) +
    (x.txnCount24h >= 7 ? 1 : 0)
  );
}

/**
 * The visible part of the fraud logit. `categoryEffect` lets a model substitute its own view of
 * the categories (v1 gives the unseen 'crypto' no effect).
 */
export function visibleFraudLogit(
  x: TxFeatures,
  categoryEffect: (category: MerchantCategory) => number = (c) => CATEGORY_EFFECT[c],
): number {
  const amountRatio = x.amount / x.avgAmount30d;
  const flags = Math.min(redFlagCount(x), RED_FLAG_CAP);
  let logit = INTERCEPT + RED_FLAG_LINEAR * flags + RED_FLAG_SQUARED * flags * flags;
  // Weak slopes inside the ordinary range.
  logit += 0.45 * Math.min(Math.max(Math.log(amountRatio), -2), 4); // above one's habit
  logit += x.accountAgeDays < 180 ? 0.3 : 0; // young account
  logit += 1.2 * x.merchantRisk;
  logit += 0.1 * Math.min(Math.log1p(x.distanceFromHomeKm), 9); // far from home
  logit += x.hourOfDay <= 5 ? 0.7 : 0; // night
  logit += 0.2 * (x.txnCount24h - 2.4); // velocity
  logit += 0.6 * Math.max(0, x.utilization - 0.9); // maxed-out card
  logit += x.customerAge < 25 || x.customerAge > 78 ? 0.3 : 0;
  logit += categoryEffect(x.merchantCategory);
  logit += CARD_EFFECT[x.cardType] + CHANNEL_EFFECT[x.channel];
  // Mobile-app fraud (SIM swap, banking malware) is commoner on Android in APAC.
  logit += x.region === 'APAC' && x.device === 'android' ? 0.3 : 0;
  return logit;
}

/** The logistic function. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/** Weight of the hidden signal for these features (see HIDDEN_WEIGHT_BY_FLAGS). */
export function hiddenWeight(x: TxFeatures): number {
  return HIDDEN_WEIGHT_BY_FLAGS[Math.min(redFlagCount(x), RED_FLAG_CAP)] ?? 1;
}

/** Draws the hidden signals and the label for `features` under the training mechanism. */
export function labelTransaction(rng: Rng, features: TxFeatures): TxDraft {
  const hiddenSeenByV2 = HIDDEN_SEEN_BY_V2_SD * hiddenWeight(features) * rng.normal();
  const hiddenUnseen = HIDDEN_UNSEEN_SD * rng.normal();
  const logit = visibleFraudLogit(features) + hiddenSeenByV2 + hiddenUnseen;
  const isFraud = rng.uniform() < sigmoid(logit) ? 1 : 0;
  return { features, hiddenSeenByV2, hiddenUnseen, isFraud };
}
