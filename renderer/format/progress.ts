import type { Progress } from '../../shared/engine/engine.ts';
import { formatBytes } from './bytes.ts';
import { formatCount } from './numbers.ts';

/**
 * How far a job is, in its unit: "12.3 MB of 52.4 MB", "40,000 of 100,000 rows", "2 of 5 files",
 * with the rows loaded so far when known ("1 of 2 files · 500,000 rows"),
 * or just what is done when the total is unknown. Empty when there is nothing to count.
 */
export function formatProgressAmount(progress: Progress): string {
  const amount = amountInUnit(progress);
  if (progress.rows === undefined) return amount;
  const rows = `${formatCount(progress.rows)} rows`;
  return amount === '' ? rows : `${amount} · ${rows}`;
}

function amountInUnit(progress: Progress): string {
  const { done, total, unit } = progress;
  if (unit === 'bytes') {
    return total === undefined
      ? formatBytes(done)
      : `${formatBytes(done)} of ${formatBytes(total)}`;
  }
  if (unit === undefined && total === undefined) return '';
  const suffix = unit === undefined ? '' : ` ${unit}`;
  return total === undefined
    ? `${formatCount(done)}${suffix}`
    : `${formatCount(done)} of ${formatCount(total)}${suffix}`;
}

/** The bar's end: the total, or null when no bar can be drawn. */
export function progressMax(progress: Progress): number | null {
  return progress.total !== undefined && progress.total > 0 ? progress.total : null;
}
