// Times are shown in UTC, as DuckDB stores naive timestamps and the CLI prints them: the same
// log reads the same on every machine.

/** Epoch milliseconds → "2026-07-06" (UTC). */
export function formatUtcDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Epoch milliseconds → "2026-07-06 00:03" (UTC, to the minute). */
export function formatUtcDateTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
