// The canary queries' rows, read into per-group sums keyed by canary-groups.ts groupId: each
// side's counts, the AUC and latency rank sums, and a shadow comparison's paired tables.
import type { Table } from 'apache-arrow';
import type { Cell } from '../../engine/arrow-columns.ts';
import type { MannWhitneyInputs } from '../../stats/mann-whitney.ts';
import { noSums, type PairedSums, type SideSums } from './canary-checks.ts';
import { groupId, readGroupRows, type CanaryGroupKey } from './canary-groups.ts';
import type { PairedTable } from './canary-result.ts';

const num = (v: Cell | undefined): number => (typeof v === 'number' ? v : 0);

/** Each group's key and both sides' sums. */
export interface SidedGroup {
  key: CanaryGroupKey;
  sides: [SideSums, SideSums];
}

/** p50, p95, p99 of a counts row; null without latencies. */
function latencyQuantiles(row: Record<string, Cell>): [number, number, number] | null {
  const { lat_p50: p50, lat_p95: p95, lat_p99: p99 } = row;
  return typeof p50 === 'number' && typeof p95 === 'number' && typeof p99 === 'number'
    ? [p50, p95, p99]
    : null;
}

/** countsQuery and the AUC rank sums (grouped with `side`), merged per group. */
export function readSidedGroups(counts: Table, aucRanks: Table | null): Map<string, SidedGroup> {
  const groups = new Map<string, SidedGroup>();
  const sidesOf = (key: CanaryGroupKey) => {
    const id = groupId(key);
    let g = groups.get(id);
    if (g === undefined) {
      g = { key, sides: [{ ...noSums }, { ...noSums }] };
      groups.set(id, g);
    }
    return g.sides;
  };
  for (const { key, row } of readGroupRows(counts)) {
    const side = num(row.side) === 0 ? 0 : 1;
    const sums = sidesOf(key);
    sums[side] = {
      ...sums[side],
      rows: num(row.rows),
      n: num(row.n),
      positives: num(row.positives),
      predicted: num(row.predicted),
      tp: num(row.tp),
      correct: num(row.correct),
      okN: num(row.ok_n),
      okK: num(row.ok_k),
      latN: num(row.lat_n),
      latMin: typeof row.lat_min === 'number' ? row.lat_min : null,
      latency: latencyQuantiles(row),
      scored: num(row.scored),
      logLossSum: num(row.log_loss_sum),
    };
  }
  for (const { key, row } of aucRanks === null ? [] : readGroupRows(aucRanks)) {
    const side = num(row.side) === 0 ? 0 : 1;
    const sums = sidesOf(key);
    sums[side] = {
      ...sums[side],
      scoredPositives: num(row.marked_n),
      positiveRankSum: num(row.marked_rank_sum),
    };
  }
  return groups;
}

/** Rank sums of a pooled value with the baseline's rows marked: Mann-Whitney's inputs per group. */
export function readMannWhitney(ranks: Table): Map<string, MannWhitneyInputs> {
  const out = new Map<string, MannWhitneyInputs>();
  for (const { key, row } of readGroupRows(ranks)) {
    out.set(groupId(key), {
      n1: num(row.marked_n),
      n2: num(row.n) - num(row.marked_n),
      rankSum1: num(row.marked_rank_sum),
      tieTerm: num(row.tie_term),
    });
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
