import { driftSpecFromSchemas, type DriftSpec } from '../../shared/analyses/drift/drift-spec.ts';
import { runDrift } from '../../shared/analyses/drift/run-drift.ts';
import { createNodeEngine } from '../../shared/engine/duckdb.node.ts';
import type { Engine } from '../../shared/engine/engine.ts';
import { FaultlineError } from '../../shared/errors.ts';
import { inferSchema } from '../../shared/schema/dataset-schema.ts';
import { ensureData, parquetInput } from '../data.ts';
import { load, sampleRss, time, type Results } from '../harness.ts';
import { engineMemory, wontFit } from '../memory.ts';
import { medianQueryTimes, timedEngine, type QueryTime } from '../query-log.ts';
import { median } from '../stats.ts';
import { scanFloor } from './scan-floor.ts';

/** Both tables' full-scan floor: scanFloor of the reference, then of the current table. */
export const PAIR_FLOOR = 'scan floor (reference + current)';
export const DRIFT_TABLE = 'drift table';
export const DRIFT_EXTRAS = 'drift table + timeline (week) + impact';

/**
 * Drift of every default column (features, score, label, prediction) between a reference and a
 * current log of `rows` rows each: the training log of the 2·rows sample (rows rows, the training
 * weeks) against the production log of the rows sample (the later weeks, with the planted
 * drift). Timed alone and with the timeline and impact, each against PAIR_FLOOR. Skipped, saying
 * why, when two such tables would not fit in DuckDB-WASM; an out-of-memory error midway skips
 * the rest the same way.
 */
export async function benchDrift(
  rows: number,
  runs: number,
  dataRoot: string,
  results: Results,
): Promise<void> {
  const pending = [PAIR_FLOOR, DRIFT_TABLE, DRIFT_EXTRAS];
  const sideDetails = { rows_per_side: rows };
  const record = (name: string, ms: number[], details: Record<string, unknown>) => {
    results.add(name, 2 * rows, ms, PAIR_FLOOR, { ...sideDetails, ...details });
    pending.splice(pending.indexOf(name), 1);
  };
  const skipRest = (reason: string) => {
    for (const name of pending) results.skip(name, 2 * rows, reason, sideDetails);
  };

  const engine = await createNodeEngine();
  try {
    const current = await load(
      engine,
      parquetInput(ensureData(rows, dataRoot, 'both'), 'production'),
      'current',
    );
    sampleRss();
    const tooBig = wontFit(await engineMemory(engine), 2);
    if (tooBig) {
      skipRest(tooBig);
      return;
    }
    const reference = await load(
      engine,
      parquetInput(ensureData(2 * rows, dataRoot, 'parquet'), 'training'),
      'reference',
    );
    sampleRss();
    const [rs, cs] = [await inferSchema(engine, reference), await inferSchema(engine, current)];

    record(
      PAIR_FLOOR,
      await time(runs, async () => {
        await scanFloor(engine, reference.table, reference.columns);
        await scanFloor(engine, current.table, current.columns);
      }),
      { columns: reference.columns.length + current.columns.length },
    );
    for (const [name, spec] of [
      [DRIFT_TABLE, driftSpecFromSchemas(rs, cs)],
      [DRIFT_EXTRAS, driftSpecFromSchemas(rs, cs, { window: 'week', impact: true })],
    ] as const) {
      const { ms, details } = await timeDrift(runs, engine, spec);
      record(name, ms, details);
    }
  } catch (e) {
    if (!(e instanceof FaultlineError && e.code === 'out_of_memory')) throw e;
    skipRest(e.message);
  } finally {
    await engine.close();
  }
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
