/**
 * A chunk of rows held as typed columns and turned into one Arrow record batch. Integers are
 * Int64 and times timestamp[us] without a zone (UTC wall clock), so a Parquet file loads with the
 * same DuckDB types as the CSV (whose integers DuckDB reads as BIGINT, its times as TIMESTAMP,
 * which is microseconds: a millisecond Arrow time would arrive as TIMESTAMP_MS).
 */
import type { Data, DataType } from 'apache-arrow';
import {
  Field,
  Float64,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  TimestampMicrosecond,
  Utf8,
  makeData,
} from 'apache-arrow';
import type { TxRow } from './transaction.ts';
import { COLUMNS } from './transaction.ts';

const ARROW_TYPES = { string: Utf8, timestamp: TimestampMicrosecond, float: Float64, int: Int64 };

/** The Arrow schema of a log; only distance_from_home_km can be null. */
export const LOG_SCHEMA = new Schema(
  COLUMNS.map(
    (c) => new Field(c.name, new ARROW_TYPES[c.type](), c.name === 'distance_from_home_km'),
  ),
);

type FloatColumn = 'amount' | 'avgAmount30d' | 'merchantRisk' | 'utilization' | 'fraudScore';
type IntColumn =
  | 'eventTimeMs'
  | 'accountAgeDays'
  | 'txnCount24h'
  | 'creditLimit'
  | 'customerAge'
  | 'hourOfDay'
  | 'isFraud'
  | 'predictedFraud'
  | 'latencyMs';
type TextColumn =
  'region' | 'device' | 'channel' | 'merchantCategory' | 'cardType' | 'modelVersion';

const FLOAT_COLUMNS: FloatColumn[] = [
  'amount',
  'avgAmount30d',
  'merchantRisk',
  'utilization',
  'fraudScore',
];
const INT_COLUMNS: IntColumn[] = [
  'eventTimeMs',
  'accountAgeDays',
  'txnCount24h',
  'creditLimit',
  'customerAge',
  'hourOfDay',
  'isFraud',
  'predictedFraud',
  'latencyMs',
];
const TEXT_COLUMNS: TextColumn[] = [
  'region',
  'device',
  'channel',
  'merchantCategory',
  'cardType',
  'modelVersion',
];

/** Which TxRow property feeds each file column. */
const SOURCE: Record<string, keyof TxRow> = {
  transaction_id: 'txIndex',
  event_time: 'eventTimeMs',
  amount: 'amount',
  account_age_days: 'accountAgeDays',
  txn_count_24h: 'txnCount24h',
  avg_amount_30d: 'avgAmount30d',
  distance_from_home_km: 'distanceFromHomeKm',
  merchant_risk: 'merchantRisk',
  credit_limit: 'creditLimit',
  utilization: 'utilization',
  customer_age: 'customerAge',
  hour_of_day: 'hourOfDay',
  region: 'region',
  device: 'device',
  channel: 'channel',
  merchant_category: 'merchantCategory',
  card_type: 'cardType',
  is_fraud: 'isFraud',
  fraud_score: 'fraudScore',
  predicted_fraud: 'predictedFraud',
  model_version: 'modelVersion',
  latency_ms: 'latencyMs',
};

const TWO_POW_32 = 4294967296;
const ID_WIDTH = 12; // 'tx_' + 9 digits
const encoder = new TextEncoder();

/** Rows of one chunk in columns, ready for Parquet. */
export class RowBatch {
  length = 0;
  private readonly txIndex: Float64Array;
  private readonly floats: Record<FloatColumn, Float64Array>;
  private readonly ints: Record<IntColumn, Float64Array>;
  private readonly texts: Record<TextColumn, string[]>;
  private readonly distance: Float64Array;
  private readonly distanceValid: Uint8Array;
  private distanceNulls = 0;

