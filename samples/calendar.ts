/**
 * The three logs' time windows and the event-time sampler. Rows are spread over the window with a
 * daily traffic curve (quiet nights, busy evenings in each region's local time), and row i always
 * gets a later-or-equal time than row i - 1, so a log reads in time order.
 */
import type { Region } from './transaction.ts';
import { REGIONS } from './transaction.ts';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
const HOUR_MS = 3_600_000;

/** A window of whole weeks starting on a Monday at 00:00 UTC; end is exclusive. */
export interface TimeWindow {
  startMs: number;
  weeks: number;
}

/** Epoch ms of a date at 00:00 UTC; `date` is 'YYYY-MM-DD'. */
export function utcDateMs(date: string): number {
  return Date.parse(date + 'T00:00:00Z');
}

/** 'YYYY-MM-DD' of an epoch-ms instant (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export const TRAINING_WINDOW: TimeWindow = { startMs: utcDateMs('2026-07-06'), weeks: 8 };
export const PRODUCTION_WINDOW: TimeWindow = { startMs: utcDateMs('2026-08-31'), weeks: 8 };
export const CANARY_WINDOW: TimeWindow = { startMs: utcDateMs('2026-10-26'), weeks: 2 };

/** Week number of `timeMs` inside the window (0-based). */
export function weekIndex(window: TimeWindow, timeMs: number): number {
  return Math.floor((timeMs - window.startMs) / WEEK_MS);
}

/** ISO dates of the Mondays that start each week of the window. */
export function weekStarts(window: TimeWindow): string[] {
  return Array.from({ length: window.weeks }, (_, w) => isoDate(window.startMs + w * WEEK_MS));
}

/** Share of cardholders per region and their UTC offsets (no daylight saving: a sample). */
export const REGION_SHARE: Record<Region, number> = { NA: 0.33, EU: 0.29, APAC: 0.25, LATAM: 0.13 };
const REGION_UTC_OFFSET_H: Record<Region, number> = { NA: -5, EU: 1, APAC: 8, LATAM: -3 };

/** Relative traffic by local hour 0..23: few purchases at night, a peak in the evening. */
const LOCAL_HOUR_TRAFFIC = [
  0.22, 0.14, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.8, 0.95, 1, 1.02, 1.08, 1.05, 1, 1, 1.02, 1.08,
  1.15, 1.15, 1.05, 0.88, 0.62, 0.4,
];

/** Local hour of a region at a UTC hour. */
export function localHour(region: Region, utcHour: number): number {
  return (((utcHour + REGION_UTC_OFFSET_H[region]) % 24) + 24) % 24;
}

function trafficAt(region: Region, utcHour: number): number {
  return REGION_SHARE[region] * (LOCAL_HOUR_TRAFFIC[localHour(region, utcHour)] ?? 0);
}

/** Per UTC hour: P(region) among that hour's traffic, so regions keep their share per day. */
export const REGION_WEIGHTS_BY_UTC_HOUR: number[][] = Array.from({ length: 24 }, (_, h) =>
  REGIONS.map((region) => trafficAt(region, h)),
);

const UTC_HOUR_TRAFFIC = REGION_WEIGHTS_BY_UTC_HOUR.map((w) => w.reduce((a, b) => a + b, 0));

/** Maps a position in [0, rows) to an event time with the daily traffic curve (inverse CDF). */
export class EventTimeSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly window: TimeWindow,
    private readonly rows: number,
  ) {
    const hours = window.weeks * 7 * 24;
    this.cumulative = new Float64Array(hours + 1);
    for (let k = 0; k < hours; k += 1) {
      this.cumulative[k + 1] = (this.cumulative[k] ?? 0) + (UTC_HOUR_TRAFFIC[k % 24] ?? 0);
    }
    this.total = this.cumulative[hours] ?? 0;
  }

  /** Event time (epoch ms, whole seconds) of row `index`; `jitter` in [0, 1) keeps the order. */
  timeOf(index: number, jitter: number): number {
    const target = ((index + jitter) / this.rows) * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) <= target) lo = mid;
      else hi = mid;
    }
    const start = this.cumulative[lo] ?? 0;
    const width = (this.cumulative[lo + 1] ?? start + 1) - start;
    const offsetMs = (lo + (target - start) / width) * HOUR_MS;
    return this.window.startMs + Math.floor(offsetMs / 1000) * 1000;
  }
}
