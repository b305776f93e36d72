import { DRIFT_TABLE } from './cases/drift.ts';
import { CLI_ONE_PROCESS } from './cases/cli.ts';
import type { CaseResult } from './harness.ts';

/** The bar, as ratios to the floor measured in the same run at 1M rows (a side). */
export const TARGETS: readonly { case: string; maxRatio: number; what: string }[] = [
  { case: DRIFT_TABLE, maxRatio: 3, what: 'the whole drift table, 1M vs 1M rows' },
  { case: 'performance by region', maxRatio: 2, what: 'performance by one column, 1M vs 1M' },
  { case: 'slices: 10 columns, max level 3', maxRatio: 10, what: 'slices at 1M rows' },
];

/** "Several times faster" than the pandas + scipy + sklearn script, taken as at least 3x. */
export const MIN_TIMES_FASTER = 3;

const atMillion = (r: CaseResult) =>
  r.details?.rows_per_side === 1_000_000 ||
  (r.details?.rows_per_side === undefined && r.rows === 1_000_000);

/** Lines for people: each target with every engine's measured ratio at 1M rows, met or not. */
export function targetLines(results: readonly CaseResult[]): string[] {
  const lines: string[] = [];
  for (const t of TARGETS) {
    const measured = results.filter(
      (r) => r.case === t.case && atMillion(r) && r.ratio_to_floor !== null,
    );
    if (measured.length === 0) continue;
    const each = measured.map(
      (r) =>
        `${r.engine} ${r.ratio_to_floor}× (${(r.ratio_to_floor ?? Infinity) <= t.maxRatio ? 'met' : 'over'})`,
    );
    lines.push(`target ${t.what} within ${t.maxRatio}× the floor: ${each.join(', ')}`);
  }
  const cli = results.filter(
    (r) => r.case === CLI_ONE_PROCESS && atMillion(r) && r.median_ms !== null,
  );
  if (cli.length > 0) {
    const each = cli.map((r) => {
      const x = Number(r.details?.times_faster_than_script);
      return `${r.engine} ${((r.median_ms ?? 0) / 1000).toFixed(1)} s = ${x}× faster (${x >= MIN_TIMES_FASTER ? 'met' : 'not met'})`;
    });
    lines.push(
      `target CLI drift + performance in one process, 1M vs 1M, several times faster than the 15 s script: ${each.join(', ')}`,
    );
  }
  return lines.length > 0 ? ["targets (the issue's bar):", ...lines] : [];
}