  constructor(readonly capacity: number) {
    this.txIndex = new Float64Array(capacity);
    this.floats = Object.fromEntries(
      FLOAT_COLUMNS.map((c) => [c, new Float64Array(capacity)]),
    ) as Record<FloatColumn, Float64Array>;
    this.ints = Object.fromEntries(
      INT_COLUMNS.map((c) => [c, new Float64Array(capacity)]),
    ) as Record<IntColumn, Float64Array>;
    this.texts = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, []])) as unknown as Record<
      TextColumn,
      string[]
    >;
    this.distance = new Float64Array(capacity);
    this.distanceValid = new Uint8Array(Math.ceil(capacity / 8));
  }

  /** Appends a row (the batch must not be full). */
  push(row: TxRow): void {
    const i = this.length;
    this.txIndex[i] = row.txIndex;
    for (const c of FLOAT_COLUMNS) this.floats[c][i] = row[c];
    for (const c of INT_COLUMNS) this.ints[c][i] = row[c];
    for (const c of TEXT_COLUMNS) this.texts[c].push(row[c]);
    if (row.distanceFromHomeKm === null) this.distanceNulls += 1;
    else {
      this.distance[i] = row.distanceFromHomeKm;
      this.distanceValid[i >> 3] = (this.distanceValid[i >> 3] ?? 0) | (1 << (i & 7));
    }
    this.length += 1;
  }

  /** The batch as an Arrow record batch in LOG_SCHEMA's column order. */
  toRecordBatch(): RecordBatch {
    const children: Data<DataType>[] = LOG_SCHEMA.fields.map((field) => this.columnData(field));
    const struct = makeData({
      type: new Struct(LOG_SCHEMA.fields),
      length: this.length,
      nullCount: 0,
      children,
    });
    return new RecordBatch(LOG_SCHEMA, struct);
  }

  private columnData(field: Field): Data<DataType> {
    const n = this.length;
    const source = SOURCE[field.name];
    if (field.name === 'transaction_id') return transactionIdData(this.txIndex.subarray(0, n));
    if (field.name === 'distance_from_home_km') {
      return makeData({
        type: new Float64(),
        length: n,
        nullCount: this.distanceNulls,
        nullBitmap: this.distanceNulls > 0 ? this.distanceValid : undefined,
        data: this.distance.subarray(0, n),
      });
    }
    if (FLOAT_COLUMNS.some((c) => c === source)) {
      const values = this.floats[source as FloatColumn].subarray(0, n);
      return makeData({ type: new Float64(), length: n, nullCount: 0, data: values });
    }
    if (INT_COLUMNS.some((c) => c === source)) {
      const values = this.ints[source as IntColumn].subarray(0, n);
      if (field.name === 'event_time') {
        const data = toInt64(values, 1000); // ms -> us
        return makeData({ type: new TimestampMicrosecond(), length: n, nullCount: 0, data });
      }
      return makeData({ type: new Int64(), length: n, nullCount: 0, data: toInt64(values) });
    }
    return utf8Data(this.texts[source as TextColumn]);
  }
}

/** Int64 words from whole numbers (times `scale`, below 2^53), as (low, high) 32-bit halves. */
function toInt64(values: Float64Array, scale = 1): BigInt64Array {
  const out = new BigInt64Array(values.length);
  const halves = new Int32Array(out.buffer);
  for (let i = 0; i < values.length; i += 1) {
    const v = (values[i] ?? 0) * scale;
    const high = Math.floor(v / TWO_POW_32);
    halves[2 * i] = (v - high * TWO_POW_32) | 0; // little-endian: low word first
    halves[2 * i + 1] = high | 0;
  }
  return out;
}

function transactionIdData(txIndex: Float64Array): Data<Utf8> {
  const n = txIndex.length;
  const bytes = new Uint8Array(n * ID_WIDTH);
  const offsets = new Int32Array(n + 1);
  const prefix = encoder.encode('tx_');
  for (let i = 0; i < n; i += 1) {
    const start = i * ID_WIDTH;
    bytes.set(prefix, start);
    let rest = txIndex[i] ?? 0;
    for (let d = ID_WIDTH - 1; d >= 3; d -= 1) {
      bytes[start + d] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    offsets[i + 1] = start + ID_WIDTH;
  }
  return makeData({
    type: new Utf8(),
    length: n,
    nullCount: 0,
    valueOffsets: offsets,
    data: bytes,
  });
}

function utf8Data(values: string[]): Data<Utf8> {
  const encoded = new Map<string, Uint8Array>();
  let total = 0;
  for (const v of values) {
    let e = encoded.get(v);
    if (e === undefined) {
      e = encoder.encode(v);
      encoded.set(v, e);
    }
    total += e.length;
  }
  const bytes = new Uint8Array(total);
  const offsets = new Int32Array(values.length + 1);
  let at = 0;
  values.forEach((v, i) => {
    const e = encoded.get(v) ?? new Uint8Array();
    bytes.set(e, at);
    at += e.length;
    offsets[i + 1] = at;
  });
  return makeData({
    type: new Utf8(),
    length: values.length,
    nullCount: 0,
    valueOffsets: offsets,
    data: bytes,
  });
}
