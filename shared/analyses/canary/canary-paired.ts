// A shadow comparison's paired tests (STATS.md: McNemar on correct/incorrect, Wilcoxon signed-rank
// on per-row differences) from the rows both models scored, joined by id.
import type { Table } from 'apache-arrow';
import { raw, type Sql } from '../../sql/sql.ts';
import { wilcoxonSummary, type PairedSums } from './canary-checks.ts';
import type { CanaryGrouping } from './canary-groups.ts';
import { pairedCountsQuery, pairedRowsSql, rankSumsQuery } from './canary-queries.ts';
import { readPaired } from './canary-read.ts';
import type { WilcoxonSummary } from './canary-result.ts';

/** The rank sums of the non-zero |difference| of `d` (latency) or `de` (absolute error). */
const differenceRanks = (pairs: Sql, g: CanaryGrouping, difference: 'd' | 'de'): Sql =>
  rankSumsQuery(
    pairs,
    g,
    raw(`CASE WHEN ${difference} <> 0 THEN abs(${difference}) END`),
    raw(`${difference} > 0`),
  );

/** Per group of `g` (no side): the McNemar tables and the latency differences' ranks. */
export async function pairedSums(
  run: (q: Sql) => Promise<Table>,
  rows: Sql,
  g: CanaryGrouping,
): Promise<Map<string, PairedSums>> {
  const pairs = pairedRowsSql(rows, g.segments);
  return readPaired(
    await run(pairedCountsQuery(pairs, g)),
    await run(differenceRanks(pairs, g, 'd')),
  );
}

/** Over all pairs: Wilcoxon on |score - label|, baseline minus canary (shown beside the checks). */
export async function absoluteErrorTest(
  run: (q: Sql) => Promise<Table>,
  rows: Sql,
): Promise<WilcoxonSummary | null> {
  const g: CanaryGrouping = { always: [], segments: 0, windowed: false };
  const pairs = pairedRowsSql(rows, 0);
  const [overall] = readPaired(
    await run(pairedCountsQuery(pairs, g)),
    await run(differenceRanks(pairs, g, 'de')),
    'de',
  ).values();
  return overall === undefined ? null : wilcoxonSummary(overall.differences);
}
