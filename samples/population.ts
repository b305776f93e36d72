/**
 * The cardholder and transaction population of the training window: how each feature is drawn.
 * Production and the canary draw from the same population; planted/ changes what they change.
 */
import type { Rng } from './prng.ts';
import type {
  CardType,
  Channel,
  Device,
  MerchantCategory,
  Region,
  TxFeatures,
} from './transaction.ts';
import {
  CARD_TYPES,
  CHANNELS,
  DEVICES,
  MERCHANT_CATEGORIES,
  REGIONS,
  roundTo,
} from './transaction.ts';
import { REGION_WEIGHTS_BY_UTC_HOUR, localHour } from './calendar.ts';

/** Values a caller may fix instead of drawing (used by the planted failures). */
export interface FixedValues {
  region?: Region;
  device?: Device;
  merchantCategory?: MerchantCategory;
  /** false draws an ordinary session: what a fraud ring mimicking real customers looks like. */
  riskySession?: boolean;
}

/**
 * Share of transactions from a risky session (a stolen card being tested, an account takeover).
 * Such a session differs on several features at once (far above the usual ticket, a new account,
 * a risky merchant, far from home, many transactions today), which is what lets a model catch
 * most fraud with a few confident scores. It is not a column: the label comes from the features.
 */
const RISKY_SESSION_SHARE = 0.019;
const RISKY_NIGHT_FACTOR = 2.5;
/** Mobile-app takeovers (SIM swap, banking malware) are commoner on Android in APAC. */
const RISKY_APAC_ANDROID_FACTOR = 1.8;

/** Android dominates in APAC and LATAM: this makes APAC x android a large, distinct cohort. */
const DEVICE_WEIGHTS: Record<Region, readonly number[]> = {
  NA: [0.48, 0.3, 0.22],
  EU: [0.36, 0.42, 0.22],
  APAC: [0.24, 0.64, 0.12],
  LATAM: [0.22, 0.58, 0.2],
};

/** A web session is online by construction; phones also pay in store and by phone order. */
const CHANNEL_WEIGHTS: Record<Device, readonly number[]> = {
  ios: [0.45, 0.45, 0.1],
  android: [0.45, 0.45, 0.1],
  web: [0.95, 0, 0.05],
};

/** Training categories ('crypto' does not exist before production: planted/new-category.ts). */
const TRAINING_CATEGORIES: readonly MerchantCategory[] = MERCHANT_CATEGORIES.filter(
  (c) => c !== 'crypto',
);
const CATEGORY_WEIGHTS = [0.2, 0.06, 0.09, 0.07, 0.11, 0.19, 0.16, 0.12];
/** Risky sessions go where goods resell: electronics, gaming, travel. */
const RISKY_CATEGORY_WEIGHTS = [0.1, 0.12, 0.27, 0.21, 0.04, 0.06, 0.14, 0.06];

/** Typical ticket per category, relative to the cardholder's own 30-day average. */
const CATEGORY_TICKET: Record<MerchantCategory, number> = {
  grocery: 0.9,
  travel: 2.0,
  electronics: 1.7,
  gaming: 0.8,
  fuel: 0.85,
  restaurants: 0.6,
  fashion: 1.2,
  pharmacy: 0.55,
  crypto: 1.4,
};

/** Centre of the merchant-risk logit per category (the rating vendor's view of merchants). */
const CATEGORY_RISK_CENTER: Record<MerchantCategory, number> = {
  grocery: -2.4,
  travel: -1.5,
  electronics: -1.2,
  gaming: -0.9,
  fuel: -2.2,
  restaurants: -2.2,
  fashion: -1.8,
  pharmacy: -2.6,
  crypto: -1.0,
};

const CARD_WEIGHTS = [0.53, 0.39, 0.08];
const RISKY_CARD_WEIGHTS = [0.52, 0.32, 0.16];

/** P(risky session), given the merchant category when the caller fixed it (Bayes' rule). */
function riskyShareGiven(riskyShare: number, category: MerchantCategory | undefined): number {
  const i = TRAINING_CATEGORIES.findIndex((c) => c === category);
  if (i < 0) return riskyShare;
  const risky = riskyShare * (RISKY_CATEGORY_WEIGHTS[i] ?? 0);
  return risky / (risky + (1 - riskyShare) * (CATEGORY_WEIGHTS[i] ?? 0));
}

/** Draws a merchant-risk rating (0..1) for a merchant of `category`. */
export function drawMerchantRisk(rng: Rng, category: MerchantCategory, risky = false): number {
  const logit = CATEGORY_RISK_CENTER[category] + (risky ? 2.8 : 0) + 0.9 * rng.normal();
  return roundTo(1 / (1 + Math.exp(-logit)), 3);
}

