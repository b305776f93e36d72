/** One log row as a CSV line: plain values (no quoting is ever needed), empty for null. */
import type { TxRow } from './transaction.ts';
import { COLUMNS, transactionId } from './transaction.ts';

/** The header line, with its newline. */
export const CSV_HEADER = COLUMNS.map((c) => c.name).join(',') + '\n';

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
// Rows come in time order, so the date part is formatted once per day, not once per row.
let cachedDay = Number.NaN;
let cachedDate = '';

/** "2026-09-01 13:45:12" (UTC, whole seconds): DuckDB's CSV sniffer reads this as TIMESTAMP. */
export function csvTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 10);
  }
  const seconds = Math.floor((ms - day * DAY_MS) / 1000);
  const hh = TWO_DIGITS[Math.floor(seconds / 3600)] ?? '';
  const mm = TWO_DIGITS[Math.floor(seconds / 60) % 60] ?? '';
  return cachedDate + ' ' + hh + ':' + mm + ':' + (TWO_DIGITS[seconds % 60] ?? '');
}

/** The row as a line in COLUMNS order, with its newline. */
export function csvLine(row: TxRow): string {
  // String(number) is the shortest round-trip form, so the CSV holds the Parquet values exactly.
  return (
    transactionId(row.txIndex) +
    ',' +
    csvTimestamp(row.eventTimeMs) +
    ',' +
    row.amount +
    ',' +
    row.accountAgeDays +
    ',' +
    row.txnCount24h +
    ',' +
    row.avgAmount30d +
    ',' +
    (row.distanceFromHomeKm ?? '') +
    ',' +
    row.merchantRisk +
    ',' +
    row.creditLimit +
    ',' +
    row.utilization +
    ',' +
    row.customerAge +
    ',' +
    row.hourOfDay +
    ',' +
    row.region +
    ',' +
    row.device +
    ',' +
    row.channel +
    ',' +
    row.merchantCategory +
    ',' +
    row.cardType +
    ',' +
    row.isFraud +
    ',' +
    row.fraudScore +
    ',' +
    row.predictedFraud +
    ',' +
    row.modelVersion +
    ',' +
    row.latencyMs +
    '\n'
  );
}
