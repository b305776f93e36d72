import { canarySpecFromFiles, type CanarySpec } from '../../shared/analyses/canary/canary-spec.ts';
import type { CanaryResult } from '../../shared/analyses/canary/canary-result.ts';
import { runCanary } from '../../shared/analyses/canary/run-canary.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { time, type Results } from '../harness.ts';
import { medianQueryTimes, timedEngine, type QueryTime } from '../query-log.ts';
import { median } from '../stats.ts';
import { benchPairedLogs, type PairedLogs } from './paired-logs.ts';

/** The cases, each with its spec: which of the paired logs is the baseline, which the canary. */
const CASES: readonly (readonly [name: string, spec: (pair: PairedLogs) => CanarySpec])[] = [
  // Different rows on each side, as a canary taking part of the traffic sees them. The sample's
  // later weeks hold planted shifts, so the verdict is INVALID: every check is still computed.
  [
    'canary: split traffic (two logs), default segments',
    ({ reference, current }) => canarySpecFromFiles(reference.schema, current.schema),
  ],
  // The same ids on both sides: the paired tests on the rows joined by id.
  [
    'canary: shadow (one log on both sides, joined by id)',
    ({ current }) => canarySpecFromFiles(current.schema, current.schema),
  ],
];

/**
 * `faultline canary` at `rows` rows per side on the paired logs (paired-logs.ts): the training
 * log as the baseline and the production log as the canary (split traffic), then the production
 * log against itself (shadow), against both tables' floor; with each query's median and the JS
 * time.
 */
export async function benchCanary(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  await benchPairedLogs(
    { rows, runs, dataRoot, results },
    'canary',
    CASES.map(([name]) => name),
    async (pair) => {
      for (const [name, specOf] of CASES) {
        const { ms, details } = await timeCanary(runs, pair.engine, specOf(pair));
        pair.record(name, ms, details);
      }
    },
  );
}

/** runCanary timed `runs` times, with what it judged, each query's median and its JS time. */
async function timeCanary(
  runs: number,
  engine: Engine,
  spec: CanarySpec,
): Promise<{ ms: number[]; details: Record<string, unknown> }> {
  const logs: QueryTime[][] = [];
  let result: CanaryResult | undefined;
  const ms = await time(runs, async () => {
    const log: QueryTime[] = [];
    logs.push(log);
    result = await runCanary(timedEngine(engine, log), spec);
  });
  const sqlMs = logs.map((log) => log.reduce((s, q) => s + q.ms, 0));
  return {
    ms,
    details: {
      design: result?.design,
      verdict: result?.verdict,
      segments: spec.segments.map((s) => s.name),
      population_features: spec.features.length,
      checks: result?.checks.length,
      js_median_ms: Math.round(median(ms.map((t, i) => t - (sqlMs[i] ?? 0)))),
      queries: medianQueryTimes(logs),
    },
  };
}
