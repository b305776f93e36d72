// The windows of a log's time span that the Slices view can search one of, named as timelines
// name them (windows.ts): days at midnight, weeks from Monday, months from the 1st, in UTC as
// DuckDB's date_trunc cuts a timestamp without a zone.
import { chooseWindow, type WindowUnit } from '../../../shared/analyses/windows.ts';
import type { SlicesWindow } from '../../engine/worker-protocol.ts';
import type { DatasetSchema } from '../../../shared/schema/dataset-schema.ts';

const DAY_MS = 86_400_000;

/** Epoch ms → `YYYY-MM-DD` (UTC). */
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The start of the window holding `ms`. */
function windowStart(ms: number, unit: WindowUnit): number {
  const d = new Date(ms);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  if (unit === 'day') return day;
  if (unit === 'week') return day - ((d.getUTCDay() + 6) % 7) * DAY_MS;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The start of the window after the one starting at `start`. */
function nextStart(start: number, unit: WindowUnit): number {
  if (unit === 'day') return start + DAY_MS;
  if (unit === 'week') return start + 7 * DAY_MS;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** The unit a window choice stands for: `auto` picks from the span as timelines do. */
export function resolvedWindowUnit(
  unit: WindowUnit | 'auto',
  span: DatasetSchema['timeSpan'],
): WindowUnit {
  return unit === 'auto' ? chooseWindow(span) : unit;
}

/** Every window of `unit` that the span touches, oldest first; none without a span. */
export function spanWindows(span: DatasetSchema['timeSpan'], unit: WindowUnit): SlicesWindow[] {
  if (span === null) return [];
  const out: SlicesWindow[] = [];
  for (let start = windowStart(span.start, unit); start <= span.end;) {
    const end = nextStart(start, unit);
    out.push({ unit, start: isoDate(start), end: isoDate(end) });
    start = end;
  }
  return out;
}

/** A window as an option reads: "week of 2026-09-21", "2026-09-21", "month of 2026-09-01". */
export function windowLabel(window: SlicesWindow): string {
  return window.unit === 'day' ? window.start : `${window.unit} of ${window.start}`;
}

/** A window in a sentence: "in the week of 2026-09-21", "on 2026-09-21". */
export function windowWords(window: SlicesWindow): string {
  return window.unit === 'day' ? `on ${window.start}` : `in the ${window.unit} of ${window.start}`;
}
