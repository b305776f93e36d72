import { driftSpecFromSchemas, type DriftSpec } from '../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../shared/analyses/drift/run-drift.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { time, type Results } from '../harness.ts';
import { medianQueryTimes, timedEngine, type QueryTime } from '../query-log.ts';
import { median } from '../stats.ts';
import { benchPairedLogs } from './paired-logs.ts';

export const DRIFT_TABLE = 'drift table';
export const DRIFT_EXTRAS = 'drift table + timeline (week) + impact';

/**
 * Drift of every default column (features, score, label, prediction) between the paired logs
 * (paired-logs.ts), timed alone and with the timeline and impact, against both tables' floor.
 */
export async function benchDrift(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  await benchPairedLogs(
    { rows, runs, dataRoot, results },
    'drift',
    [DRIFT_TABLE, DRIFT_EXTRAS],
    async ({ engine, reference, current, record }) => {
      const [rs, cs] = [reference.schema, current.schema];
      for (const [name, spec] of [
        [DRIFT_TABLE, driftSpecFromSchemas(rs, cs)],
        [DRIFT_EXTRAS, driftSpecFromSchemas(rs, cs, { window: 'week', impact: true })],
      ] as const) {
        const { ms, details } = await timeDrift(runs, engine, spec);
        record(name, ms, details);
      }
    },
  );
}

/** runDrift timed `runs` times, with the median of each query it issues and of its JS time. */
async function timeDrift(
  runs: number,
  engine: Engine,
  spec: DriftSpec,
): Promise<{ ms: number[]; details: Record<string, unknown> }> {
  const logs: QueryTime[][] = [];
  const ms = await time(runs, async () => {
    const log: QueryTime[] = [];
    logs.push(log);
    await runDrift(timedEngine(engine, log), spec);
  });
  const sqlMs = logs.map((log) => log.reduce((s, q) => s + q.ms, 0));
  const kinds = (kind: string) => spec.columns.filter((c) => c.kind === kind).length;
  return {
    ms,
    details: {
      columns: spec.columns.length,
      numeric_columns: kinds('numeric'),
      categorical_columns: kinds('categorical'),
      js_median_ms: Math.round(median(ms.map((t, i) => t - (sqlMs[i] ?? 0)))),
      queries: medianQueryTimes(logs),
    },
  };
}
