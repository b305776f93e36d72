// The canary queries' rows, read into per-group sums keyed by canary-groups.ts groupId: each
// side's counts, the AUC and latency rank sums, and a shadow comparison's paired tables.
import type { Table } from 'apache-arrow';
import type { Cell } from '../../engine/arrow-columns.ts';
import type { MannWhitneyInputs } from '../../stats/mann-whitney.ts';
import { linearQuantile } from '../../stats/quantile-edges.ts';
import { noSums, type PairedSums, type SideSums } from './canary-checks.ts';
import { groupId, readGroupRows, type CanaryGroupKey } from './canary-groups.ts';
import type { PairedTable } from './canary-result.ts';

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** Each group's key and both sides' sums. */
export interface SidedGroup {
  key: CanaryGroupKey;
  sides: [SideSums, SideSums];
}

/** countsQuery's rows: both sides' sums per group. */
export function readSidedGroups(counts: Table): Map<string, SidedGroup> {
  const groups = new Map<string, SidedGroup>();
  for (const { key, row } of readGroupRows(counts)) {
    const id = groupId(key);
    let g = groups.get(id);
    if (g === undefined) {
      g = { key, sides: [{ ...noSums }, { ...noSums }] };
      groups.set(id, g);
    }
    g.sides[num(row.side) === 0 ? 0 : 1] = {
      ...noSums,
      rows: num(row.rows),
      n: num(row.n),
      positives: num(row.positives),
      predicted: num(row.predicted),
      tp: num(row.tp),
      correct: num(row.correct),
      okN: num(row.ok_n),
      okK: num(row.ok_k),
      latN: num(row.lat_n),
      scored: num(row.scored),
      scoredPositives: num(row.marked_n),
      positiveRankSum: num(row.marked_rank_sum),
      logLossSum: num(row.log_loss_sum),
    };
  }
  return groups;
}

/** numpy-linear quantiles of latency each side reports: p50, p95, p99. */
export const LATENCY_QUANTILES = [0.5, 0.95, 0.99] as const;

/** A side's quantile at LATENCY_QUANTILES[j] from the order statistics rankSumsQuery fetched. */
function sideQuantile(row: Record<string, Cell>, side: 'm' | 'u', n: number, j: number): number {
  const q = LATENCY_QUANTILES[j] ?? 0;
  const lo = Math.floor((n - 1) * q);
  const at = (i: number) => num(row[`q${j}_${side}_${i === lo ? 'lo' : 'hi'}`]);
  return linearQuantile(n, q, at);
}

/**
 * The latency rank sums (baseline rows marked, with LATENCY_QUANTILES' order statistics): each
 * group's sides get their smallest latency and p50/p95/p99; returns Mann-Whitney's inputs per group.
 */
export function addLatency(
  groups: ReadonlyMap<string, SidedGroup>,
  ranks: Table,
): Map<string, MannWhitneyInputs> {
  const out = new Map<string, MannWhitneyInputs>();
  for (const { key, row } of readGroupRows(ranks)) {
    const id = groupId(key);
    const n1 = num(row.marked_n);
    const n2 = num(row.n) - n1;
    out.set(id, { n1, n2, rankSum1: num(row.marked_rank_sum), tieTerm: num(row.tie_term) });
    const sides = groups.get(id)?.sides;
    if (sides === undefined) continue;
    for (const [index, side, n] of [
      [0, 'm', n1],
      [1, 'u', n2],
    ] as const) {
      if (n === 0) continue;
      const quantiles = LATENCY_QUANTILES.map((_, j) => sideQuantile(row, side, n, j));
      sides[index] = {
        ...sides[index],
        latMin: num(row[`${side}_min`]),
        latency: [quantiles[0] ?? 0, quantiles[1] ?? 0, quantiles[2] ?? 0],
      };
    }
  }
  return out;
}

const pairedTable = (row: Record<string, Cell>, prefix: string): PairedTable => ({
  both_correct: num(row[`${prefix}_11`]),
  baseline_only_correct: num(row[`${prefix}_10`]),
  canary_only_correct: num(row[`${prefix}_01`]),
  both_wrong: num(row[`${prefix}_00`]),
});

/**
 * pairedCountsQuery and the rank sums of one of its differences (`d` latency, `de` absolute
 * error), per group.
 */
export function readPaired(
  counts: Table,
  differenceRanks: Table,
  difference: 'd' | 'de' = 'd',
): Map<string, PairedSums> {
  const ranks = new Map(readGroupRows(differenceRanks).map(({ key, row }) => [groupId(key), row]));
  const out = new Map<string, PairedSums>();
  for (const { key, row } of readGroupRows(counts)) {
    const r = ranks.get(groupId(key)) ?? {};
    out.set(groupId(key), {
      accuracy: pairedTable(row, 'acc'),
      recall: pairedTable(row, 'rec'),
      success: pairedTable(row, 'ok'),
      differences: {
        pairs: num(row[`${difference}_n`]),
        zeros: num(row[`${difference}_zero`]),
        n: num(r.n),
        rankSumPositive: num(r.marked_rank_sum),
        tieTerm: num(r.tie_term),
      },
    });
  }
  return out;
}
