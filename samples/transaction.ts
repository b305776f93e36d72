/** The logged row of the card-fraud samples: one scored transaction, and its column order. */

export const REGIONS = ['NA', 'EU', 'APAC', 'LATAM'] as const;
export const DEVICES = ['ios', 'android', 'web'] as const;
export const CHANNELS = ['online', 'in_store', 'phone'] as const;
/** 'crypto' is not part of the training population: only planted/new-category.ts emits it. */
export const MERCHANT_CATEGORIES = [
  'grocery',
  'travel',
  'electronics',
  'gaming',
  'fuel',
  'restaurants',
  'fashion',
  'pharmacy',
  'crypto',
] as const;
export const CARD_TYPES = ['credit', 'debit', 'prepaid'] as const;

export type Region = (typeof REGIONS)[number];
export type Device = (typeof DEVICES)[number];
export type Channel = (typeof CHANNELS)[number];
export type MerchantCategory = (typeof MERCHANT_CATEGORIES)[number];
export type CardType = (typeof CARD_TYPES)[number];
export type ModelVersion = 'v1' | 'v2';

/** What the model sees (before any logging bug); values already rounded as logged. */
export interface TxFeatures {
  amount: number;
  accountAgeDays: number;
  txnCount24h: number;
  avgAmount30d: number;
  distanceFromHomeKm: number;
  merchantRisk: number;
  creditLimit: number;
  utilization: number;
  customerAge: number;
  hourOfDay: number;
  region: Region;
  device: Device;
  channel: Channel;
  merchantCategory: MerchantCategory;
  cardType: CardType;
}

/**
 * A transaction before scoring: features, the hidden fraud signals no column shows (seen by v2
 * only / by no model), and the label.
 */
export interface TxDraft {
  features: TxFeatures;
  hiddenSeenByV2: number;
  hiddenUnseen: number;
  isFraud: 0 | 1;
}

/** One log row as written. amount and distance are the logged values (after logging bugs). */
export interface TxRow extends Omit<TxFeatures, 'distanceFromHomeKm'> {
  distanceFromHomeKm: number | null;
  txIndex: number;
  eventTimeMs: number;
  isFraud: 0 | 1;
  fraudScore: number;
  predictedFraud: 0 | 1;
  modelVersion: ModelVersion;
  latencyMs: number;
}

/** Column names in file order, with the logical type each format writes. */
export const COLUMNS = [
  { name: 'transaction_id', type: 'string' },
  { name: 'event_time', type: 'timestamp' },
  { name: 'amount', type: 'float' },
  { name: 'account_age_days', type: 'int' },
  { name: 'txn_count_24h', type: 'int' },
  { name: 'avg_amount_30d', type: 'float' },
  { name: 'distance_from_home_km', type: 'float' },
  { name: 'merchant_risk', type: 'float' },
  { name: 'credit_limit', type: 'int' },
  { name: 'utilization', type: 'float' },
  { name: 'customer_age', type: 'int' },
  { name: 'hour_of_day', type: 'int' },
  { name: 'region', type: 'string' },
  { name: 'device', type: 'string' },
  { name: 'channel', type: 'string' },
  { name: 'merchant_category', type: 'string' },
  { name: 'card_type', type: 'string' },
  { name: 'is_fraud', type: 'int' },
  { name: 'fraud_score', type: 'float' },
  { name: 'predicted_fraud', type: 'int' },
  { name: 'model_version', type: 'string' },
  { name: 'latency_ms', type: 'int' },
] as const;

export type ColumnName = (typeof COLUMNS)[number]['name'];

/** "tx_000000123": nine digits cover the 10M-row runs with room to spare. */
export function transactionId(txIndex: number): string {
  return 'tx_' + String(txIndex).padStart(9, '0');
}

/** Rounds to `digits` decimals (values are logged rounded, so CSV and Parquet hold the same). */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