function drawCustomerAge(rng: Rng): number {
  // Resampling (not clipping) keeps the ends of 18..90 free of artificial spikes.
  for (;;) {
    const age = Math.round(44 + 15 * rng.normal());
    if (age >= 18 && age <= 90) return age;
  }
}

function drawAccountAgeDays(rng: Rng, customerAge: number, risky: boolean): number {
  const maxDays = (customerAge - 17) * 365;
  // Few ordinary accounts are new (opened within two months); most risky sessions use one.
  const isNew = rng.chance(risky ? 0.8 : 0.06);
  const days = isNew ? 60 * rng.uniform() : rng.lognormal(1100, 0.9);
  return Math.min(Math.floor(days), maxDays);
}

function drawDistanceKm(
  rng: Rng,
  channel: Channel,
  category: MerchantCategory,
  risky: boolean,
): number {
  // Heavy tail with an atom at 0: card-present at a home-area merchant, or an online shopper at home.
  const atHome = risky ? 0.05 : channel === 'in_store' ? 0.35 : 0.22;
  if (rng.chance(atHome)) return 0;
  const median = (category === 'travel' ? 40 : 6) * (risky ? 100 : 1);
  return roundTo(rng.lognormal(median, 1.6), 1);
}

function drawCreditLimit(rng: Rng, card: CardType): number {
  if (card === 'credit') return Math.max(500, Math.round(rng.lognormal(6000, 0.6) / 100) * 100);
  if (card === 'debit') return Math.max(300, Math.round(rng.lognormal(2500, 0.4) / 100) * 100);
  return Math.max(50, Math.round(rng.lognormal(500, 0.5) / 50) * 50);
}

/** Draws one transaction's features at UTC hour `utcHour`, honouring `fixed` values. */
export function drawFeatures(rng: Rng, utcHour: number, fixed: FixedValues = {}): TxFeatures {
  const region =
    fixed.region ?? REGIONS[rng.weightedIndex(REGION_WEIGHTS_BY_UTC_HOUR[utcHour] ?? [])] ?? 'NA';
  const hourOfDay = localHour(region, utcHour);
  const device = fixed.device ?? DEVICES[rng.weightedIndex(DEVICE_WEIGHTS[region])] ?? 'ios';
  const cohortFactor = region === 'APAC' && device === 'android' ? RISKY_APAC_ANDROID_FACTOR : 1;
  const riskyShare = RISKY_SESSION_SHARE * cohortFactor * (hourOfDay <= 5 ? RISKY_NIGHT_FACTOR : 1);
  const risky =
    fixed.riskySession ?? rng.chance(riskyShareGiven(riskyShare, fixed.merchantCategory));
  const channel = CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS[device])] ?? 'online';
  const categoryWeights = risky ? RISKY_CATEGORY_WEIGHTS : CATEGORY_WEIGHTS;
  const merchantCategory =
    fixed.merchantCategory ?? TRAINING_CATEGORIES[rng.weightedIndex(categoryWeights)] ?? 'grocery';
  const cardType =
    CARD_TYPES[rng.weightedIndex(risky ? RISKY_CARD_WEIGHTS : CARD_WEIGHTS)] ?? 'credit';
  const customerAge = drawCustomerAge(rng);
  const avgAmount30d = Math.max(1, roundTo(rng.lognormal(42, 0.55), 2));
  // Risky sessions spend ~8x the cardholder's habit; ordinary ones vary around it.
  const habit = risky ? rng.lognormal(8, 0.75) : rng.lognormal(1, 0.6);
  const amount = Math.max(
    0.5,
    roundTo(avgAmount30d * CATEGORY_TICKET[merchantCategory] * habit, 2),
  );
  const utilization = 1.5 / (1 + Math.exp(-(-0.9 + 1.1 * rng.normal())));
  return {
    amount,
    accountAgeDays: drawAccountAgeDays(rng, customerAge, risky),
    txnCount24h: rng.poisson(risky ? 7 : 2.4),
    avgAmount30d,
    distanceFromHomeKm: drawDistanceKm(rng, channel, merchantCategory, risky),
    merchantRisk: drawMerchantRisk(rng, merchantCategory, risky),
    creditLimit: drawCreditLimit(rng, cardType),
    utilization: roundTo(utilization, 3),
    customerAge,
    hourOfDay,
    region,
    device,
    channel,
    merchantCategory,
    cardType,
  };
}
