// Both sides' latency distributions in common bins, for the view's overlay: equal widths from the
// smallest latency to a quarter past the larger p99, the last bin open above (the long tail
// would otherwise squeeze the body of both distributions into a few bins).
import type { Table } from 'apache-arrow';
import { readRows } from '../../engine/arrow-columns.ts';
import type { Sql } from '../../sql/sql.ts';
import type { SideSums } from './canary-checks.ts';
import { latencyHistogramQuery } from './canary-queries.ts';
import type { LatencyHistogram } from './canary-result.ts';

const LATENCY_BINS = 40;

const quantiles = (s: SideSums) => ({
  p50: s.latency?.[0] ?? null,
  p95: s.latency?.[1] ?? null,
  p99: s.latency?.[2] ?? null,
});

/** The histogram of `rows`' latencies; null when neither side has one. */
export async function latencyHistogram(
  run: (q: Sql) => Promise<Table>,
  rows: Sql,
  sides: readonly [SideSums, SideSums],
  lowest: number | null,
): Promise<LatencyHistogram | null> {
  const p99s = sides.flatMap((s) => (s.latency ? [s.latency[2]] : []));
  if (p99s.length === 0 || lowest === null) return null;
  const top = Math.max(...p99s) * 1.25;
  const width = top > lowest ? (top - lowest) / LATENCY_BINS : 1;
  const counts = [0, 1].map(() => new Array<number>(LATENCY_BINS).fill(0));
  for (const r of readRows(await run(latencyHistogramQuery(rows, lowest, width, LATENCY_BINS)))) {
    const side = counts[r.side === 0 ? 0 : 1];
    if (side && typeof r.b === 'number' && typeof r.n === 'number') side[r.b] = r.n;
  }
  return {
    edges: Array.from({ length: LATENCY_BINS + 1 }, (_, i) => lowest + i * width),
    baseline: counts[0] ?? [],
    canary: counts[1] ?? [],
    quantiles: { baseline: quantiles(sides[0]), canary: quantiles(sides[1]) },
  };
}
